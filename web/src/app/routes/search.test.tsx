import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pending, strapiError, stubApi } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

describe('search', () => {
  it('searches titles and excerpts from the box in the header', async () => {
    const requests = stubApi(cmsRoutes());
    const { user, router } = renderApp('/');
    const siteSearch = screen.getByRole('search', { name: 'Search the blog' });

    await user.type(within(siteSearch).getByRole('searchbox'), 'usmle');
    await user.click(within(siteSearch).getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “usmle”' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=usmle');
    expect(screen.getByRole('status')).toHaveTextContent('1 article found');
    expect(screen.getByRole('link', { name: 'A 12-week plan for USMLE Step 2 CK' })).toBeInTheDocument();
    expect(requests.at(-1)?.query.filters).toEqual({
      $or: [{ title: { $containsi: 'usmle' } }, { excerpt: { $containsi: 'usmle' } }],
    });
  });

  it('shows a skeleton while searching', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': pending });
    renderApp('/search?q=rounds');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading articles…');
  });

  it('says so when nothing matches', async () => {
    stubApi(cmsRoutes());
    renderApp('/search?q=dermatology');
    expect(
      await screen.findByText(
        'No articles match “dermatology”. Try fewer or different words, or browse the topics above.',
      ),
    ).toBeInTheDocument();
    // The search box keeps the words, ready to be refined.
    expect(screen.getByRole('searchbox', { name: 'Search the blog' })).toHaveValue('dermatology');
  });

  it('invites the reader to type when there is no search yet', async () => {
    const requests = stubApi(cmsRoutes());
    renderApp('/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search articles' })).toBeInTheDocument();
    expect(requests.some((request) => request.path === '/api/articles')).toBe(false);
  });

  it('explains a server error', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': () => strapiError(502, 'Bad Gateway') });
    renderApp('/search?q=rounds');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong on our side' }),
    ).toBeInTheDocument();
  });
});

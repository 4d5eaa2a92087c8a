import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, networkError, pending, stubApi } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

describe('category page', () => {
  it('shows a skeleton while the articles load', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': pending });
    renderApp('/categories/internships');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading articles…');
  });

  it('lists the articles of the topic, newest first', async () => {
    stubApi(cmsRoutes());
    renderApp('/categories/internships');

    expect(await screen.findByRole('heading', { level: 1, name: 'Internships' })).toBeInTheDocument();
    expect(screen.getByText('Finding and making the most of clinical internships.')).toBeInTheDocument();
    const titles = within(screen.getByRole('main'))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual([
      'Your first clinical internship: a practical guide',
      'Planning an elective abroad',
      'Asking for letters of recommendation',
    ]);
    const nav = screen.getByRole('navigation', { name: 'Topics' });
    expect(within(nav).getByRole('link', { name: 'Internships' })).toHaveAttribute('aria-current', 'page');
  });

  it('dates the card of an imported post by its day on the old blog', async () => {
    stubApi(cmsRoutes());
    renderApp('/categories/usmle-preparation');
    const title = await screen.findByRole('link', { name: 'Step 1 is pass/fail: what now?' });
    const card = title.closest('article')!;
    expect(card).toHaveTextContent('26 January 2022');
    expect(card).not.toHaveTextContent('1 March 2026');
  });

  it('is reached from the topic navigation', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Topics' });
    await user.click(await within(nav).findByRole('link', { name: 'USMLE preparation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'USMLE preparation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Step 1 is pass/fail: what now?' })).toBeInTheDocument();
  });

  it('says so when the topic has no articles yet', async () => {
    stubApi({
      ...cmsRoutes(),
      'GET /api/articles': () =>
        json({ data: [], meta: { pagination: { page: 1, pageSize: 6, pageCount: 0, total: 0 } } }),
    });
    renderApp('/categories/medical-training');
    expect(await screen.findByText('No articles in Medical training yet. Please check back soon.')).toBeInTheDocument();
  });

  it('shows the 404 page for an unknown topic', async () => {
    stubApi(cmsRoutes());
    renderApp('/categories/cardiology');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('shows the offline message when the CMS cannot be reached', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/categories': networkError });
    renderApp('/categories/internships');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We can’t reach the blog right now' }),
    ).toBeInTheDocument();
  });
});

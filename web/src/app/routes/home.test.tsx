import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, networkError, pending, strapiError, stubApi } from '@/testing/api-stub';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

describe('home page', () => {
  it('shows a skeleton while the articles load', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': pending });
    renderApp('/');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading articles…');
    // The site frame does not wait for the articles.
    expect(await screen.findByRole('link', { name: 'MedPath Blog' })).toBeInTheDocument();
  });

  it('shows featured articles first, then the latest, with their details', async () => {
    stubApi(cmsRoutes());
    renderApp('/');

    const featured = await screen.findByRole('region', { name: 'Featured' });
    const featuredTitles = within(featured)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(featuredTitles).toEqual([
      'Your first clinical internship: a practical guide',
      'A 12-week plan for USMLE Step 2 CK',
    ]);

    const latest = screen.getByRole('region', { name: 'Latest articles' });
    const firstCard = within(latest).getAllByRole('article')[0];
    expect(within(firstCard).getByRole('link', { name: 'How to present a patient on ward rounds' })).toHaveAttribute(
      'href',
      '/articles/ward-rounds',
    );
    expect(within(firstCard).getByRole('link', { name: 'Medical training' })).toHaveAttribute(
      'href',
      '/categories/medical-training',
    );
    expect(firstCard).toHaveTextContent('Excerpt of “How to present a patient on ward rounds”.');
    expect(firstCard).toHaveTextContent('Dr Asha Rao');
    expect(firstCard).toHaveTextContent('6 March 2026');
    expect(firstCard).toHaveTextContent('7 min read');
    expect(
      within(firstCard).getByRole('img', { name: 'Cover of How to present a patient on ward rounds' }),
    ).toHaveAttribute('src', 'http://cms.test/uploads/cover-ward-rounds.jpg');
    // Featured articles are not repeated in the latest list.
    expect(within(latest).queryByText('Your first clinical internship: a practical guide')).not.toBeInTheDocument();
    expect(document.title).toBe('Guidance for students and young doctors | MedPath Blog');
  });

  it('loads more articles on request until all are shown', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/');
    const latest = await screen.findByRole('region', { name: 'Latest articles' });
    expect(within(latest).getAllByRole('article')).toHaveLength(4); // page 1 holds 6, 2 of them featured

    await user.click(screen.getByRole('button', { name: 'Load more articles' }));

    await waitFor(() => expect(within(latest).getAllByRole('article')).toHaveLength(6));
    expect(within(latest).getByText('Step 1 is pass/fail: what now?')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more articles' })).not.toBeInTheDocument();
  });

  it('offers no "Load more" when the articles left are the featured ones already shown', async () => {
    // Seven articles, the oldest featured: the second page would hold only that one.
    const state = fakeCmsState();
    state.articles = state.articles.filter((article) => article.slug !== 'step-1-pass-fail');
    const oldest = state.articles.at(-1)!;
    state.articles = state.articles.map((article, index) =>
      index === 1 ? { ...article, featured: false } : article === oldest ? { ...article, featured: true } : article,
    );
    stubApi(cmsRoutes(state));
    renderApp('/');
    const latest = await screen.findByRole('region', { name: 'Latest articles' });
    expect(within(latest).getAllByRole('article')).toHaveLength(5);
    expect(within(screen.getByRole('region', { name: 'Featured' })).getByText(oldest.title)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more articles' })).not.toBeInTheDocument();
  });

  it('says so when nothing is published yet', async () => {
    stubApi({
      ...cmsRoutes(),
      'GET /api/articles': () =>
        json({ data: [], meta: { pagination: { page: 1, pageSize: 6, pageCount: 0, total: 0 } } }),
    });
    renderApp('/');
    expect(await screen.findByText('No articles have been published yet. Please check back soon.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Featured' })).not.toBeInTheDocument();
  });

  it('explains a server error and shows the articles after "Try again"', async () => {
    let failing = true;
    const cms = cmsRoutes();
    stubApi({
      ...cms,
      'GET /api/articles': (request) => (failing ? strapiError(500) : cms['GET /api/articles'](request)),
    });
    const { user } = renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong on our side' }),
    ).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: 'Featured' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells the reader the blog cannot be reached when the network fails', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': networkError });
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We can’t reach the blog right now' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Check your connection and try again.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

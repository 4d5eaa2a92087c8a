import type { SearchSnippet } from '@medblog/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, pending, strapiError, stubApi } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { articles } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

describe('search', () => {
  it('searches from the box in the header and shows each match in its passage, marked', async () => {
    // What is found, and each passage and its marks, are the CMS's (PostgreSQL's ranking, stemming
    // and ts_headline; the fake's are simpler): the page is to show the answer it gets, whatever it is.
    const routes = cmsRoutes();
    let answer: { data: Array<{ title: string; snippet: SearchSnippet }>; meta: { pagination: { total: number } } };
    const requests = stubApi({
      ...routes,
      'GET /api/search': async (request) => {
        const reply = await routes['GET /api/search']!(request);
        answer = (reply as { body: typeof answer }).body;
        return reply;
      },
    });
    const { user, router } = renderApp('/');
    const siteSearch = screen.getByRole('search', { name: 'Search the blog' });

    await user.type(within(siteSearch).getByRole('searchbox'), 'usmle');
    await user.click(within(siteSearch).getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “usmle”' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=usmle');
    const search = requests.filter((request) => request.path === '/api/search').at(-1);
    expect(search?.query).toEqual({ q: 'usmle', pagination: { page: '1', pageSize: '6' } });
    expect(answer!.data.length).toBeGreaterThan(1);
    expect(screen.getByRole('status')).toHaveTextContent(`${answer!.meta.pagination.total} articles found`);
    for (const { title, snippet } of answer!.data) {
      const card = screen.getByRole('link', { name: title }).closest('article')!;
      expect(card.querySelector('.search-snippet')).toHaveTextContent(snippet.text);
      const marks = [...card.querySelectorAll('mark')].map((mark) => mark.textContent);
      expect(marks).toEqual(snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end)));
    }
  });

  it('shows text from the CMS as text, never as HTML', async () => {
    const text = 'Use <img src=x onerror=alert(1)> for ECFMG forms';
    const [article] = articles;
    stubApi({
      ...cmsRoutes(),
      'GET /api/search': () =>
        json({
          data: [
            {
              ...article,
              snippet: { text, highlights: [{ start: text.indexOf('ECFMG'), end: text.indexOf(' forms') }] },
            },
          ],
          meta: { pagination: { page: 1, pageSize: 6, pageCount: 1, total: 1 } },
        }),
    });
    renderApp('/search?q=ecfmg');
    const mark = await screen.findByText('ECFMG', { selector: 'mark' });
    expect(mark.parentElement).toHaveTextContent(text);
    expect(document.querySelector('.search-snippet img')).toBeNull();
  });

  it('pages through results with "Load more articles"', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/search?q=excerpt');
    expect(await screen.findByText(`${articles.length} articles found`)).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: 'Load more articles' }));
    expect(await screen.findByRole('link', { name: articles.at(-1)!.title })).toBeInTheDocument();
  });

  it('shows a skeleton while searching', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/search': pending });
    renderApp('/search?q=rounds');
    expect(await screen.findByRole('status')).toHaveTextContent('Loading articles…');
  });

  it('suggests the topics and the most-read articles when nothing matches', async () => {
    stubApi(cmsRoutes());
    renderApp('/search?q=dermatology');
    expect(
      await screen.findByText('No articles match “dermatology”. Try fewer or different words, or start from a topic.'),
    ).toBeInTheDocument();
    const topics = screen.getByRole('region', { name: 'Browse by topic' });
    const topicLinks = within(topics).getAllByRole('link');
    expect(topicLinks.length).toBeGreaterThan(1);
    expect(topicLinks[0]).toHaveAttribute('href', expect.stringMatching(/^\/categories\//));
    const popular = await screen.findByRole('region', { name: 'Popular posts' });
    expect(within(popular).getAllByRole('link').length).toBeGreaterThan(0);
    // The search box keeps the words, ready to be refined.
    expect(screen.getByRole('searchbox', { name: 'Search the blog' })).toHaveValue('dermatology');
  });

  it('invites the reader to type when there is no search yet', async () => {
    const requests = stubApi(cmsRoutes());
    renderApp('/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search articles' })).toBeInTheDocument();
    expect(requests.some((request) => request.path === '/api/search')).toBe(false);
    // A box of its own on the page: on a phone the header's is inside the closed menu.
    const form = screen.getByRole('search', { name: 'Search the articles' });
    expect(form).toHaveAttribute('action', '/search');
    expect(within(form).getByRole('searchbox')).toBeRequired();
  });

  it('explains a server error', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/search': () => strapiError(502, 'Bad Gateway') });
    renderApp('/search?q=rounds');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong on our side' }),
    ).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi, type StubRequest } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

type Params = {
  fields?: Record<string, string>;
  populate?: Record<string, unknown>;
  filters?: { slug?: { $eq?: string } };
};

const articleRequests = (requests: StubRequest[]) =>
  requests
    .filter((request) => request.method === 'GET' && request.path === '/api/articles')
    .map((request) => request.query as Params);

describe('requests to the CMS', () => {
  it('lists never download article bodies', async () => {
    const requests = stubApi(cmsRoutes());
    const { router } = renderApp('/');
    await screen.findByRole('region', { name: 'Featured' });
    await router.navigate('/categories/internships');
    await screen.findByRole('heading', { level: 1, name: 'Internships' });
    await router.navigate('/search?q=plan');
    await screen.findByRole('heading', { level: 1, name: 'Results for “plan”' });

    // Search answers card fields and a snippet, chosen by the CMS: it asks only for the words and a page.
    const search = requests.find((request) => request.path === '/api/search');
    expect(Object.keys(search?.query ?? {})).toEqual(['q', 'pagination']);
    const lists = articleRequests(requests);
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) {
      expect(Object.values(list.fields ?? {})).toEqual([
        'title',
        'slug',
        'excerpt',
        'publishedAt',
        'originalPublishedAt',
        'readingTimeMinutes',
        'featured',
        'displayDate',
      ]);
      expect(Object.keys(list.populate ?? {})).toEqual(['cover', 'category', 'author']);
    }
  });

  it('the article page asks for the body and its relations in one request', async () => {
    const requests = stubApi(cmsRoutes());
    renderApp('/articles/clinical-internship-guide');
    await screen.findByRole('region', { name: 'More articles' });

    const all = articleRequests(requests);
    const detail = all.find((request) => request.filters?.slug?.$eq === 'clinical-internship-guide')!;
    const others = all.filter((request) => request !== detail);
    expect(others.length).toBeGreaterThan(0);
    expect(Object.values(detail.fields ?? {})).toContain('body');
    expect(Object.keys(detail.populate ?? {})).toEqual([
      'cover',
      'category',
      'author',
      'relatedArticles',
      'seo',
      'reviewer',
      'references',
    ]);
    expect(others.every((list) => !Object.values(list.fields ?? {}).includes('body'))).toBe(true);
  });
});

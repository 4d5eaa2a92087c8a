// @vitest-environment node
// The site's server over HTTP, with the CMS behind the app's API client answering from the fake
// CMS, so a test can make it fail, hang or change its content.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PURGE, purgeSignedText } from '@medblog/shared';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { networkError, pending, strapiError, stubApi, type StubRequest, type StubRoutes } from '@/testing/api-stub';
import { fakeCmsState, siteServerRoutes, type FakeCmsState } from '@/testing/fake-cms';
import { articles, site } from '@/testing/fixtures';

const SECRET = 'test-purge-secret';
// Read by src/server/config.ts when the handler's module loads (below).
process.env.PURGE_SECRET = SECRET;
process.env.RENDER_DEADLINE_MS = '2000';

let server: Server;
let origin: string;
let state: FakeCmsState;
let requests: StubRequest[];

/** The CMS's redirects, by old address (older ones have no code: 301). */
const REDIRECTS: Record<string, { toPath: string; code?: string }> = {
  '/2024/05/old-post': { toPath: `/articles/${articles[0]!.slug}` },
  '/?p=123': { toPath: `/articles/${articles[0]!.slug}`, code: 'permanent-301' },
  '/summer-school-2025': { toPath: '/categories/internships', code: 'temporary-302' },
  '/2019/01/withdrawn-course': { toPath: '/', code: 'gone-410' },
  '/loops-to-itself': { toPath: '/loops-to-itself/', code: 'permanent-301' },
  '/round/one': { toPath: '/round/two', code: 'permanent-301' },
  '/round/two': { toPath: '/round/three', code: 'temporary-302' },
  '/round/three': { toPath: '/round/one', code: 'permanent-301' },
  '/old/hop': { toPath: '/2024/05/old-post', code: 'permanent-301' },
};

/** Answers from the fake CMS, with the redirects of old WordPress addresses. */
function cms(overrides: StubRoutes = {}): void {
  requests = stubApi({
    ...siteServerRoutes(state, REDIRECTS),
    ...overrides,
  });
}

const offline: StubRoutes = Object.fromEntries(
  ['articles', 'articles/:id', 'categories', 'global', 'comments', 'redirects', 'articles/popular'].map((path) => [
    `GET /api/${path}`,
    networkError,
  ]),
);

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, document: new JSDOM(text).window.document };
}

function purge(tags: string[], { secret = SECRET, at = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify({ tags });
  const v1 = createHmac('sha256', secret).update(purgeSignedText(at, body)).digest('hex');
  return fetch(`${origin}${PURGE.path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', [PURGE.signatureHeader]: `t=${at},v1=${v1}` },
  });
}

beforeAll(async () => {
  const { createSiteHandler } = await import('./site-handler');
  const handle = createSiteHandler({ headAssets: () => '' });
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  state = fakeCmsState();
  cms();
});

describe('the site server', () => {
  it('renders an article once for many readers at the same time, then from its cache', async () => {
    const path = `/articles/${articles[1]!.slug}`;
    const pages = await Promise.all(Array.from({ length: 10 }, () => get(path)));
    expect(pages.map((page) => page.status)).toEqual(Array(10).fill(200));
    expect(pages[0]!.document.querySelector('h1')?.textContent).toBe(articles[1]!.title);
    const articleRequests = () =>
      requests.filter((request) => request.query.filters && request.path === '/api/articles');
    const rendered = articleRequests().length;
    // One render for the ten readers: the article read once (by its slug), its related ones once.
    const bySlug = (request: StubRequest) =>
      (request.query.filters as { slug?: { $eq?: string } }).slug?.$eq === articles[1]!.slug;
    expect(articleRequests().filter(bySlug)).toHaveLength(1);
    expect(rendered).toBe(2);

    // Tracking parameters neither split the cache nor reach the page.
    const again = await get(`${path}?utm_source=newsletter&fbclid=abc`);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(articleRequests()).toHaveLength(rendered);
    expect(again.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://blog.test${path}`,
    );
  });

  it('shows an edit after the CMS purges the page, and only after a signed purge', async () => {
    const article = state.articles[2]!;
    const path = `/articles/${article.slug}`;
    expect((await get(path)).document.querySelector('h1')?.textContent).toBe(article.title);
    state.articles[2] = { ...article, title: 'A corrected title' };
    expect((await get(path)).document.querySelector('h1')?.textContent).toBe(article.title);

    const unsigned = await fetch(`${origin}${PURGE.path}`, { method: 'POST', body: '{"tags":["articles"]}' });
    expect(unsigned.status).toBe(401);
    expect((await purge(['articles'], { secret: 'a guess' })).status).toBe(401);
    expect((await purge(['articles'], { at: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    expect((await get(path)).document.querySelector('h1')?.textContent).toBe(article.title);

    const purged = await purge(['articles']);
    expect(purged.status).toBe(200);
    expect(((await purged.json()) as { purged: number }).purged).toBeGreaterThan(0);
    expect((await get(path)).document.querySelector('h1')?.textContent).toBe('A corrected title');
  });

  it('refuses a signed purge whose body is not a list of tags, naming the problem', async () => {
    const response = await purge('articles' as unknown as string[]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('"tags"');
  });

  it('answers 301 for an old address the CMS redirects, and 404 for one it does not know', async () => {
    const moved = await get('/2024/05/old-post');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/articles/${articles[0]!.slug}`);
    const byNumber = await get('/?p=123&utm_source=old-newsletter');
    expect(byNumber.status).toBe(301);
    expect(byNumber.headers.get('location')).toBe(`/articles/${articles[0]!.slug}`);
    // A post number nobody mapped is just the home page.
    expect((await get('/?p=999')).status).toBe(200);
    const unknown = await get('/2024/05/never-was');
    expect(unknown.status).toBe(404);
    expect(unknown.document.querySelector('h1')?.textContent).toBe('Page not found');
  });

  it('answers an old address written with its final "/" in one step, straight to where the CMS sends it', async () => {
    const cases: Array<[string, number, string | null]> = [
      ['/2024/05/old-post/', 301, `/articles/${articles[0]!.slug}`],
      ['/2024/05/old-post//', 301, `/articles/${articles[0]!.slug}`],
      ['/old/hop/', 301, '/2024/05/old-post'],
      ['/summer-school-2025/', 302, '/categories/internships'],
      ['/2019/01/withdrawn-course/', 410, null],
      // Not a redirect: the address without its "/" (a page, or a 404 there).
      [`/articles/${articles[1]!.slug}/`, 301, `/articles/${articles[1]!.slug}`],
      ['/2024/05/never-was/?ref=old', 301, '/2024/05/never-was?ref=old'],
    ];
    for (const [path, status, location] of cases) {
      const answer = await get(path);
      expect(answer.status, path).toBe(status);
      expect(answer.headers.get('location'), path).toBe(location);
    }
  });

  it('answers 302 for an address moved for now, and 410 with a page of its own for one that is gone', async () => {
    const moved = await get('/summer-school-2025');
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('/categories/internships');
    expect(moved.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+$/);
    const gone = await get('/2019/01/withdrawn-course');
    expect(gone.status).toBe(410);
    expect(gone.headers.get('location')).toBeNull();
    expect(gone.headers.get('cache-control')).not.toMatch(/max-age=[1-9]/);
    expect(gone.document.querySelector('h1')?.textContent).toBe('This page has been removed');
  });

  it('answers 404, never a redirect, for a redirect that leads back to itself or round in a circle', async () => {
    for (const path of ['/loops-to-itself', '/round/one', '/round/two']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.document.querySelector('h1')?.textContent).toBe('Page not found');
    }
    // A chain that ends on a page is fine: the first step is answered.
    const chained = await get('/old/hop');
    expect(chained.status).toBe(301);
    expect(chained.headers.get('location')).toBe('/2024/05/old-post');
  });

  it('keeps answering while the CMS is down: the last copy of a page, else the frame with a clear message', async () => {
    const path = `/articles/${articles[3]!.slug}`;
    await get(path);
    await purge(['articles']);
    cms(offline);

    const stale = await get(path);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('stale-if-error');
    expect(stale.document.querySelector('h1')?.textContent).toBe(articles[3]!.title);

    const never = await get(`/articles/${articles[4]!.slug}`);
    expect(never.status).toBe(503);
    expect(never.headers.get('cache-control')).toBe('no-store');
    expect(never.headers.get('retry-after')).toBeTruthy();
    expect(never.document.querySelector('main')?.textContent).toContain('Something went wrong on our side');
    // The header still shows the contacts it had.
    expect(never.document.querySelector('header')?.textContent).toContain(site.contactEmail);
    // Not kept: once the CMS is back, the page comes.
    cms();
    expect((await get(`/articles/${articles[4]!.slug}`)).status).toBe(200);
  });

  it('does not wait for ever on a CMS that does not answer', async () => {
    cms(Object.fromEntries(Object.keys(offline).map((route) => [route, pending])));
    const page = await get('/categories/never-cached-topic');
    expect(page.status).toBe(503);
    expect(page.document.querySelector('main')?.textContent).toContain('Something went wrong on our side');
  });

  it('answers 400 or 404, never 500, to addresses that are not well-formed', async () => {
    for (const path of ['/articles/%E0%A4%A', '/categories/%ZZ/feed.xml', '/%00', '/articles/a%2Fb/..%2F..']) {
      const { status } = await get(path);
      expect([400, 404], path).toContain(status);
    }
  });

  it("shows an article's draft to the holder of a preview link, never cached or indexed", async () => {
    const path = `/preview/${articles[0]!.documentId}?token=good`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.document.querySelector('h1')?.textContent).toBe('A draft title');
    // Dated as Publish would date it (today), not 1 January 1970 (a draft has no publishedAt).
    const shown = first.document.querySelector('.article-meta time')?.getAttribute('datetime');
    expect(Math.abs(Date.parse(shown!) - Date.now())).toBeLessThan(60_000);
    expect(first.document.querySelector('.preview-banner')?.textContent).toContain('Preview of the draft');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-robots-tag')).toBe('noindex');
    expect(first.document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    const asked = requests.filter((request) => request.path.startsWith('/api/preview/')).length;
    await get(path);
    expect(requests.filter((request) => request.path.startsWith('/api/preview/'))).toHaveLength(asked + 1);

    const expired = await get(`/preview/${articles[0]!.documentId}?token=old`);
    expect(expired.status).toBe(401);
    expect(expired.document.querySelector('main')?.textContent).toContain('This preview link has expired');
  });

  it('answers feeds through the same cache, and 405 to other methods', async () => {
    const feed = await get('/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('etag')).toBeTruthy();
    expect((await get('/feed.xml')).headers.get('x-cache')).toBe('hit');
    expect((await fetch(`${origin}/`, { method: 'DELETE' })).status).toBe(405);
  });

  it('sends a feed made before the site settings exist without keeping it, here or in a CDN', async () => {
    cms({ 'GET /api/global': () => strapiError(404, 'Not Found') });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const early = await get('/categories/internships/feed.xml');
      expect(early.status).toBe(200);
      expect(early.text).not.toContain('undefined');
      expect(early.headers.get('cache-control')).toBe('no-store');
      expect(early.headers.get('x-cache')).not.toBe('hit');
    }

    cms();
    const named = await get('/categories/internships/feed.xml');
    expect(named.text).toContain(`<title>Internships | ${site.siteName}</title>`);
    expect(named.headers.get('cache-control')).toContain('s-maxage');
  });
});

// @vitest-environment node
import { articleDate, type Article } from '@medblog/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { json, strapiError, stubApi, type StubRequest } from '@/testing/api-stub';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { articles, authors, categories, site } from '@/testing/fixtures';
import { categoryFeed, robotsTxt, siteFeed, sitemap, type XmlDocument } from './feeds';

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'url', 'category'].includes(name),
});

/** The document's XML as data; fails the test unless it is well-formed. */
function parse(document: XmlDocument) {
  expect(XMLValidator.validate(document.body)).toBe(true);
  return parser.parse(document.body);
}

const itemsOf = (document: XmlDocument) => parse(document).rss.channel.item ?? [];

/** Newest first by the date readers are shown (an imported post's old date, not its import's). */
const newestFirst = (list: Article[]) => [...list].sort((a, b) => articleDate(b).localeCompare(articleDate(a)));

/** `count` more published articles, older than the fixtures and edited since, in no particular order. */
function olderArticles(count: number): Article[] {
  return Array.from({ length: count }, (_, index) => ({
    ...articles[index % articles.length],
    id: 1000 + index,
    documentId: `older${index}docid`,
    slug: `older-article-${index}`,
    title: `Older article ${index}`,
    publishedAt: new Date(Date.UTC(2025, 0, 1 + index)).toISOString(),
    originalPublishedAt: null,
    displayDate: new Date(Date.UTC(2025, 0, 1 + index)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 3, 1 + ((index * 7) % count))).toISOString(),
  }));
}

describe('site feed', () => {
  it('lists the published articles newest first, with absolute links, excerpts, dates, author and category', async () => {
    const state = fakeCmsState();
    state.articles.reverse(); // stored oldest first: the feed must ask for the newest
    stubApi(cmsRoutes(state));

    const document = await siteFeed();

    expect(document).toMatchObject({ status: 200, contentType: 'application/rss+xml; charset=utf-8' });
    expect(document.tags.sort()).toEqual(['articles', 'authors', 'categories', 'global']);
    const { channel } = parse(document).rss;
    expect(channel).toMatchObject({
      title: 'MedPath Blog',
      description: 'Guidance for students and young doctors',
      link: 'https://blog.test/',
      language: 'en',
      'atom:link': { '@_href': 'https://blog.test/feed.xml', '@_rel': 'self' },
    });
    expect(channel.item).toEqual(
      newestFirst(articles).map((article) => ({
        title: article.title,
        link: `https://blog.test/articles/${article.slug}`,
        guid: { '#text': article.documentId, '@_isPermaLink': 'false' },
        pubDate: new Date(article.originalPublishedAt ?? article.publishedAt).toUTCString(),
        description: article.excerpt,
        author: 'Dr Asha Rao',
        category: [article.category?.name],
      })),
    );
  });

  it('dates an imported post by its day on the old blog', async () => {
    stubApi(cmsRoutes(fakeCmsState()));
    const imported = itemsOf(await siteFeed()).find(
      (item: { title: string }) => item.title === 'Step 1 is pass/fail: what now?',
    );
    expect(imported.pubDate).toBe('Wed, 26 Jan 2022 09:00:00 GMT');
  });

  it("keeps the organisation's new articles first after old posts are imported, and is dated by the newest", async () => {
    // Posts of 2009 to 2023, imported (published here) after everything the organisation wrote.
    const state = fakeCmsState();
    const importedAt = Date.UTC(2026, 5, 1);
    const imported = Array.from({ length: 25 }, (_, index) => {
      const original = new Date(Date.UTC(2009 + (index % 15), (index * 5) % 12, 1 + index)).toISOString();
      return {
        ...articles[1]!,
        id: 2000 + index,
        documentId: `imported${index}docid`,
        slug: `old-post-${index}`,
        title: `Old post ${index}`,
        publishedAt: new Date(importedAt + index * 1000).toISOString(),
        originalPublishedAt: original,
        displayDate: original,
      };
    });
    state.articles.push(...imported);
    stubApi(cmsRoutes(state));

    const { channel } = parse(await siteFeed()).rss;
    const titles = channel.item.map((item: { title: string }) => item.title);

    const newest = newestFirst(state.articles);
    expect(titles).toEqual(newest.slice(0, 20).map((article) => article.title));
    // Every article written here (March 2026) comes before any post of the old blog.
    expect(titles.slice(0, 7)).toEqual(newest.filter((article) => !article.originalPublishedAt).map((a) => a.title));
    const dates = channel.item.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(channel.lastBuildDate).toBe(new Date(articleDate(newest[0]!)).toUTCString());
  });

  it.each([
    ['not saved yet (the CMS answers 404)', () => strapiError(404, 'Not Found')],
    ['empty', () => json({ data: null, meta: {} })],
  ])('is named after the site while its settings are %s, and is not kept', async (_, global) => {
    stubApi({ ...cmsRoutes(), 'GET /api/global': global });

    for (const document of [await siteFeed(), await categoryFeed('internships')]) {
      const { channel } = parse(document).rss;
      expect(channel.title).not.toMatch(/undefined|null/);
      expect(channel.title).toMatch(/blog\.test$/);
      expect(channel.item.length).toBeGreaterThan(0);
      expect(document.provisional).toBe(true);
    }
    stubApi(cmsRoutes());
    expect(await siteFeed()).toMatchObject({ provisional: false });
  });

  it('holds the latest 20 articles only', async () => {
    const state = fakeCmsState();
    state.articles.push(...olderArticles(30));
    stubApi(cmsRoutes(state));

    const titles = itemsOf(await siteFeed()).map((item: { title: string }) => item.title);

    expect(titles).toEqual(
      newestFirst(state.articles)
        .slice(0, 20)
        .map((article) => article.title),
    );
  });

  it('rejects when the CMS fails, for the server to answer 503', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/global': () => strapiError(500) });
    await expect(siteFeed()).rejects.toThrow('status code 500');
  });
});

describe('category feed', () => {
  it("lists only the category's articles and is named after it", async () => {
    stubApi(cmsRoutes());

    const document = await categoryFeed('internships');

    expect(document).toMatchObject({ status: 200, contentType: 'application/rss+xml; charset=utf-8' });
    expect(document.tags).toEqual(expect.arrayContaining(['articles', 'categories', 'global']));
    const { channel } = parse(document).rss;
    expect(channel).toMatchObject({
      title: 'Internships | MedPath Blog',
      description: 'Finding and making the most of clinical internships.',
      link: 'https://blog.test/categories/internships',
      'atom:link': { '@_href': 'https://blog.test/categories/internships/feed.xml' },
    });
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual([
      'https://blog.test/articles/clinical-internship-guide',
      'https://blog.test/articles/elective-abroad',
      'https://blog.test/articles/letters-of-recommendation',
    ]);
  });

  it('is a 404 naming the address for an unknown category', async () => {
    stubApi(cmsRoutes());

    const document = await categoryFeed('no-such-category');

    expect(document).toMatchObject({ status: 404, contentType: 'text/plain; charset=utf-8' });
    expect(document.body).toContain('"no-such-category"');
    expect(document.tags).toEqual(['categories']);
  });
});

describe('sitemap', () => {
  it('lists home, every category, every author and every article once, paging through more than 50 articles', async () => {
    const state = fakeCmsState();
    state.articles.push(...olderArticles(60));
    const requests = stubApi(cmsRoutes(state));

    const document = await sitemap();

    expect(document).toMatchObject({ status: 200, contentType: 'application/xml; charset=utf-8' });
    expect(document.tags.sort()).toEqual(['articles', 'authors', 'categories', 'global']);
    const urls: Array<{ loc: string; lastmod: string }> = parse(document).urlset.url;
    const lastmodOf = Object.fromEntries(urls.map((url) => [url.loc, url.lastmod]));
    expect(urls.map((url) => url.loc).sort()).toEqual(
      [
        'https://blog.test/',
        ...categories.map((category) => `https://blog.test/categories/${category.slug}`),
        ...authors.map((author) => `https://blog.test/authors/${author.slug}`),
        ...state.articles.map((article) => `https://blog.test/articles/${article.slug}`),
      ].sort(),
    );
    for (const article of state.articles) {
      expect(lastmodOf[`https://blog.test/articles/${article.slug}`]).toBe(article.updatedAt);
    }
    expect(lastmodOf['https://blog.test/authors/asha-rao']).toBe(authors[0].updatedAt);
    // A list page was last changed when the latest of its articles was.
    const latestEdit = (list: Article[]) => list.map((article) => article.updatedAt).sort()[list.length - 1];
    expect(lastmodOf['https://blog.test/']).toBe(latestEdit(state.articles));
    expect(lastmodOf['https://blog.test/categories/internships']).toBe(
      latestEdit(state.articles.filter((article) => article.category?.slug === 'internships')),
    );
    const articlePages = requests.filter((request) => request.path === '/api/articles');
    expect(articlePages.map((request) => (request.query as { pagination: unknown }).pagination)).toEqual([
      { page: '1', pageSize: '50' },
      { page: '2', pageSize: '50' },
    ]);
  });

  it('lists the articles newest first by the date readers are shown, imported posts by their old date', async () => {
    const state = fakeCmsState();
    state.articles.push(...olderArticles(60));
    stubApi(cmsRoutes(state));

    const locs = parse(await sitemap()).urlset.url.map((url: { loc: string }) => url.loc);
    const articleLocs = locs.filter((loc: string) => loc.startsWith('https://blog.test/articles/'));

    expect(articleLocs).toEqual(
      newestFirst(state.articles).map((article) => `https://blog.test/articles/${article.slug}`),
    );
  });

  it('rejects when a later page fails, rather than leave articles out', async () => {
    const state = fakeCmsState();
    state.articles.push(...olderArticles(60));
    const routes = cmsRoutes(state);
    const secondPageFails = (request: StubRequest) =>
      (request.query as { pagination?: { page?: string } }).pagination?.page === '2'
        ? strapiError(503, 'Service Unavailable')
        : routes['GET /api/articles'](request);
    stubApi({ ...routes, 'GET /api/articles': secondPageFails });

    await expect(sitemap()).rejects.toThrow('status code 503');
  });
});

describe('robots.txt', () => {
  it('lets crawlers in but not search results or previews, and names the sitemap', () => {
    const document = robotsTxt();

    expect(document).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8', tags: [] });
    const lines = document.body.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /search', 'Disallow: /preview']));
    expect(lines).toContain('Sitemap: https://blog.test/sitemap.xml');
  });
});

describe('escaping', () => {
  it('keeps &, <, quotes, emoji and right-to-left text in titles as written', async () => {
    const siteName = 'Heart & Lungs <Weekly> 🫀';
    const categoryName = 'Tips & "tricks" 🩺 نصائح';
    const title = 'Dosage <5 mg> & more 💊 — جرعة الدواء & מינון';
    const excerpt = 'Read <this> & that 🙂 שלום';
    const state = fakeCmsState();
    const category = { ...categories[0], name: categoryName };
    state.articles[0] = { ...state.articles[0], title, excerpt, category };
    stubApi({
      ...cmsRoutes(state),
      'GET /api/global': () => json({ data: { ...site, siteName }, meta: {} }),
      'GET /api/categories': () => json({ data: [category, ...categories.slice(1)], meta: {} }),
    });

    const whole = parse(await siteFeed()).rss.channel;
    expect(whole.title).toBe(siteName);
    expect(whole.item[0]).toMatchObject({ title, description: excerpt, category: [categoryName] });

    const inCategory = parse(await categoryFeed(category.slug)).rss.channel;
    expect(inCategory.title).toBe(`${categoryName} | ${siteName}`);
    expect(inCategory.item[0]).toMatchObject({ title, description: excerpt });
  });
});

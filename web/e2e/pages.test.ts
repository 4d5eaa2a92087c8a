// What the site's server sends before any JavaScript runs, as a crawler, a link preview or a slow
// phone gets it: real CMS, production build, plain HTTP (no browser).
import type { Article, Author, CollectionResponse, Global, PublicComment, SingleResponse } from '@medblog/shared';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, adminGet, apiUrl, cmsGet, findDemoArticle, siteUrl, type DemoArticle } from './support';

/** A draft of the demo content that was never published (cms/src/features/seed/server/content.ts). */
const DRAFT_SLUG = 'first-night-shift-as-an-intern';

interface Fetched {
  status: number;
  headers: Headers;
  text: string;
  document: Document;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(`${siteUrl}${path}`, { headers, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, document: new JSDOM(text).window.document };
}

const meta = (document: Document, key: string) =>
  document.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');

let article: DemoArticle;
let site: Global;
let published: Array<Pick<Article, 'slug' | 'title' | 'documentId'>>;

beforeAll(async () => {
  article = await findDemoArticle();
  site = (await cmsGet<SingleResponse<Global>>('/api/global')).data;
  published = (
    await cmsGet<CollectionResponse<Article>>('/api/articles', {
      fields: ['slug', 'title'],
      pagination: { pageSize: 50 },
    })
  ).data;
});

/** The frame of every page: the header with the contacts and topics, the footer, the feed link. */
function expectSiteFrame({ document }: Fetched) {
  const header = document.querySelector('header.site-header')!;
  expect(header.textContent).toContain(site.contactEmail);
  expect(header.textContent).toContain(site.contactPhone);
  expect(header.querySelector(`a[href="/categories/${article.category.slug}"]`)?.textContent).toBe(
    article.category.name,
  );
  expect(document.querySelector('footer.site-footer')?.textContent).toContain(site.footerText);
  expect(document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(
    '/feed.xml',
  );
}

describe('a server-rendered page', () => {
  it('the home page arrives with its title, description, social tags and the latest articles', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.document.title).toContain(site.siteName);
    expect(meta(page.document, 'description')).toBeTruthy();
    expect(page.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${siteUrl}/`);
    expect(meta(page.document, 'og:url')).toBe(`${siteUrl}/`);
    expect(meta(page.document, 'twitter:card')).toBe('summary_large_image');
    // Link previews get an absolute picture with its size (the site's card while the CMS has none).
    expect(meta(page.document, 'og:image')).toMatch(/^https?:\/\//);
    expect(Number(meta(page.document, 'og:image:width'))).toBeGreaterThan(0);
    expect(Number(meta(page.document, 'og:image:height'))).toBeGreaterThan(0);
    expect((await fetch(meta(page.document, 'og:image')!)).headers.get('content-type')).toMatch(/^image\//);
    const jsonLd = JSON.parse(page.document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({ '@type': 'WebSite', name: site.siteName, url: `${siteUrl}/` });
    for (const { title } of published.slice(0, 3)) expect(page.document.body.textContent).toContain(title);
    expectSiteFrame(page);
  });

  it('an article arrives with its text, approved comments, JSON-LD, social tags and a comment form', async () => {
    const page = await get(`/articles/${article.slug}`);
    expect(page.status).toBe(200);
    const { document } = page;
    expect(document.querySelector('h1')?.textContent).toBe(article.title);
    expect([...document.querySelectorAll('.prose h2, .prose h3')].map((h) => h.textContent)).toContain(
      article.bodyHeading,
    );
    for (const title of article.related)
      expect(document.querySelector('.article__footer')?.textContent).toContain(title);
    expect(meta(document, 'og:type')).toBe('article');
    expect(meta(document, 'og:url')).toBe(`${siteUrl}/articles/${article.slug}`);
    expect(meta(document, 'og:title')).toBeTruthy();
    expect(meta(document, 'twitter:title')).toBeTruthy();
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({
      '@type': 'MedicalWebPage',
      mainEntity: { '@type': 'Article', headline: article.title },
    });

    const { data: comments } = await cmsGet<CollectionResponse<PublicComment>>('/api/comments', {
      filters: { article: { slug: { $eq: article.slug } } },
      fields: ['body'],
    });
    const region = document.querySelector('section.comments')!;
    // Each paragraph of each comment (a staff reply may have several, shown as paragraphs).
    const paragraphs = comments.flatMap((comment) => comment.body.split(/\n\s*\n/).map((text) => text.trim()));
    for (const paragraph of paragraphs) expect(region.textContent).toContain(paragraph);
    // The form is there before any script runs, and works without it.
    expect(region.querySelector('form[method="post"] textarea')).not.toBeNull();
    expectSiteFrame(page);
  });

  it('an article arrives with who wrote and reviewed it, its numbered references, the disclaimer and MedicalWebPage JSON-LD', async () => {
    const {
      data: [trail],
    } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
      filters: { slug: { $eq: article.slug } },
      fields: ['lastReviewedAt', 'updatedAt', 'publishedAt'],
      populate: {
        author: { fields: ['name', 'slug'] },
        reviewer: { fields: ['name', 'slug', 'credentials'] },
        references: true,
      },
    });
    const { author, reviewer, references = [] } = trail;
    expect(reviewer && author && references.length).toBeTruthy();
    const { document } = await get(`/articles/${article.slug}`);

    const trust = document.querySelector('.article__header section[aria-label="About this article"]')!;
    expect(trust.textContent).toContain(`Written by${author!.name}`);
    expect(trust.textContent).toContain(`Medically reviewed by${reviewer!.name}, ${reviewer!.credentials}`);
    expect(trust.querySelector(`a[href="/authors/${reviewer!.slug}"]`)).not.toBeNull();
    expect(trust.querySelector(`time[datetime="${trail.lastReviewedAt}"]`)).not.toBeNull();

    const items = [...document.querySelectorAll('section.references ol > li')];
    expect(items.map((item) => item.textContent)).toEqual(
      references.map((ref) => expect.stringContaining(ref.citation)),
    );
    const linked = references.find((ref) => ref.doi)!;
    expect(document.querySelector(`section.references a[href="https://doi.org/${linked.doi}"]`)).not.toBeNull();
    expect(document.querySelector('aside.disclaimer')?.textContent).toContain(site.disclaimer);
    expect(document.querySelector('aside.disclaimer a[href="/editorial-policy"]')).not.toBeNull();

    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({
      '@type': 'MedicalWebPage',
      reviewedBy: { '@type': 'Person', name: reviewer!.name, url: `${siteUrl}/authors/${reviewer!.slug}` },
      lastReviewed: trail.lastReviewedAt,
      medicalAudience: { '@type': 'MedicalAudience' },
      mainEntity: {
        '@type': 'Article',
        author: { '@type': 'Person', name: author!.name, url: `${siteUrl}/authors/${author!.slug}` },
        datePublished: trail.publishedAt,
        // Never before it was published: publishing is itself the latest change of a new article.
        dateModified: [trail.updatedAt, trail.publishedAt].sort().at(-1),
      },
    });
    expect(jsonLd.mainEntity.citation).toHaveLength(references.length);

    // The cover is the page's largest picture: loaded first, its size known before it arrives.
    const cover = document.querySelector('img.article__cover')!;
    expect(cover.getAttribute('fetchpriority')).toBe('high');
    expect(cover.getAttribute('loading')).toBe('eager');
    expect(Number(cover.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(cover.getAttribute('height'))).toBeGreaterThan(0);
    expect(cover.getAttribute('srcset')?.split(',').length).toBeGreaterThan(2);
    expect(cover.getAttribute('alt')).toBeTruthy();
  });

  it('an author page shows the person and their articles; an unknown author answers 404', async () => {
    const { data: authors } = await cmsGet<CollectionResponse<Author>>('/api/authors', {
      fields: ['name', 'slug', 'credentials'],
    });
    const { data: theirs } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
      filters: { author: { slug: { $eq: authors[0].slug } } },
      fields: ['title'],
    });
    expect(theirs.length).toBeGreaterThan(0);
    const page = await get(`/authors/${authors[0].slug}`);
    expect(page.status).toBe(200);
    expect(page.document.querySelector('h1')?.textContent).toBe(authors[0].name);
    expect(page.document.querySelector('main')?.textContent).toContain(authors[0].credentials);
    expect(page.document.querySelector('img.author__photo')?.getAttribute('src')).toMatch(/^https?:\/\/.+\/uploads\//);
    for (const { title } of theirs) expect(page.document.querySelector('main')?.textContent).toContain(title);
    const jsonLd = JSON.parse(page.document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({
      '@type': 'Person',
      name: authors[0].name,
      url: `${siteUrl}/authors/${authors[0].slug}`,
    });

    const unknown = await get('/authors/no-such-person');
    expect(unknown.status).toBe(404);
    expect(unknown.document.querySelector('h1')?.textContent).toBe('Page not found');
  });

  it('a category page lists its articles; search results are there, and not for indexing', async () => {
    const category = await get(`/categories/${article.category.slug}`);
    expect(category.status).toBe(200);
    expect(category.document.querySelector('h1')?.textContent).toBe(article.category.name);
    expect(category.document.body.textContent).toContain(article.title);
    expect(
      category.document.querySelector(`link[rel="alternate"][href="/categories/${article.category.slug}/feed.xml"]`),
    ).not.toBeNull();

    const word = article.title.split(/\s+/).find((candidate) => candidate.length >= 5)!;
    const search = await get(`/search?q=${encodeURIComponent(word)}`);
    expect(search.status).toBe(200);
    expect(search.document.body.textContent).toContain(article.title);
    expect(meta(search.document, 'robots')).toBe('noindex');
  });

  it('the Quick Enquiry page arrives with its form and the contacts', async () => {
    const page = await get('/enquiry');
    expect(page.status).toBe(200);
    expect(page.document.querySelector('main form input[name="email"]')).not.toBeNull();
    expectSiteFrame(page);
  });

  it('answers 404 with the not-found page for an unknown article, category or address, and a draft', async () => {
    // The draft exists in the CMS, unpublished.
    const drafts = await adminGet(
      `/content-manager/collection-types/api::article.article?filters[slug][$eq]=${DRAFT_SLUG}&status=draft`,
    );
    expect(((await drafts.json()) as { results: unknown[] }).results).toHaveLength(1);

    for (const path of [
      `/articles/no-such-article`,
      '/categories/no-such-topic',
      '/no/such/page',
      `/articles/${DRAFT_SLUG}`,
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.document.querySelector('h1')?.textContent).toBe('Page not found');
      expect(meta(page.document, 'robots')).toBe('noindex');
      expectSiteFrame(page);
    }
  });

  it('sends an old address ending in "/" to the address without it, permanently', async () => {
    const page = await get(`/articles/${article.slug}/?utm_source=x`);
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe(`/articles/${article.slug}?utm_source=x`);
  });

  it('lets browsers and CDNs keep pages: Cache-Control for a CDN, an ETag, 304 when unchanged', async () => {
    const first = await get(`/articles/${article.slug}`, { 'Accept-Encoding': 'br' });
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(first.headers.get('cache-control')).toMatch(/stale-while-revalidate=\d+/);
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${siteUrl}/articles/${article.slug}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('the feeds and the sitemap', () => {
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url'].includes(name) });
  const sorted = (values: string[]) => [...values].sort();

  it('/feed.xml is RSS listing exactly the published articles, with absolute links', async () => {
    const response = await fetch(`${siteUrl}/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const { rss } = xml.parse(await response.text());
    const links: string[] = rss.channel.item.map((item: { link: string }) => item.link);
    expect(sorted(links)).toEqual(sorted(published.slice(0, 20).map(({ slug }) => `${siteUrl}/articles/${slug}`)));
    expect(links).not.toContain(`${siteUrl}/articles/${DRAFT_SLUG}`);
  });

  it('a category has a feed of its own; an unknown one answers 404', async () => {
    const { rss } = xml.parse(await (await fetch(`${siteUrl}/categories/${article.category.slug}/feed.xml`)).text());
    expect(rss.channel.title).toContain(article.category.name);
    expect(rss.channel.item.map((item: { link: string }) => item.link)).toContain(
      `${siteUrl}/articles/${article.slug}`,
    );
    expect((await fetch(`${siteUrl}/categories/no-such-topic/feed.xml`)).status).toBe(404);
  });

  it('/sitemap.xml lists home, the categories, the authors and exactly the published articles; robots.txt names it', async () => {
    const { urlset } = xml.parse(await (await fetch(`${siteUrl}/sitemap.xml`)).text());
    const locations: string[] = urlset.url.map((url: { loc: string }) => url.loc);
    expect(locations).toContain(`${siteUrl}/`);
    expect(locations).toContain(`${siteUrl}/categories/${article.category.slug}`);
    const { data: authors } = await cmsGet<CollectionResponse<Author>>('/api/authors', { fields: ['slug'] });
    expect(sorted(locations.filter((loc) => loc.includes('/authors/')))).toEqual(
      sorted(authors.map(({ slug }) => `${siteUrl}/authors/${slug}`)),
    );
    expect(sorted(locations.filter((loc) => loc.includes('/articles/')))).toEqual(
      sorted(published.map(({ slug }) => `${siteUrl}/articles/${slug}`)),
    );
    expect(urlset.url.every((url: { lastmod?: string }) => url.lastmod)).toBe(true);

    const robots = await (await fetch(`${siteUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
  });
});

/** Polls `path` until its HTML passes `check`: the CMS's purge call comes after the save answers. */
async function eventually(path: string, check: (page: Fetched) => boolean): Promise<Fetched> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const page = await get(path);
    if (check(page) || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("an editor's change", () => {
  const ARTICLES = '/content-manager/collection-types/api::article.article';

  async function publishTitle(documentId: string, title: string) {
    await adminFetch(`${ARTICLES}/${documentId}`, { method: 'PUT', body: { title } });
    await adminFetch(`${ARTICLES}/${documentId}/actions/publish`, { method: 'POST', body: {} });
  }

  it('shows on the cached page, the home page and the feed once published', async () => {
    const { documentId, slug, title } = published.find((candidate) => candidate.slug === article.slug)!;
    const path = `/articles/${slug}`;
    await get(path); // in the page cache
    await get('/');
    const edited = `${title} (revised)`;
    await publishTitle(documentId, edited);
    try {
      expect(
        (await eventually(path, (page) => page.document.title.includes(edited))).document.querySelector('h1')
          ?.textContent,
      ).toBe(edited);
      expect((await eventually('/', (page) => page.text.includes(edited))).text).toContain(edited);
      expect(await (await fetch(`${siteUrl}/feed.xml`)).text()).toContain(edited);
    } finally {
      await publishTitle(documentId, title);
    }
    expect((await eventually(path, (page) => !page.text.includes(edited))).text).not.toContain(edited);
  });

  it('a redirect made in the CMS answers 301 where the old address answered 404', async () => {
    const oldPath = `/2023/07/an-old-wordpress-post-${Date.now()}`;
    expect((await get(oldPath)).status).toBe(404); // now in the page cache
    const created = await adminFetch('/content-manager/collection-types/api::redirect.redirect', {
      method: 'POST',
      body: { fromPath: `${oldPath}/`, toPath: `/articles/${article.slug}` },
    });
    const { data } = (await created.json()) as { data: { documentId: string } };
    try {
      const moved = await eventually(oldPath, (page) => page.status === 301);
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe(`/articles/${article.slug}`);
    } finally {
      await adminFetch(`/content-manager/collection-types/api::redirect.redirect/${data.documentId}`, {
        method: 'DELETE',
      });
    }
  });

  it('a redirect the CMS marks as gone answers 410 with the "removed" page, one moved for now 302', async () => {
    const stamp = Date.now();
    const saved = await Promise.all(
      [
        { fromPath: `/2018/03/withdrawn-course-${stamp}`, toPath: '/', code: 'gone-410' },
        { fromPath: `/2018/03/summer-school-${stamp}`, toPath: `/articles/${article.slug}`, code: 'temporary-302' },
      ].map(async (body) => {
        const created = await adminFetch('/content-manager/collection-types/api::redirect.redirect', {
          method: 'POST',
          body,
        });
        return ((await created.json()) as { data: { documentId: string } }).data.documentId;
      }),
    );
    try {
      const gone = await get(`/2018/03/withdrawn-course-${stamp}`);
      expect(gone.status).toBe(410);
      expect(gone.document.querySelector('h1')?.textContent).toBe('This page has been removed');
      const moved = await get(`/2018/03/summer-school-${stamp}`);
      expect(moved.status).toBe(302);
      expect(moved.headers.get('location')).toBe(`/articles/${article.slug}`);
    } finally {
      for (const documentId of saved) {
        await adminFetch(`/content-manager/collection-types/api::redirect.redirect/${documentId}`, {
          method: 'DELETE',
        });
      }
    }
  });
});

describe("an editor's preview", () => {
  it("the admin's Preview link opens the draft on the site, framed only by the admin, not for indexing", async () => {
    const drafts = await adminGet(
      `/content-manager/collection-types/api::article.article?filters[slug][$eq]=${DRAFT_SLUG}&status=draft`,
    );
    const [draft] = ((await drafts.json()) as { results: Array<{ documentId: string; title: string }> }).results;
    const preview = await adminGet(
      `/content-manager/preview/url/api::article.article?documentId=${draft!.documentId}&status=draft`,
    );
    const { url } = ((await preview.json()) as { data: { url: string } }).data;
    expect(url.startsWith(`${siteUrl}/preview/${draft!.documentId}?token=`)).toBe(true);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    const document = new JSDOM(await response.text()).window.document;
    expect(document.querySelector('h1')?.textContent).toBe(draft!.title);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${new URL(apiUrl).origin}`,
    );
    expect(response.headers.get('x-frame-options')).toBeNull();

    // The same token does not open another article.
    const other = url.replace(draft!.documentId, published[0]!.documentId);
    expect((await fetch(other)).status).toBe(403);
  });
});

describe('the purge call', () => {
  it('refuses a call without a valid signature', async () => {
    const body = JSON.stringify({ tags: ['articles'] });
    const unsigned = await fetch(`${siteUrl}/_purge`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(`${siteUrl}/_purge`, {
      method: 'POST',
      body,
      headers: { 'X-Medblog-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toBe('Wrong signature');
  });
});

// The organisation's first day: the old blog's posts come in through `pnpm run import --publish`
// while the site runs, then an editor publishes a new article. The site opens on that article, and
// the organisation's own articles come before the old posts: the home page in a browser, the feed
// and the sitemap. Fixture: e2e/fixtures/old-blog-export.xml (invented).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { articleDate, type Article, type Author, type CollectionResponse } from '@medblog/shared';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminFetch, cmsGet, launchBrowser, openPage, siteUrl } from './support';

const EXPORT = fileURLToPath(new URL('./fixtures/old-blog-export.xml', import.meta.url));
const IMPORT_COMMAND = fileURLToPath(new URL('../../cms/scripts/import.mjs', import.meta.url));
const OLD_TITLES = [
  'Five questions to ask before an overseas elective',
  'What the new residency match means for us',
  'Rotating through a district hospital in 2012',
];
const OLD_AUTHOR = 'Old Blog Editor E2E';

type Listed = Pick<Article, 'documentId' | 'title' | 'slug' | 'publishedAt' | 'originalPublishedAt' | 'featured'>;

/** `pnpm run import --publish <file>` against the running CMS's database, purging the running site. */
function runImport(file: string): Promise<string> {
  const child = spawn(process.execPath, [IMPORT_COMMAND, '--publish', file], {
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      PURGE_SECRET: inject('purgeSecret'),
      SITE_PURGE_URLS: siteUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`import exited ${code}:\n${output}`)),
    ),
  );
}

/** Every published article, newest first by the date readers are shown; worked out here, not asked of the CMS. */
async function newestFirst(): Promise<Listed[]> {
  const { data } = await cmsGet<CollectionResponse<Listed>>('/api/articles', {
    fields: ['title', 'slug', 'publishedAt', 'originalPublishedAt', 'featured'],
    pagination: { pageSize: 50 },
  });
  return data.sort((a, b) => Date.parse(articleDate(b)) - Date.parse(articleDate(a)));
}

const parser = new XMLParser({ isArray: (name) => ['item', 'url'].includes(name) });
const siteXml = async (path: string) => parser.parse(await (await fetch(`${siteUrl}${path}`)).text());

const ARTICLES = '/content-manager/collection-types/api::article.article';
const NEW_TITLE = 'Welcome to the new Setu Medical Academy website';

let browser: Browser;
let imported: Listed[] = [];
let newArticle: string | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  // Seen before the import, as readers would have: the site's cache holds them.
  await Promise.all(['/', '/feed.xml', '/sitemap.xml'].map((path) => fetch(`${siteUrl}${path}`)));
  await runImport(EXPORT);
  imported = (await newestFirst()).filter((article) => OLD_TITLES.includes(article.title));
  // The import ran in a process of its own: the running CMS hears of changes made through it,
  // such as an editor's publish, which is what the organisation does next.
  const created = (await (
    await adminFetch(ARTICLES, {
      method: 'POST',
      body: {
        title: NEW_TITLE,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Our old blog now lives here too.' }] }],
      },
    })
  ).json()) as { data: { documentId: string } };
  newArticle = created.data.documentId;
  await adminFetch(`${ARTICLES}/${newArticle}/actions/publish`, { method: 'POST', body: {} });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  // The other tests expect the demo content only.
  const { data: authors } = await cmsGet<CollectionResponse<Author>>('/api/authors', {
    filters: { name: { $eq: OLD_AUTHOR } },
  });
  const entries = [
    ...[...imported.map((article) => article.documentId), ...(newArticle ? [newArticle] : [])].map(
      (documentId) => `${ARTICLES}/${documentId}`,
    ),
    ...authors.map(({ documentId }) => `/content-manager/collection-types/api::author.author/${documentId}`),
  ];
  for (const entry of entries) await adminFetch(entry, { method: 'DELETE' });
});

describe('the site after importing the old blog', () => {
  it('has the three old posts, published and dated as on the old blog', () => {
    expect(imported.map((article) => article.title)).toEqual(OLD_TITLES);
    expect(imported.map((article) => article.originalPublishedAt)).toEqual([
      '2023-09-28T04:05:00.000Z',
      '2018-02-19T11:40:00.000Z',
      '2012-07-03T06:15:00.000Z',
    ]);
  });

  it("opens on the organisation's newest article, and lists its own articles before the old posts", async () => {
    const newest = await newestFirst();
    expect(newest[0]!.title).toBe(NEW_TITLE);
    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      await page.goto(`${siteUrl}/`);
      const latest = page.getByRole('region', { name: 'Latest articles' });
      const titles = async () => (await latest.locator('.card__link').allTextContents()).map((title) => title.trim());
      await expect.poll(async () => (await titles())[0], { timeout: 5000 }).toBe(NEW_TITLE);
      const listed = newest.filter((article) => !article.featured).slice(0, (await titles()).length);
      expect(await titles()).toEqual(listed.map((article) => article.title));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("the feed lists the organisation's articles first, newest first, and is dated by the newest", async () => {
    const newest = await newestFirst();
    await expect
      .poll(async () => (await siteXml('/feed.xml')).rss.channel.item[0].title, { timeout: 5000 })
      .toBe(NEW_TITLE);
    const { channel } = (await siteXml('/feed.xml')).rss;
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual(newest.map((article) => article.title));
    expect(channel.item.slice(-3).map((item: { title: string }) => item.title)).toEqual(OLD_TITLES);
    expect(channel.lastBuildDate).toBe(new Date(articleDate(newest[0]!)).toUTCString());
  });

  it('the sitemap lists the articles newest first, the old posts last', async () => {
    const newest = await newestFirst();
    const articleUrls = async () =>
      (await siteXml('/sitemap.xml')).urlset.url
        .map((url: { loc: string }) => url.loc)
        .filter((loc: string) => loc.includes('/articles/'));
    await expect.poll(async () => (await articleUrls()).length, { timeout: 5000 }).toBe(newest.length);
    expect(await articleUrls()).toEqual(newest.map((article) => `${siteUrl}/articles/${article.slug}`));
  });
});

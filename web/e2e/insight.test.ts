/**
 * What a reader's visit tells the editors (issue 26), from a real Chromium to the CMS's daily
 * tables: a reader on a phone arriving from a search engine reads an article, says by keyboard it
 * did not help and what was missing, searches for what the site lacks; the one beacon the page
 * sends when it is left carries all of it, with the speed Chromium measured, and once the CMS has
 * written its figures (every INSIGHT_FLUSH_SECONDS) the tables hold them. Then a reader without
 * JavaScript answers through the site's server, counted as a reader of their own.
 *
 * Each reader is told apart as a load balancer would tell them (X-Forwarded-For, which the e2e CMS
 * trusts for one hop): this file's readers are never the 127.0.0.1 every other file's browser is,
 * and the article is made here, so no other file's answers can take the one a reader may give.
 */
import { createRequire } from 'node:module';
import type { Article, CollectionResponse, ReadersReport } from '@medblog/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accessibilityViolations,
  adminFetch,
  apiUrl,
  cmsGet,
  DEVICES,
  expectHealthyPage,
  launchBrowser,
  logInToAdmin,
  openHeaderMenu,
  openPage,
  siteUrl,
  usableSince,
  waitSince,
} from './support';

const ARTICLES = '/content-manager/collection-types/api::article.article';
// Letters only: a run of digits in a query could read as a phone number, which the CMS drops.
const run = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
const TITLE = `Elective placements abroad: what to ask before you pay (${run})`;
const NOTE = 'The fees in rupees, and which hospitals take first-year students.';
const QUERY = `Tropical medicine elective in Antarctica ${run}`;
/** The phone reader's address as the load balancer passes it on (a documentation range). */
const PHONE_READER = '198.51.100.26';

interface Db {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
// The CMS's PostgreSQL client (a dependency of the CMS, not of the site).
const { Client } = createRequire(new URL('../../cms/package.json', import.meta.url))('pg') as {
  Client: new (options: { connectionString: string }) => Db & { connect(): Promise<void> };
};

let browser: Browser;
let db: Db;
let article: { documentId: string; slug: string };

beforeAll(async () => {
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['slug'],
    filters: { category: { slug: { $notNull: true } } },
    populate: { category: { fields: ['slug'] } },
    pagination: { pageSize: 1 },
  });
  const created = (await (
    await adminFetch(ARTICLES, {
      method: 'POST',
      body: {
        title: TITLE,
        commentsEnabled: true,
        category: { connect: [{ documentId: data[0]!.category!.documentId }] },
        body: [
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'Before you pay' }] },
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'Ask the hospital for a written offer naming the supervisor.' }],
          },
        ],
      },
    })
  ).json()) as { data: { documentId: string; slug: string } };
  article = created.data;
  await adminFetch(`${ARTICLES}/${article.documentId}/actions/publish`, { method: 'POST', body: {} });
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  db = client;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await db?.end();
  if (article) await adminFetch(`${ARTICLES}/${article.documentId}`, { method: 'DELETE' });
});

/** Today's row of the article in insight_article_days (zeros before the CMS wrote one). */
async function articleDay() {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT phone_views, desktop_views, helpful_yes, helpful_no FROM insight_article_days
     WHERE article_document_id = $1 AND day = CURRENT_DATE`,
    [article.documentId],
  );
  return rows[0] ?? { phone_views: 0, desktop_views: 0, helpful_yes: 0, helpful_no: 0 };
}

/** A browser context whose requests to the CMS name `address`, as a load balancer in front of it would. */
async function readerContext(address: string, device: keyof typeof DEVICES) {
  const context = await browser.newContext(DEVICES[device]);
  await context.route(`${apiUrl}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': address } }),
  );
  return context;
}

/** The reader switches to another app: the page is hidden, and its beacon leaves (204). */
async function hide(page: Page) {
  const sent = page.waitForResponse((response) => response.url() === `${apiUrl}/api/insight`);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  expect((await sent).status()).toBe(204);
}

/** Polls the database until the CMS's next flush has written what is expected (every 5 s by default). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 500 });

describe('insight: what readers need, as editors will see it', () => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  /** The bodies of the beacons the CMS received, parsed. */
  const beacons: Array<{ data: { events: Array<Record<string, unknown>> } }> = [];

  beforeAll(async () => {
    context = await browser.newContext(DEVICES.phone);
    // As a load balancer in front of the CMS: each request of this reader names its address.
    await context.route(`${apiUrl}/**`, async (route) => {
      const request = route.request();
      if (new URL(request.url()).pathname === '/api/insight') beacons.push(JSON.parse(request.postData() ?? '{}'));
      await route.continue({ headers: { ...request.headers(), 'x-forwarded-for': PHONE_READER } });
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(() => context?.close());

  it('a phone reader from Google: the article, a "No" with a note by keyboard, a search that finds nothing', async () => {
    await page.goto(`${siteUrl}/articles/${article.slug}`, { referer: 'https://www.google.com/' });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Below the article, before the comments; its code comes as the reader nears it.
    const question = page.getByRole('region', { name: 'Was this page helpful?' });
    await question.scrollIntoViewIfNeeded();
    await question.locator('form[data-enhanced]').waitFor();
    const comments = page.getByRole('region', { name: 'Comments' });
    expect(
      await question.evaluate(
        (element, after) => Boolean(element.compareDocumentPosition(after!) & Node.DOCUMENT_POSITION_FOLLOWING),
        await comments.elementHandle(),
      ),
    ).toBe(true);

    await question.getByRole('button', { name: 'Yes' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('No');
    await page.keyboard.press('Enter');
    await expect.poll(() => question.getByRole('status').textContent()).toBe('Thank you for your answer.');
    const note = question.getByRole('textbox', { name: 'What was missing?' });
    await expect.poll(() => note.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.type(NOTE);
    expect(await question.getByText(`${NOTE.length} of 500 characters`).count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => question.getByRole('status').textContent())
      .toBe('Thank you: your note goes to our editors.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await expectHealthyPage(page, errors);

    // The speed measures wait for the page to be idle, then for the library: it is there before the search.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((entry) => /\/web-vitals-[^/]*\.js$/.test(entry.name)),
    );
    await openHeaderMenu(page);
    const search = page.getByRole('search', { name: 'Search the blog' });
    await search.getByRole('searchbox').fill(QUERY);
    await search.getByRole('searchbox').press('Enter');
    await page.getByText(/No articles match/).waitFor();
    expect(beacons).toEqual([]); // nothing leaves while the reader is on the site

    // The reader switches to another app: the page is hidden, and one beacon carries the visit.
    const sent = page.waitForResponse((response) => response.url() === `${apiUrl}/api/insight`);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    expect((await sent).status()).toBe(204);
    expect(beacons).toHaveLength(1);
    const events = beacons.flatMap((beacon) => beacon.data.events);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          type: 'view',
          pageType: 'article',
          article: article.documentId,
          referrer: 'https://www.google.com/',
          viewportWidth: 360,
        },
        { type: 'helpful', article: article.documentId, answer: 'no' },
        { type: 'helpful', article: article.documentId, answer: 'no', note: NOTE },
        { type: 'view', pageType: 'search', viewportWidth: 360 },
        { type: 'search', query: QUERY, results: 0 },
        { type: 'vital', name: 'LCP', value: expect.any(Number), pageType: 'article' },
        { type: 'vital', name: 'TTFB', value: expect.any(Number), pageType: 'article' },
      ]),
    );
    // The search page was reached inside the site: its view names no referrer.
    expect(events.filter((event) => event.referrer)).toHaveLength(1);

    // What the CMS keeps, once it has written its figures.
    await poll(articleDay).toMatchObject({ phone_views: 1, desktop_views: 0, helpful_no: 1, helpful_yes: 0 });
    await poll(async () => {
      const { rows } = await db.query<{ views: number }>(
        'SELECT views FROM article_daily_views WHERE article_document_id = $1 AND day = CURRENT_DATE',
        [article.documentId],
      );
      return rows[0]?.views;
    }).toBe(1);
    const notes = await db.query<{ answer: string; note: string }>(
      'SELECT answer, note FROM insight_helpful_notes WHERE article_document_id = $1',
      [article.documentId],
    );
    expect(notes.rows).toEqual([{ answer: 'no', note: NOTE }]);
    const searches = await db.query<{ searches: number; visitors: number }>(
      'SELECT searches, visitors FROM insight_searches WHERE query = $1 AND day = CURRENT_DATE',
      [QUERY.toLowerCase()],
    );
    expect(searches.rows).toEqual([{ searches: 1, visitors: 1 }]);
    const referrers = await db.query<{ domain: string; visitors: number }>(
      "SELECT domain, visitors FROM insight_referrers WHERE domain LIKE '%google%' AND day = CURRENT_DATE",
    );
    expect(referrers.rows).toEqual([{ domain: 'google.com', visitors: 1 }]);
    const vitals = await db.query<{ metric: string }>(
      "SELECT DISTINCT metric FROM insight_vitals WHERE page_type = 'article' AND day = CURRENT_DATE AND count > 0",
    );
    expect(vitals.rows.map((row) => row.metric)).toEqual(expect.arrayContaining(['LCP', 'TTFB']));
  });

  it('a reader without JavaScript answers through the site’s server, counted as a reader of their own', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const plain = await noScript.newPage();
    try {
      await plain.goto(`${siteUrl}/articles/${article.slug}`);
      const question = plain.getByRole('region', { name: 'Was this page helpful?' });
      /** Posts the form whose button is `name`: the site's server answers with a redirect to the article. */
      const send = async (name: string) => {
        const [response] = await Promise.all([
          plain.waitForResponse((answer) => answer.request().method() === 'POST'),
          question.getByRole('button', { name }).click(),
        ]);
        expect(response.status()).toBe(303);
        await plain.waitForLoadState();
        return new URL(plain.url());
      };
      const answered = await send('Yes');
      expect(answered.search).toBe('?sent=helpful&answer=yes');
      expect(await question.getByRole('status').textContent()).toBe('Thank you for your answer.');
      await question.getByRole('textbox', { name: 'What was missing?' }).fill('A checklist to print.');
      expect((await send('Send')).search).toBe('?sent=helpful');
      expect(await question.getByRole('status').textContent()).toBe('Thank you: your note goes to our editors.');
    } finally {
      await noScript.close();
    }
    // The site's server sent it as this reader: had the phone reader's beacon not named its own
    // address, both would be 127.0.0.1 and this second answer of the day would not count.
    await poll(articleDay).toMatchObject({ helpful_yes: 1, helpful_no: 1 });
    await poll(async () => {
      const { rows } = await db.query<{ answer: string; note: string }>(
        'SELECT answer, note FROM insight_helpful_notes WHERE article_document_id = $1 ORDER BY id',
        [article.documentId],
      );
      return rows;
    }).toEqual([
      { answer: 'no', note: NOTE },
      { answer: 'yes', note: 'A checklist to print.' },
    ]);
  });
});

describe('insight: the visit on the editors’ Readers page', () => {
  it('shows the article’s view, its answers, the enquiry sent from it, the content gap three readers left and the referring site; its edit view the notes', async () => {
    // The phone reader of the first test asks about electives from the article's page.
    const phone = await readerContext(PHONE_READER, 'phone');
    try {
      const page = await phone.newPage();
      await page.goto(`${siteUrl}/articles/${article.slug}`);
      await page.getByRole('banner').getByRole('button', { name: 'Quick Enquiry' }).click();
      const dialog = page.getByRole('dialog', { name: 'Quick Enquiry' });
      const shownAt = await usableSince(dialog);
      await dialog.getByRole('textbox', { name: 'Name' }).fill(`Insight reader ${run}`);
      await dialog.getByRole('textbox', { name: 'E-mail' }).fill('reader@example.org');
      await dialog.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Internships' });
      await dialog.getByRole('textbox', { name: 'Message' }).fill('Do you arrange electives in tropical medicine?');
      await dialog.getByRole('checkbox', { name: /I agree/ }).check();
      await waitSince(shownAt);
      const created = page.waitForResponse(
        (response) => response.url().includes('/api/enquiries') && response.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: 'Send enquiry' }).click();
      expect((await created).status()).toBe(201);
      // Its view leaves now, through the route naming the reader: a beacon sent while the context
      // closes would leave without it, from 127.0.0.1, as another reader.
      await hide(page);
    } finally {
      await phone.close();
    }

    // Two more readers search for what the first found missing: three readers on one day.
    for (const address of ['198.51.100.27', '198.51.100.28']) {
      const context = await readerContext(address, 'desktop');
      try {
        const page = await context.newPage();
        await page.goto(`${siteUrl}/search?q=${encodeURIComponent(QUERY)}`);
        await page.getByText(/No articles match/).waitFor();
        // The page's code has taken over (it loads the speed library once idle, after the view).
        await page.waitForFunction(() =>
          performance.getEntriesByType('resource').some((entry) => /\/web-vitals-[^/]*\.js$/.test(entry.name)),
        );
        await hide(page);
      } finally {
        await context.close();
      }
    }
    const gap = QUERY.toLowerCase();
    await poll(async () => {
      const { data } = (await (await adminFetch('/medblog/insight/readers?period=7')).json()) as {
        data: ReadersReport;
      };
      const ours = data.articles.find((entry) => entry.documentId === article.documentId);
      return { enquiries: ours?.enquiries, gap: data.contentGaps.find((entry) => entry.query === gap)?.visitors };
    }).toEqual({ enquiries: 1, gap: 3 });

    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      await logInToAdmin(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Readers' }).click();
      await page.getByRole('button', { name: 'Last 7 days' }).click();
      const row = page.getByRole('region', { name: 'Articles' }).getByRole('row').filter({ hasText: TITLE });
      await row.waitFor();
      // Views, trend, helpful, enquiries, comments, screens: one reader a day, on a phone.
      expect(await row.locator('td').allInnerTexts()).toEqual([
        expect.stringContaining(TITLE),
        '1',
        expect.any(String),
        '50% helpful (1 yes, 1 no)',
        '1',
        '0',
        '100% phone, 0% desktop',
      ]);
      const gapRow = page.getByRole('region', { name: 'Content gaps' }).getByRole('row').filter({ hasText: gap });
      expect(await gapRow.locator('td').nth(1).textContent()).toBe('3');
      await page.getByRole('region', { name: 'Referring sites' }).getByText('google.com', { exact: true }).waitFor();

      // The article's edit view: its readers' notes, private to editors.
      await row.getByRole('link', { name: TITLE, exact: true }).click();
      await page.waitForURL(new RegExp(`/api::article\\.article/${article.documentId}`));
      await page.getByText('1 view in 30 days').waitFor();
      await page.getByText(NOTE).waitFor();
      await page.getByText('A checklist to print.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

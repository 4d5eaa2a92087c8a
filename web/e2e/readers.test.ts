/**
 * The Readers page in the real admin, from an editor's side: readers' beacons (sent to the stack's
 * CMS as their browsers would, each reader another X-Forwarded-For address of 203.0.113.x, a range
 * no other e2e file uses) become an article with views and its trend line, a content gap whose
 * "Start a draft" opens a new draft titled with it, and the home page's speed rated in words; the
 * article's edit view shows its Readers panel; the page works on a 360 px phone; and an Author
 * sees only their own article, the content gaps, and no site-wide figures.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleReaders, ReadersReport } from '@medblog/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  adminFetch,
  apiUrl,
  commentableArticle,
  horizontalOverflow,
  inviteColleague,
  launchBrowser,
  logInToAdmin,
  openPage,
  parseCsv,
  type Colleague,
} from './support';

const run = Date.now().toString(36);
/** Screenshots of the page, to look at after a run. */
const shots = mkdtempSync(join(tmpdir(), 'medblog-readers-'));
const EDITOR: Colleague = {
  firstname: 'Meera',
  lastname: `Iyer ${run}`,
  email: `readers-${run}@example.org`,
  password: 'Editor12345',
};
/** A search nobody else makes, asked by 3 readers: a content gap. Stored lower case. */
const GAP = `hostel fees in tbilisi ${run}`;
const DRAFT_TITLE = GAP.charAt(0).toUpperCase() + GAP.slice(1);
const NOTE = `Nothing on the visa interview (${run})`;

let browser: Browser;
let article: { slug: string; documentId: string; title: string };
/** Articles this file made, deleted after it. */
const drafts: string[] = [];
let authorArticle: string;

let readerNumber = 0;
const newReader = () => {
  readerNumber += 1;
  return `203.0.113.${readerNumber}`;
};

async function beacon(events: Array<Record<string, unknown>>, reader: string) {
  const response = await fetch(`${apiUrl}/api/insight`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': reader },
    body: JSON.stringify({ data: { events } }),
  });
  expect(response.status, await response.text()).toBe(204);
}

const AUTHOR: Colleague = {
  firstname: 'Kiran',
  lastname: `Das ${run}`,
  email: `readers-author-${run}@example.org`,
  password: 'Author12345',
};
const AUTHOR_TITLE = `Choosing a hostel near the campus ${run}`;

/** The Author writes an article (theirs: they created it) and an Editor publishes it. */
async function authorsArticle(): Promise<string> {
  const login = await fetch(`${apiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: AUTHOR.email, password: AUTHOR.password }),
  });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const created = await fetch(`${apiUrl}/content-manager/collection-types/api::article.article`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: AUTHOR_TITLE,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Walk to the wards in ten minutes.' }] }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { documentId } = ((await created.json()) as { data: { documentId: string } }).data;
  await adminFetch(`/content-manager/collection-types/api::article.article/${documentId}/actions/publish`, {
    method: 'POST',
    body: {},
  });
  return documentId;
}

const report = async () =>
  ((await (await adminFetch('/medblog/insight/readers?period=7')).json()) as { data: ReadersReport }).data;

beforeAll(async () => {
  await inviteColleague('strapi-editor', EDITOR);
  await inviteColleague('strapi-author', AUTHOR);
  // A demo article, picked before the Author's is published (it would be the newest).
  const found = await commentableArticle('newest');
  authorArticle = await authorsArticle();
  drafts.push(authorArticle);
  const figures = (await (await adminFetch(`/medblog/insight/articles/${found.documentId}`)).json()) as {
    data: ArticleReaders;
  };
  const stored = (await (
    await adminFetch(`/content-manager/collection-types/api::article.article/${found.documentId}`)
  ).json()) as { data: { title: string } };
  article = { ...found, title: stored.data.title };
  const viewsBefore = figures.data.views;

  // Four readers of the article on a phone, one of whom found something missing; three readers
  // searching for what the site does not have; the home page's LCP of 1.2 s, measured by three.
  for (let i = 0; i < 4; i += 1) {
    await beacon(
      [
        { type: 'view', pageType: 'article', article: article.documentId, viewportWidth: 360 },
        {
          type: 'helpful',
          article: article.documentId,
          answer: i === 0 ? 'no' : 'yes',
          ...(i === 0 ? { note: NOTE } : {}),
        },
      ],
      newReader(),
    );
  }
  for (let i = 0; i < 2; i += 1) {
    await beacon([{ type: 'view', pageType: 'article', article: authorArticle, viewportWidth: 1280 }], newReader());
  }
  for (let i = 0; i < 3; i += 1) {
    await beacon(
      [
        { type: 'search', query: GAP, results: 0 },
        { type: 'vital', name: 'LCP', value: 1200, pageType: 'home' },
      ],
      newReader(),
    );
  }
  // The CMS writes what it counted every few seconds: wait until the figures are there.
  const counted = async () => {
    const now = await report();
    const views = now.articles.find((entry) => entry.documentId === article.documentId)?.views ?? 0;
    const authors = now.articles.find((entry) => entry.documentId === authorArticle)?.views ?? 0;
    return views >= viewsBefore + 4 && authors === 2 && now.contentGaps.some((gap) => gap.query === GAP);
  };
  for (const until = Date.now() + 30_000; !(await counted());) {
    if (Date.now() > until) throw new Error(`The CMS did not write the beacons’ figures within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const documentId of drafts) {
    await adminFetch(`/content-manager/collection-types/api::article.article/${documentId}`, { method: 'DELETE' });
  }
});

describe('the Readers page', () => {
  it('shows an editor the article read with its trend line, the content gap and the speed in words', async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      await logInToAdmin(page, EDITOR);
      await page.getByRole('navigation').getByRole('link', { name: 'Readers' }).click();
      await page.getByRole('heading', { name: 'Readers', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Last 7 days' }).click();
      await page.getByRole('button', { name: 'Last 7 days', pressed: true }).waitFor();

      const articles = page.getByRole('region', { name: 'Articles' });
      const row = articles.getByRole('row').filter({ hasText: article.title });
      await row.waitFor();
      await expect.poll(() => row.getByText(/% helpful \(\d+ yes, \d+ no\)/).count()).toBe(1);
      // The trend line is drawn (a canvas of uPlot) and says its figures in words.
      const trend = row.getByRole('img', { name: /^Views per day from .+: \d+ in all/ });
      await trend.locator('canvas').waitFor();
      expect(await trend.getAttribute('data-chart')).toBe('drawn');

      const gaps = page.getByRole('region', { name: 'Content gaps' });
      const gapRow = gaps.getByRole('row').filter({ hasText: GAP });
      await gapRow.waitFor();
      // Its readers, beside it.
      expect(await gapRow.locator('td').nth(1).textContent()).toBe('3');
      // The table as a file: named by table, period and day, holding what the page lists.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        gaps.getByRole('button', { name: 'Download CSV of content gaps' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^readers-content-gaps-7-days-\d{4}-\d{2}-\d{2}\.csv$/);
      await page.getByText(`Content gaps saved to ${download.suggestedFilename()}`).waitFor();
      const saved = join(shots, download.suggestedFilename());
      await download.saveAs(saved);
      expect(parseCsv(readFileSync(saved, 'utf8'))).toContainEqual(
        expect.objectContaining({ Search: GAP, Readers: '3' }),
      );

      const speed = page.getByRole('region', { name: 'Page speed for real readers' });
      const lcp = speed.getByRole('row').filter({ hasText: 'Home page' }).filter({ hasText: 'LCP' });
      await lcp.waitFor();
      await lcp.getByText('Good', { exact: true }).waitFor();
      await lcp.getByText('Good up to 2.5 s, poor over 4.0 s').waitFor();
      await page.getByRole('region', { name: 'Referring sites' }).waitFor();
      await speed.screenshot({ path: join(shots, 'readers-speed.png') });
      await page.screenshot({ path: join(shots, 'readers-desktop.png'), fullPage: true });
      // Our page's parts: no serious or critical accessibility problem.
      const violations = await accessibilityViolations(page);
      expect(violations.filter((violation) => /^(serious|critical) /.test(violation))).toEqual([]);

      // "Start a draft" makes a draft titled with the search and opens it.
      await gapRow.getByRole('button', { name: `Start a draft titled “${DRAFT_TITLE}”` }).click();
      await page.waitForURL(/\/admin\/content-manager\/collection-types\/api::article\.article\/[a-z0-9]+/);
      const draft = page.url().split('/').pop()!.split('?')[0];
      drafts.push(draft);
      await expect.poll(() => page.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe(DRAFT_TITLE);
      const stored = (await (
        await adminFetch(`/content-manager/collection-types/api::article.article/${draft}`)
      ).json()) as { data: { title: string; publishedAt: string | null } };
      expect(stored.data).toMatchObject({ title: DRAFT_TITLE, publishedAt: null });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows the article's readers in the Readers panel of its edit view", async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      await logInToAdmin(page, EDITOR);
      await page.goto(`${apiUrl}/admin/readers`);
      await page
        .getByRole('region', { name: 'Articles' })
        .getByRole('link', { name: article.title, exact: true })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/api::article\\.article/${article.documentId}`));
      await page.getByText('Readers', { exact: true }).waitFor();
      await page.getByText(/^\d+ views? in 30 days$/).waitFor();
      await page.getByText(NOTE).waitFor();
      await page
        .getByRole('img', { name: /^Views per day from / })
        .locator('canvas')
        .waitFor();
      await page.getByText(NOTE).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'readers-panel.png') });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('is usable on a 360 px phone: cards, nothing off the screen', async () => {
    const { page, errors, close } = await openPage(browser, 'phone');
    try {
      await logInToAdmin(page, EDITOR);
      await page.goto(`${apiUrl}/admin/readers`);
      await page.getByRole('heading', { name: 'Readers', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Last 7 days' }).click();
      const articles = page.getByRole('region', { name: 'Articles' });
      const card = articles.getByRole('listitem').filter({ hasText: article.title });
      await card
        .getByRole('img', { name: /^Views per day from / })
        .locator('canvas')
        .waitFor();
      expect(await articles.locator('table').count()).toBe(0);
      const gap = page.getByRole('region', { name: 'Content gaps' }).getByRole('listitem').filter({ hasText: GAP });
      await gap.waitFor();
      await page
        .getByRole('region', { name: 'Page speed for real readers' })
        .getByText('Good', { exact: true })
        .first()
        .waitFor();
      const viewport = page.viewportSize()!;
      for (const button of await page.getByRole('main').getByRole('button').all()) {
        if (!(await button.isVisible())) continue;
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, 'readers-360.png'), fullPage: true });
      const violations = await accessibilityViolations(page);
      expect(violations.filter((violation) => /^(serious|critical) /.test(violation))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows an Author their own article and the content gaps, and no site-wide figures', async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      await logInToAdmin(page, AUTHOR);
      await page.getByRole('navigation').getByRole('link', { name: 'Readers' }).click();
      await page.getByRole('heading', { name: 'Readers', level: 1 }).waitFor();
      const articles = page.getByRole('region', { name: 'Articles' });
      await articles.getByRole('row').filter({ hasText: AUTHOR_TITLE }).waitFor();
      expect(await articles.getByRole('link').allTextContents()).toEqual([AUTHOR_TITLE]);
      await page.getByRole('region', { name: 'Content gaps' }).getByRole('row').filter({ hasText: GAP }).waitFor();
      await page
        .getByText('Referring sites and page speed are figures of the whole site: Editors see them here.')
        .waitFor();
      expect(await page.getByRole('region', { name: 'Referring sites' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Page speed for real readers' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Article, Block, CollectionResponse } from '@medblog/shared';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import qs from 'qs';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../scripts/test-stack.mjs';

export const siteUrl = inject('siteUrl');
export const apiUrl = inject('apiUrl');

export const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

/** A page that records the errors the site throws, so a test can require there were none. */
export async function openPage(browser: Browser, device: keyof typeof DEVICES) {
  const context = await browser.newContext(DEVICES[device]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** A reader's and a staff member's desktop pages in one browser, and what closes them. */
export async function readerAndStaffPages(browser: Browser) {
  const [reader, staff] = await Promise.all([openPage(browser, 'desktop'), openPage(browser, 'desktop')]);
  return { reader: reader.page, staff: staff.page, closeAll: [reader.close, staff.close] };
}

/** Asks the CMS directly, to learn the demo content instead of hard-coding it. */
export async function cmsGet<T>(path: string, params: object = {}): Promise<T> {
  const response = await fetch(`${apiUrl}${path}?${qs.stringify(params, { encodeValuesOnly: true })}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface DemoArticle {
  title: string;
  slug: string;
  category: { name: string; slug: string };
  related: string[];
  bodyHeading: string;
}

/** A published article open to comments, with a category, a heading in its body and "Read also" links. */
export async function findDemoArticle(): Promise<DemoArticle> {
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['title', 'slug', 'body'],
    filters: { commentsEnabled: { $eq: true } },
    populate: { category: { fields: ['name', 'slug'] }, relatedArticles: { fields: ['title'] } },
    sort: ['publishedAt:desc'],
    pagination: { pageSize: 50 },
  });
  for (const article of data) {
    const heading = article.body?.find(
      (block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading',
    );
    const related = article.relatedArticles ?? [];
    if (heading && article.category && related.length > 0) {
      return {
        title: article.title,
        slug: article.slug,
        category: article.category,
        related: related.map((relatedArticle) => relatedArticle.title),
        bodyHeading: heading.children
          .map((child) => (child.type === 'text' ? child.text : child.children.map((text) => text.text).join('')))
          .join(''),
      };
    }
  }
  throw new Error('The demo content has no published article with a category, a body heading and related articles');
}

/** Opens the header's menu of search and contacts (a phone's; wider screens show them in the row). */
export async function openHeaderMenu(page: Page) {
  await page.getByRole('banner').locator('summary', { hasText: 'Search and contacts' }).click();
}

/** The page is no wider than the screen: nothing makes a phone scroll sideways. */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Every page a reader sees must fit the screen and run without script errors. */
export async function expectHealthyPage(page: Page, errors: string[]) {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns its violations in a readable form. */
export async function accessibilityViolations(page: Page) {
  // Evaluated rather than added as a <script>: the site's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // What lies far below the screen is not rendered until the reader nears it (content-visibility
    // in styles.css), and axe reads colours from what is rendered: it is rendered for the check.
    const skipped = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (element) => getComputedStyle(element).contentVisibility === 'auto',
    );
    for (const element of skipped) element.style.contentVisibility = 'visible';
    const result = await (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe.run();
    for (const element of skipped) element.style.contentVisibility = '';
    return result.violations;
  });
  return violations.map(
    ({ id, impact, help, nodes }) =>
      `${impact} ${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** The test CMS's seeded administrator (see cms/src/platform/access/dev-admin.ts). */
const ADMIN = { email: 'admin@example.org', password: 'Admin12345' };
let adminToken: Promise<string> | undefined;

/**
 * Calls the CMS's admin API as a staff member would through the admin (the moderation queue, the
 * enquiries export, an editor's save and publish), to check or change what the site shows.
 */
export async function adminFetch(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  adminToken ??= fetch(`${apiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  }).then(async (response) => {
    if (!response.ok) throw new Error(`Admin login answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { data: { token: string } }).data.token;
  });
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${await adminToken}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

export const adminGet = (path: string) => adminFetch(path);

/** An admin colleague: their name, and the e-mail and password they sign in with. */
export interface Colleague {
  firstname: string;
  lastname: string;
  email: string;
  password: string;
}

/**
 * A colleague invited by the super admin with the role `roleCode` (e.g. `strapi-editor`), who then
 * sets their password through the invitation, as a new staff member would. Returns `account`.
 */
export async function inviteColleague(roleCode: string, account: Colleague): Promise<Colleague> {
  const roles = (await (await adminFetch('/admin/roles')).json()) as { data: Array<{ id: number; code: string }> };
  const role = roles.data.find((each) => each.code === roleCode);
  if (!role) throw new Error(`No admin role with the code ${roleCode}`);
  const invitation = (await (
    await adminFetch('/admin/users', {
      method: 'POST',
      body: { firstname: account.firstname, lastname: account.lastname, email: account.email, roles: [role.id] },
    })
  ).json()) as { data: { registrationToken: string } };
  const registered = await fetch(`${apiUrl}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invitation.data.registrationToken,
      userInfo: { firstname: account.firstname, lastname: account.lastname, password: account.password },
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(200);
  return account;
}

/** Signs `page` in to the Strapi admin as the seeded administrator (or `account`), as a person would. */
export async function logInToAdmin(page: Page, account: { email: string; password: string } = ADMIN) {
  await page.goto(`${apiUrl}/admin`);
  // The sign-in page speaks of the work, not of Strapi.
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Login' }).click();
  // On a phone the main menu is folded away: wait for the home page instead.
  await page.getByRole('heading', { name: /^Hello/ }).waitFor({ timeout: 30_000 });
}

/** The oldest or the newest published article open to comments. */
export async function commentableArticle(first: 'oldest' | 'newest'): Promise<{ slug: string; documentId: string }> {
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['slug', 'documentId'],
    filters: { commentsEnabled: { $eq: true } },
    sort: [first === 'oldest' ? 'publishedAt:asc' : 'publishedAt:desc'],
    pagination: { pageSize: 1 },
  });
  return data[0];
}

/** Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks), keyed by the header. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header = [], ...records] = rows;
  return records.map((record) => Object.fromEntries(header.map((name, column) => [name, record[column] ?? ''])));
}

/** A reader needs a few seconds to fill in a form; the CMS files anything faster as a bot's. */
export const HUMAN_FILL_MS = 3_500;

/**
 * Waits until the page's code has taken the form (`form`, or the form inside it) over, so it is
 * sent as today and not posted as plain HTML, and returns when that was: a person's time counts
 * from then at the latest.
 */
export async function usableSince(form: Locator): Promise<number> {
  // A form below the article gets its code as the reader scrolls to it (routes/article.tsx).
  await form.scrollIntoViewIfNeeded();
  await form.locator('xpath=descendant-or-self::form[@data-enhanced]').first().waitFor();
  return Date.now();
}

/** Waits until `ms` have passed since `since` (a Date.now()). */
export async function waitSince(since: number, ms = HUMAN_FILL_MS) {
  const left = since + ms - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

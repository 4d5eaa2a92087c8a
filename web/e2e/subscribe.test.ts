import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accessibilityViolations,
  commentableArticle,
  expectHealthyPage,
  launchBrowser,
  openPage,
  siteUrl,
  usableSince,
  waitSince,
} from './support';

/**
 * A reader's e-mail subscription, end to end against the real CMS: subscribe at an article's end,
 * the confirmation e-mail (read from the stack's local mail server, scripts/test-stack.mjs), the
 * confirm page's button, changing the topics and how often, and leaving; the same without script.
 */
const mailDir = inject('mailDir');
/** Tells this run's addresses apart from earlier ones. */
const run = Date.now().toString(36);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A message's text parts, decoded: each MIME entity's body as its Content-Transfer-Encoding says
 * (quoted-printable breaks long links with soft line breaks and writes "=" as "=3D"; base64).
 */
function decoded(raw: string): string {
  return raw
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .map((entity) => {
      const split = entity.search(/\r?\n\r?\n/);
      if (split < 0) return entity;
      const headers = entity.slice(0, split);
      const body = entity.slice(split).trim();
      const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
      if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (encoding !== 'quoted-printable') return body;
      const bytes = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    })
    .join('\n');
}

/** The link to `page` (confirm, manage) in the newest message the stack's mail server got for `address`. */
async function linkInMail(address: string, page: 'confirm' | 'manage', timeoutMs = 30_000): Promise<string> {
  const pattern = new RegExp(
    `${siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/subscribe/${page}\\?token=[A-Za-z0-9._-]+`,
  );
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const messages = readdirSync(mailDir)
      .sort()
      .reverse()
      .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { to: string[]; raw: string });
    for (const message of messages) {
      if (!message.to.includes(address)) continue;
      const link = pattern.exec(decoded(message.raw))?.[0];
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail to ${address} with a /subscribe/${page} link within ${timeoutMs / 1000} s`);
}

const mailsTo = (address: string) =>
  readdirSync(mailDir).filter((file) =>
    (JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { to: string[] }).to.includes(address),
  ).length;

/** The headers a page of a subscription's link must answer with: for this reader only. */
function expectPrivate(headers: Record<string, string>) {
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toBe('noindex');
}

async function fillSubscribeForm(form: Locator, address: string) {
  await form.getByRole('textbox', { name: 'E-mail' }).fill(address);
  // Every topic is ticked; this reader wants all but the first, in a weekly digest.
  const topics = form.getByRole('group', { name: 'Topics' }).getByRole('checkbox');
  expect(await topics.count()).toBeGreaterThan(1);
  for (const box of await topics.all()) expect(await box.isChecked()).toBe(true);
  await topics.first().uncheck();
  await form.getByRole('radio', { name: /weekly digest/ }).check();
  return (await topics.first().getAttribute('value'))!;
}

describe('e-mail subscriptions', () => {
  it('subscribe at an article’s end, confirm from the e-mail, change topics and frequency, then leave (a 360 px phone)', async () => {
    const { page, errors, close } = await openPage(browser, 'phone');
    const address = `subscriber-${run}@example.org`;
    try {
      const { slug } = await commentableArticle('newest');
      await page.goto(`${siteUrl}/articles/${slug}`);
      const form = page.getByRole('form', { name: 'New articles by e-mail' });
      const since = await usableSince(form);
      expect(await form.textContent()).toMatch(/no open pixels, no rewritten links/);
      const leftOut = await fillSubscribeForm(form, address);
      await waitSince(since);
      await form.getByRole('button', { name: 'Subscribe' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Check your inbox' }).textContent())
        .toContain(address);
      await expectHealthyPage(page, errors);

      // The e-mail's link opens the confirm page, which confirms nothing by itself.
      const confirmLink = await linkInMail(address, 'confirm');
      const opened = await page.goto(confirmLink);
      expect(opened?.status()).toBe(200);
      expectPrivate(opened!.headers());
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
      const confirmForm = page.locator('form.subscription-form[data-enhanced]');
      await confirmForm.waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await confirmForm.getByRole('button', { name: 'Confirm my subscription' }).click();
      const done = page.getByRole('status').filter({ hasText: 'Your subscription is confirmed' });
      await done.waitFor();
      expect(await done.textContent()).toContain(`We will send a weekly digest on`);
      expect(await done.textContent()).toContain(address);
      await expectHealthyPage(page, errors);

      // Manage: the link under the confirmation (newsletter e-mails carry the same kind of link).
      await done.getByRole('link', { name: /Change your topics/ }).click();
      await page.waitForURL(/\/subscribe\/manage\?token=/);
      const change = page.getByRole('form', { name: 'Your subscription' });
      await change.locator('xpath=self::form[@data-enhanced]').waitFor();
      expect(await change.textContent()).toContain(`${address} gets a weekly digest on`);
      const boxes = change.getByRole('group', { name: 'Topics' }).getByRole('checkbox');
      expect(await change.locator(`input[name="topics"][value="${leftOut}"]`).isChecked()).toBe(false);
      await change.locator(`input[name="topics"][value="${leftOut}"]`).check();
      await change.getByRole('radio', { name: /Each new article/ }).check();
      await change.getByRole('button', { name: 'Save my choices' }).click();
      await change.getByText('Your choices are saved.').waitFor();
      for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await expectHealthyPage(page, errors);

      // As the CMS keeps it: read again from a fresh page.
      const manageUrl = page.url();
      const again = await page.goto(manageUrl);
      expectPrivate(again!.headers());
      expect(await page.getByRole('form', { name: 'Your subscription' }).textContent()).toContain(
        `${address} gets each new article on every topic.`,
      );

      // Leaving asks again, then says so plainly.
      const leave = page.getByRole('form', { name: 'Leave' });
      await leave.locator('xpath=self::form[@data-enhanced]').waitFor();
      await leave.getByRole('button', { name: 'Unsubscribe' }).click();
      await leave.getByRole('button', { name: 'Yes, unsubscribe me' }).click();
      await page.getByRole('status').filter({ hasText: 'You have left' }).waitFor();
      await expectHealthyPage(page, errors);

      // The link no longer opens anything, and says so with the way back.
      const gone = await page.goto(manageUrl);
      expect(gone?.status()).toBe(404);
      expectPrivate(gone!.headers());
      const alert = page.getByRole('alert').filter({ hasText: 'no longer exists' });
      await alert.waitFor();
      expect(await alert.getByRole('link', { name: 'Subscribe again' }).getAttribute('href')).toBe('/subscribe');
      await expectHealthyPage(page, errors);
    } finally {
      await close();
    }
  });

  it('a made-up or altered link is refused plainly, and the home page offers the form too', async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    try {
      for (const path of ['/subscribe/confirm', '/Subscribe/Manage']) {
        const answer = await page.goto(`${siteUrl}${path}?token=made-up-token-nobody-signed-0123456789`);
        expect(answer?.status()).not.toBe(301);
        expectPrivate(answer!.headers());
      }
      expect(await page.getByRole('alert').textContent()).toMatch(/expired or is not valid/);

      await page.goto(siteUrl);
      const form = page.getByRole('form', { name: 'New articles by e-mail' });
      await form.scrollIntoViewIfNeeded();
      expect(await form.getByRole('group', { name: 'How often' }).getByRole('radio').count()).toBe(2);
      await expectHealthyPage(page, errors);
    } finally {
      await close();
    }
  });

  it('without JavaScript: subscribe at /subscribe, confirm and leave as plain HTML forms', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page: Page = await context.newPage();
    const address = `no-script-${run}@example.org`;
    try {
      await page.goto(`${siteUrl}/subscribe`);
      const shownAt = Date.now();
      const form = page.locator('form.subscribe-form');
      await fillSubscribeForm(form, address);
      await waitSince(shownAt);
      await form.getByRole('button', { name: 'Subscribe' }).click();
      await page.waitForURL(/\/subscribe\?sent=subscribe/);
      expect(await page.getByRole('status').textContent()).toMatch(/Check your inbox/);

      const confirmLink = await linkInMail(address, 'confirm');
      await page.goto(confirmLink);
      expect(mailsTo(address)).toBe(1);
      await page.getByRole('button', { name: 'Confirm my subscription' }).click();
      await page.waitForURL(/\/subscribe\/manage\?token=.*&sent=subscription-confirm/);
      expect(await page.getByRole('status').first().textContent()).toMatch(/Your subscription is confirmed/);

      await page.getByRole('button', { name: 'Unsubscribe and delete my address' }).click();
      await page.waitForURL(/\/subscribe\/manage\?sent=subscription-leave$/);
      expect(await page.getByRole('status').textContent()).toMatch(/You have left/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
});

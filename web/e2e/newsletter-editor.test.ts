/**
 * An article's e-mail to subscribers, from the editor's side, in the real admin: the edit view's
 * "E-mail to subscribers" panel sends the editor a test of the e-mail, the editor publishes the
 * article, a confirmed subscriber gets it (read from the stack's local mail server), and the panel
 * counts it as sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminFetch, apiUrl, launchBrowser, logInToAdmin, openPage } from './support';

const mailDir = inject('mailDir');
const run = Date.now().toString(36);
const TITLE = `Packing for a rotation abroad ${run}`;
const READER = `newsletter-reader-${run}@example.org`;
const EDITOR_EMAIL = 'admin@example.org';

let browser: Browser;
let documentId: string;

/** The messages the stack's mail server got for `address`, headers unfolded. */
function mailsTo(address: string): string[] {
  return readdirSync(mailDir)
    .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as { to: string[]; raw: string })
    .filter((message) => message.to.includes(address))
    .map((message) => message.raw.replace(/\r?\n[ \t]+/g, ' '));
}

async function mailWithSubject(address: string, subject: string, timeoutMs = 30_000): Promise<string> {
  const header = `Subject: ${subject}`;
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    const found = mailsTo(address).find((raw) => raw.split(/\r?\n/).includes(header));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail "${subject}" to ${address} within ${timeoutMs / 1000} s`);
}

/** A reader who subscribed to every topic, each new article, and confirmed from the e-mail. */
async function confirmedSubscriber() {
  const subscribed = await fetch(`${apiUrl}/api/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { email: READER, frequency: 'each-article' } }),
  });
  expect(subscribed.status).toBe(202);
  let token: string | undefined;
  for (const until = Date.now() + 30_000; !token && Date.now() < until;) {
    const raw = mailsTo(READER)
      .join('\n')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    token = /\/subscribe\/confirm\?token=([A-Za-z0-9._-]+)/.exec(raw)?.[1];
    if (!token) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(token, 'the confirmation e-mail').toBeTruthy();
  const confirmed = await fetch(`${apiUrl}/api/subscriptions/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { token } }),
  });
  expect(confirmed.status).toBe(200);
}

beforeAll(async () => {
  await confirmedSubscriber();
  const created = (await (
    await adminFetch('/content-manager/collection-types/api::article.article', {
      method: 'POST',
      body: {
        title: TITLE,
        excerpt: 'What to take, and what to leave at home.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A list for the first week.' }] }],
      },
    })
  ).json()) as { data: { documentId: string } };
  documentId = created.data.documentId;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('an editor and the article’s e-mail', () => {
  it('sends themselves a test, publishes, and sees the subscribers’ e-mail counted as sent', async () => {
    const { page, close } = await openPage(browser, 'desktop');
    try {
      await logInToAdmin(page);
      await page.goto(`${apiUrl}/admin/content-manager/collection-types/api::article.article/${documentId}`);
      await page.getByText('E-mail to subscribers', { exact: true }).waitFor();
      await page.getByText(/When first published, this article is e-mailed to the subscribers of its topic/).waitFor();

      await page.getByRole('button', { name: 'Send me a test e-mail' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Sent to ${EDITOR_EMAIL}` })
        .waitFor();
      const test = await mailWithSubject(EDITOR_EMAIL, `[Test] ${TITLE}`);
      expect(test).toContain('What to take, and what to leave at home.');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const sent = await mailWithSubject(READER, TITLE);
      expect(sent).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      // The panel follows the send until nothing is left on its way.
      await page
        .getByText(/^Sent to subscribers: [\d,]+ e-mails? sent, 0 failed, 0 still queued\.$/)
        .waitFor({ timeout: 60_000 });
      expect(mailsTo(READER).filter((raw) => raw.split(/\r?\n/).includes(`Subject: ${TITLE}`))).toHaveLength(1);
    } finally {
      await close();
    }
  });
});

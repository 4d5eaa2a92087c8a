/**
 * The people behind the site, in the real Strapi admin: a moderator approves a reader's comment on
 * the Moderation screen and the reader then sees it published, while a bot's comment never shows;
 * a staff member finds a reader's enquiry and marks it in progress.
 */
import type { Article, CollectionResponse } from '@medblog/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGet, apiUrl, cmsGet, launchBrowser, openPage, parseCsv, siteUrl, waitSince } from './support';

let browser: Browser;
let reader: Page;
let staff: Page;
let closeAll: Array<() => Promise<void>> = [];
let slug: string;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  const opened = await Promise.all([openPage(browser, 'desktop'), openPage(browser, 'desktop')]);
  [reader, staff] = opened.map((o) => o.page);
  closeAll = opened.map((o) => o.close);
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['slug'],
    filters: { commentsEnabled: { $eq: true } },
    sort: ['publishedAt:asc'],
    pagination: { pageSize: 1 },
  });
  slug = data[0].slug;

  await staff.goto(`${apiUrl}/admin`);
  await staff.getByLabel('Email').fill('admin@example.org');
  await staff.getByLabel('Password').fill('Admin12345');
  await staff.getByRole('button', { name: 'Login' }).click();
  await staff.getByRole('link', { name: 'Moderation' }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  for (const close of closeAll) await close();
  await browser?.close();
});

async function postComment(name: string, body: string, { likeABot = false } = {}) {
  await reader.goto(`${siteUrl}/articles/${slug}`);
  const form = reader.getByRole('form', { name: 'Leave a Reply' });
  await form.waitFor();
  const shownAt = Date.now();
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'E-mail' }).fill('reader@example.org');
  await form.getByRole('textbox', { name: 'Comment' }).fill(body);
  if (!likeABot) await waitSince(shownAt);
  await form.getByRole('button', { name: 'Post comment' }).click();
  await form.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation' }).waitFor();
}

describe('a moderator', () => {
  it("approves a reader's comment in the admin, and the reader sees it published; a bot's never shows", async () => {
    const name = `Reader ${run}`;
    const body = `Could you write about night shifts next? (${run})`;
    const botBody = `Cheap followers here (${run})`;
    await postComment(name, body);
    await postComment(`Bot ${run}`, botBody, { likeABot: true });

    await staff.getByRole('link', { name: 'Moderation' }).click();
    await staff.getByRole('tab', { name: /^Pending/ }).waitFor();
    const approve = staff.getByRole('button', { name: `Approve comment by ${name}` });
    await approve.waitFor();
    // The bot's comment went straight to spam: not in the moderators' pending queue.
    expect(await staff.getByRole('button', { name: `Approve comment by Bot ${run}` }).count()).toBe(0);
    await approve.click();
    await staff.getByText('1 comment approved').waitFor();

    await reader.reload();
    const published = reader
      .getByRole('region', { name: 'Comments' })
      .getByRole('article', { name: `Comment by ${name}` });
    await published.waitFor();
    // Once the approved comment has loaded, the reader's own "awaiting moderation" copy goes away.
    await published.getByText('Awaiting moderation').waitFor({ state: 'detached' });
    expect(await published.count()).toBe(1);
    expect(await published.locator('.comment__body').textContent()).toBe(body);
    // Any other reader sees the approved comment and never the bot's (its sender's own browser
    // keeps showing it as awaiting moderation, as it would for a person).
    const other = await openPage(browser, 'desktop');
    closeAll.push(other.close);
    await other.page.goto(`${siteUrl}/articles/${slug}`);
    await other.page
      .getByRole('region', { name: 'Comments' })
      .getByRole('article', { name: `Comment by ${name}` })
      .waitFor();
    expect(await other.page.getByText(botBody).count()).toBe(0);
  });
});

describe('a staff member', () => {
  it("finds a reader's enquiry in the admin and marks it in progress", async () => {
    const name = `Enquirer ${run}`;
    await reader.goto(`${siteUrl}/enquiry`);
    const form = reader.getByRole('main').getByRole('form', { name: 'Quick Enquiry' });
    await form.waitFor();
    const shownAt = Date.now();
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'E-mail' }).fill('enquirer@example.org');
    await form.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Clinical partnerships' });
    await form.getByRole('textbox', { name: 'Message' }).fill('Our hospital would like to host your students.');
    await form.getByRole('checkbox', { name: /I agree/ }).check();
    await waitSince(shownAt);
    await form.getByRole('button', { name: 'Send enquiry' }).click();
    await reader
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: `Thank you, ${name}.` })
      .waitFor();

    await staff.goto(`${apiUrl}/admin/content-manager/collection-types/api::enquiry.enquiry`);
    // Newest first: the reader's enquiry is on the first page.
    const href = await staff.getByRole('link', { name, exact: true }).getAttribute('href');
    await staff.goto(new URL(href!, apiUrl).toString());
    await staff.getByRole('button', { name: 'Save' }).waitFor();
    await staff.getByRole('combobox', { name: 'Handling status' }).click();
    await staff.getByRole('option', { name: 'in-progress' }).click();
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff.getByText(/Saved/i).first().waitFor();

    const csv = await (await adminGet('/medblog/enquiries/export?handlingStatus=in-progress')).text();
    expect(parseCsv(csv).find((row) => row.Name === name)).toMatchObject({
      Topic: 'Clinical partnerships',
      'Handling status': 'In progress',
    });
  });

  it('downloads the enquiries from Export enquiries and is told how many the file holds', async () => {
    const expected = parseCsv(await (await adminGet('/medblog/enquiries/export')).text()).length;
    await staff.goto(`${apiUrl}/admin`);
    await staff.getByRole('link', { name: 'Export enquiries' }).click();
    await staff.getByRole('button', { name: 'Download CSV' }).click();
    await staff
      .getByText(new RegExp(`^${expected} enquir(y|ies) saved to enquiries-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
      .waitFor();
  });
});

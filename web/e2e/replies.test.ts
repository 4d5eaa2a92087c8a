/**
 * Staff replies, in the real Strapi admin and the real site: a moderator answers a reader's
 * pending comment with "Reply as staff", which approves the comment and publishes the reply; a
 * reader then sees the reply under the comment with its "Staff" badge, and the reply form opens
 * under the comment they answer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, commentableArticle, launchBrowser, logInToAdmin, readerAndStaffPages, siteUrl } from './support';

let browser: Browser;
let reader: Page;
let staff: Page;
let closeAll: Array<() => Promise<void>> = [];
let slug: string;
let articleId: string;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  ({ reader, staff, closeAll } = await readerAndStaffPages(browser));
  ({ slug, documentId: articleId } = await commentableArticle('newest'));
});

afterAll(async () => {
  for (const close of closeAll) await close();
  await browser?.close();
});

describe('a moderator replying as staff', () => {
  it('approves the comment and publishes the reply; the reader sees it under the comment with a Staff badge', async () => {
    const name = `Curious ${run}`;
    const question = `Are the observerships open to second-year students? (${run})`;
    const answer = `Yes, from the second semester on.\n\nWrite to us for the dates. (${run})`;
    const sent = await fetch(`${apiUrl}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: { article: articleId, authorName: name, authorEmail: 'curious@example.org', body: question },
      }),
    });
    expect(sent.status, await sent.clone().text()).toBe(201);

    await logInToAdmin(staff);
    await staff.goto(`${apiUrl}/admin/moderation`);
    await staff.getByRole('searchbox', { name: 'Search comments' }).fill(run);
    await staff.getByRole('button', { name: `Reply as staff to ${name}` }).click();

    const dialog = staff.getByRole('dialog', { name: `Reply as staff to ${name}` });
    await dialog.getByText('Sending also approves this comment.').waitFor();
    await dialog.getByRole('textbox', { name: 'Your reply' }).fill(answer);
    await dialog.getByRole('button', { name: 'Approve and publish reply' }).click();
    await staff.getByText(`Reply published as staff; ${name}’s comment is approved.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    await reader.goto(`${siteUrl}/articles/${slug}`);
    const comments = reader.getByRole('region', { name: 'Comments' });
    const thread = comments.getByRole('listitem').filter({
      has: reader.getByRole('article', { name: `Comment by ${name}` }),
    });
    const reply = thread.getByRole('article', { name: 'Comment by Site Admin' }).filter({ hasText: run });
    await reply.waitFor();
    // The badge is a word beside the name; the reply keeps its paragraphs.
    expect(await reply.locator('.comment__author + .comment__role').textContent()).toBe('Staff');
    expect(await reply.locator('.comment__body p').allTextContents()).toEqual([
      'Yes, from the second semester on.',
      `Write to us for the dates. (${run})`,
    ]);

    // A reader answering the question gets the form right under it.
    const asked = comments.getByRole('article', { name: `Comment by ${name}` });
    // Reply is a link to the form until the comments' code comes, as the reader scrolls to them;
    // then a button opening the form in place.
    await asked.scrollIntoViewIfNeeded();
    await reader.getByRole('button', { name: `Reply to ${name}` }).click();
    const form = reader.getByRole('form', { name: 'Leave a Reply' });
    await form.getByText(`Replying to ${name}`).waitFor();
    const formTop = (await form.boundingBox())!.y;
    const questionBox = (await asked.boundingBox())!;
    const replyTop = (await reply.boundingBox())!.y;
    expect(formTop).toBeGreaterThanOrEqual(questionBox.y + questionBox.height);
    expect(formTop).toBeLessThan(replyTop);
  });
});

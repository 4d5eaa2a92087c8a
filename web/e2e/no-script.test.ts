import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGet, commentableArticle, HUMAN_FILL_MS, launchBrowser, parseCsv, siteUrl, waitSince } from './support';

/**
 * The reader forms before the page's code arrives (a slow phone) or without it: a browser with
 * JavaScript off, and plain HTTP posts, against the real CMS.
 */
interface QueuedComment {
  body: string;
  authorName: string;
  moderationStatus: string;
  article?: { slug: string };
  parent?: { authorName: string } | null;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let article: { slug: string; documentId: string };
/** Tells this run's submissions apart from earlier ones. */
const run = Date.now().toString(36);

async function queuedComment(body: string): Promise<QueuedComment | undefined> {
  const queue = (await (await adminGet('/medblog/comments?status=pending&pageSize=100')).json()) as {
    data: QueuedComment[];
  };
  const spam = (await (await adminGet('/medblog/comments?status=spam&pageSize=100')).json()) as {
    data: QueuedComment[];
  };
  return [...queue.data, ...spam.data].find((comment) => comment.body === body);
}

async function storedEnquiries(name: string) {
  const csv = await (await adminGet('/medblog/enquiries/export')).text();
  return parseCsv(csv).filter((row) => row.Name === name);
}

/** Submits the form as a person would: a few seconds after the page came, then the button. */
async function submit(form: Locator, button: string, shownAt: number) {
  await waitSince(shownAt);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST'),
    form.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  article = await commentableArticle('oldest');
});

afterAll(async () => {
  await browser?.close();
});

describe('a reader without JavaScript', () => {
  const articleUrl = () => `${siteUrl}/articles/${article.slug}`;
  const commentForm = () => page.getByRole('form', { name: 'Leave a Reply' });

  it('posts a comment: stored pending, the note on the page after a redirect, and a reload sends nothing', async () => {
    await page.goto(articleUrl());
    const shownAt = Date.now();
    const form = commentForm();
    const body = `Posted without script (${run}).`;
    await form.getByRole('textbox', { name: 'Name' }).fill('No Script Reader');
    await form.getByRole('textbox', { name: 'E-mail' }).fill('noscript@example.org');
    await form.getByRole('textbox', { name: 'Comment' }).fill(body);
    const response = await submit(form, 'Post comment', shownAt);
    expect(response.status()).toBe(303);
    expect(page.url()).toBe(`${articleUrl()}?sent=comment#comment-form`);
    await commentForm().getByRole('status').filter({ hasText: 'Your comment is awaiting moderation' }).waitFor();

    expect(await queuedComment(body)).toMatchObject({
      authorName: 'No Script Reader',
      moderationStatus: 'pending',
      article: { slug: article.slug },
    });
    await page.reload();
    await commentForm().getByRole('status').waitFor();
    const queue = (await (await adminGet('/medblog/comments?status=pending&pageSize=100')).json()) as {
      data: QueuedComment[];
    };
    expect(queue.data.filter((comment) => comment.body === body)).toHaveLength(1);
  });

  it('sees what is wrong beside each field, with what they typed kept, and nothing stored', async () => {
    await page.goto(articleUrl());
    const shownAt = Date.now();
    const body = `Refused without script (${run}).`;
    await commentForm().getByRole('textbox', { name: 'Name' }).fill('No Script Reader');
    await commentForm().getByRole('textbox', { name: 'E-mail' }).fill('not-an-address');
    await commentForm().getByRole('textbox', { name: 'Comment' }).fill(body);
    const response = await submit(commentForm(), 'Post comment', shownAt);
    expect(response.status()).toBe(400);
    const email = commentForm().getByRole('textbox', { name: 'E-mail' });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await commentForm().getByText('E-mail must be a valid e-mail address').waitFor();
    expect(await email.inputValue()).toBe('not-an-address');
    expect(await commentForm().getByRole('textbox', { name: 'Comment' }).inputValue()).toBe(body);

    // Corrected on that page, it is sent.
    await email.fill('noscript@example.org');
    expect((await submit(commentForm(), 'Post comment', Date.now() - HUMAN_FILL_MS)).status()).toBe(303);
    expect(await queuedComment(body)).toMatchObject({ moderationStatus: 'pending' });
  });

  it('replies to a comment through its Reply link', async () => {
    await page.goto(articleUrl());
    const reply = page.getByRole('link', { name: /^Reply to / }).first();
    const answered = (await reply.getAttribute('aria-label'))!.replace('Reply to ', '');
    await reply.click();
    await page.waitForLoadState();
    const shownAt = Date.now();
    const form = commentForm();
    await form.getByText(`Replying to ${answered}`).waitFor();
    const body = `A reply without script (${run}).`;
    await form.getByRole('textbox', { name: 'Name' }).fill('No Script Reader');
    await form.getByRole('textbox', { name: 'E-mail' }).fill('noscript@example.org');
    await form.getByRole('textbox', { name: 'Comment' }).fill(body);
    expect((await submit(form, 'Post comment', shownAt)).status()).toBe(303);
    expect(await queuedComment(body)).toMatchObject({ moderationStatus: 'pending', parent: { authorName: answered } });
  });

  it('sends an enquiry from the header’s Quick Enquiry, stored once; errors first shown on the page', async () => {
    await page.goto(articleUrl());
    await page.getByRole('banner').getByRole('link', { name: 'Quick Enquiry' }).click();
    await page.waitForURL(`${siteUrl}/enquiry`);
    const shownAt = Date.now();
    const form = page.getByRole('main').getByRole('form', { name: 'Quick Enquiry' });
    const name = `No Script Enquirer ${run}`;
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'E-mail' }).fill('noscript@example.org');
    await form.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Internships' });
    await form.getByRole('textbox', { name: 'Message' }).fill('Which months take electives?');
    // Consent forgotten: said beside it, the rest kept.
    expect((await submit(form, 'Send enquiry', shownAt)).status()).toBe(400);
    await form.getByText('Consent is required to send an enquiry').waitFor();
    expect(await form.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('Which months take electives?');
    expect(await form.getByRole('combobox', { name: 'Topic' }).inputValue()).toBe('internships');

    await form.getByRole('checkbox', { name: /I agree/ }).check();
    expect((await submit(form, 'Send enquiry', shownAt)).status()).toBe(303);
    await page.getByRole('main').getByRole('status').filter({ hasText: 'We have received your enquiry' }).waitFor();
    await page.reload();
    await page.getByRole('main').getByRole('status').waitFor();
    expect(await storedEnquiries(name)).toMatchObject([{ 'Handling status': 'New', Topic: 'Internships' }]);
  });
});

describe('a reader whose JavaScript arrives while they type', () => {
  it('keeps what was typed before, then sends it as the page’s code does (no full-page post)', async () => {
    const reader = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const slow = await reader.newPage();
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await slow.route(/\/assets\/.*\.js$/, async (route) => {
      await arrived;
      await route.continue();
    });
    await slow.goto(`${siteUrl}/articles/${article.slug}`, { waitUntil: 'commit' });
    const shownAt = Date.now();
    const form = slow.getByRole('form', { name: 'Leave a Reply' });
    const body = `Typed before the script came (${run}).`;
    await form.getByRole('textbox', { name: 'Name' }).fill('Slow Phone Reader');
    await form.getByRole('textbox', { name: 'E-mail' }).fill('slow@example.org');
    await form.getByRole('textbox', { name: 'Comment' }).fill(body);

    release();
    await form.and(slow.locator('[data-enhanced]')).waitFor();
    await waitSince(shownAt);
    const [created] = await Promise.all([
      slow.waitForResponse(
        (response) => response.url().includes('/api/comments') && response.request().method() === 'POST',
      ),
      form.getByRole('button', { name: 'Post comment' }).click(),
    ]);
    expect(created.status()).toBe(201);
    await form.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation' }).waitFor();
    expect(slow.url()).toBe(`${siteUrl}/articles/${article.slug}`);
    expect(await queuedComment(body)).toMatchObject({ authorName: 'Slow Phone Reader', moderationStatus: 'pending' });
    await reader.close();
  });
});

describe('a plain HTTP post', () => {
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${siteUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: siteUrl },
      body: new URLSearchParams(fields),
    });

  it('stores a comment pending and an enquiry once; a refused one stores nothing', async () => {
    // From the browser's address above, which was given the article moments ago: a person's pause.
    await waitSince(Date.now());
    const body = `Posted by a plain HTTP client (${run}).`;
    const comment = { article: article.documentId, authorName: 'HTTP Reader', authorEmail: 'http@example.org', body };
    const refused = await post(`/articles/${article.slug}`, { ...comment, authorEmail: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('E-mail is required');
    const sent = await post(`/articles/${article.slug}`, comment);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/articles/${article.slug}?sent=comment#comment-form`);
    expect(await queuedComment(body)).toMatchObject({ moderationStatus: 'pending' });

    const name = `HTTP Enquirer ${run}`;
    const enquiry = {
      name,
      email: 'http@example.org',
      topic: 'general',
      message: 'Sent by a plain HTTP client.',
      consent: 'on',
    };
    expect((await post('/enquiry', enquiry)).status).toBe(303);
    expect(await storedEnquiries(name)).toMatchObject([{ 'Handling status': 'New', 'Sent from': '/enquiry' }]);
  });
});

import type { Article, CollectionResponse, PublicComment } from '@medblog/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  adminGet,
  cmsGet,
  DEVICES,
  expectHealthyPage,
  horizontalOverflow,
  launchBrowser,
  openPage,
  parseCsv,
  siteUrl,
  usableSince,
  waitSince,
} from './support';

/** A published article open for comments, with a reply among its approved comments. */
interface DiscussedArticle {
  title: string;
  slug: string;
  total: number;
  /** An approved reply and the author of the comment it answers. */
  reply: { authorName: string; parentAuthorName: string };
}

async function findDiscussedArticle(): Promise<DiscussedArticle> {
  const { data } = await cmsGet<
    CollectionResponse<PublicComment & { article: Pick<Article, 'title' | 'slug' | 'commentsEnabled'> }>
  >('/api/comments', {
    fields: ['authorName'],
    populate: { article: { fields: ['title', 'slug', 'commentsEnabled'] }, parent: { fields: ['documentId'] } },
    pagination: { pageSize: 50 }, // the CMS's largest page; the demo content has a dozen comments
  });
  for (const comment of data) {
    if (!comment.parent || !comment.article?.commentsEnabled) continue;
    const parent = data.find((other) => other.documentId === comment.parent!.documentId);
    if (!parent) continue;
    const { title, slug } = comment.article;
    return {
      title,
      slug,
      total: data.filter((other) => other.article?.slug === slug).length,
      reply: { authorName: comment.authorName, parentAuthorName: parent.authorName },
    };
  }
  throw new Error('The demo content has no approved reply on an article open for comments');
}

async function findClosedArticle(): Promise<Pick<Article, 'title' | 'slug'>> {
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['title', 'slug'],
    filters: { commentsEnabled: { $eq: false } },
    pagination: { pageSize: 1 },
  });
  if (!data[0]) throw new Error('The demo content has no article with comments closed');
  return data[0];
}

interface PendingComments {
  data: Array<{ body: string; authorName: string; moderationStatus: string; article?: { slug: string } }>;
}

let browser: Browser;
let article: DiscussedArticle;
let closedArticle: Pick<Article, 'title' | 'slug'>;
/** Tells this run's submissions apart from earlier ones and from each other. */
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  [article, closedArticle] = await Promise.all([findDiscussedArticle(), findClosedArticle()]);
});

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.keys(DEVICES) as Array<keyof typeof DEVICES>)('a reader on a %s', (device) => {
  let page: Page;
  let errors: string[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, errors, close } = await openPage(browser, device));
  });

  afterAll(async () => {
    await close();
  });

  const articleUrl = () => `${siteUrl}/articles/${article.slug}`;
  const comments = () => page.getByRole('region', { name: 'Comments' });
  const commentForm = () => page.getByRole('form', { name: 'Leave a Reply' });

  it('reads the approved comments, threaded, with their number near the title', async () => {
    await page.goto(articleUrl());
    const count = page
      .locator('article header')
      .getByRole('link', { name: `${article.total} comment${article.total === 1 ? '' : 's'}` });
    expect(await count.getAttribute('href')).toBe('#comments');

    const reply = comments()
      .getByRole('article', { name: `Comment by ${article.reply.authorName}` })
      .first();
    await reply.waitFor();
    // The reply sits in a list inside its parent's list item.
    const nestedUnderParent = await reply.evaluate((element, parentName) => {
      const parentItem = element.closest('ol')?.closest('li');
      return parentItem?.querySelector(':scope > article')?.getAttribute('aria-label') === `Comment by ${parentName}`;
    }, article.reply.parentAuthorName);
    expect(nestedUnderParent).toBe(true);

    // Plain text that keeps its line breaks and cannot widen the page.
    const style = await reply.locator('.comment__body').evaluate((body) => {
      const computed = getComputedStyle(body);
      return { whiteSpace: computed.whiteSpace, overflowWrap: computed.overflowWrap };
    });
    expect(style).toEqual({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });
    await expectHealthyPage(page, errors);
  });

  it('posts a comment, sees it awaiting moderation, and still sees it as their own after a reload', async () => {
    await page.goto(articleUrl());
    const form = commentForm();
    const shownAt = await usableSince(form);
    const name = `E2E Reader ${device}`;
    const body = `Thank you for this guide (${device} ${run}).\nIt answered my question about the timeline.`;
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'E-mail' }).fill(`reader.${device}@example.org`);
    await form.getByRole('textbox', { name: 'Comment' }).fill(body);
    await waitSince(shownAt); // a person takes a few seconds; faster is filed as a bot's

    const created = page.waitForResponse(
      (response) => response.url().includes('/api/comments') && response.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Post comment' }).click();
    expect((await created).status()).toBe(201);
    await form.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation' }).waitFor();
    const own = comments().getByRole('article', { name: `Comment by ${name}` });
    await own.getByText('Awaiting moderation').waitFor();

    await page.reload();
    await comments().scrollIntoViewIfNeeded();
    await own.getByText('Awaiting moderation').waitFor();
    expect(await own.locator('.comment__body').textContent()).toBe(body);

    // Stored for the moderators, as pending: not mistaken for spam.
    const queue = (await (await adminGet('/medblog/comments?status=pending&pageSize=100')).json()) as PendingComments;
    expect(queue.data.find((comment) => comment.body === body)).toMatchObject({
      authorName: name,
      moderationStatus: 'pending',
      article: { slug: article.slug },
    });
    await expectHealthyPage(page, errors);
  });

  it('finds no accessibility violations on the article page with the comment form', async () => {
    await page.goto(articleUrl());
    await commentForm().waitFor();
    await page.getByRole('region', { name: 'Popular posts' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('is told that comments are closed where they are', async () => {
    await page.goto(`${siteUrl}/articles/${closedArticle.slug}`);
    await comments().getByText('Comments are closed for this article.').waitFor();
    expect(await commentForm().count()).toBe(0);
  });

  it('sends an enquiry from an article page through the Quick Enquiry dialog', async () => {
    await page.goto(articleUrl());
    const button = page.getByRole('banner').getByRole('button', { name: 'Quick Enquiry' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Quick Enquiry' });
    await dialog.waitFor();
    await expectDialogFitsAndTrapsFocus(page, dialog);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    await button.click();
    const shownAt = await usableSince(dialog);
    const name = `E2E Dialog ${device} ${run}`;
    await fillEnquiry(dialog, name, `Which months can I join an observership? (${device})`);
    await waitSince(shownAt);
    const created = page.waitForResponse(
      (response) => response.url().includes('/api/enquiries') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Send enquiry' }).click();
    expect((await created).status()).toBe(201);
    await dialog
      .getByRole('status')
      .filter({ hasText: `Thank you, ${name}. We have received your enquiry about internships and will reply to` })
      .waitFor();

    expect(await storedEnquiry(name)).toMatchObject({
      'Sent from': `/articles/${article.slug}`,
      'Handling status': 'New',
      Topic: 'Internships',
    });
    await expectHealthyPage(page, errors);
  });

  it('sends an enquiry from the Quick Enquiry page', async () => {
    await page.goto(articleUrl());
    await page.getByRole('contentinfo').getByRole('link', { name: 'Send a Quick Enquiry' }).click();
    await page.waitForURL(`${siteUrl}/enquiry`);
    const form = page.getByRole('main').getByRole('form', { name: 'Quick Enquiry' });
    const shownAt = await usableSince(form);
    const name = `E2E Page ${device} ${run}`;
    await fillEnquiry(form, name, `Do you help with USMLE Step 2 planning? (${device})`);
    await waitSince(shownAt);
    await form.getByRole('button', { name: 'Send enquiry' }).click();
    await page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: `Thank you, ${name}. We have received your enquiry about internships` })
      .waitFor();

    expect(await storedEnquiry(name)).toMatchObject({
      'Sent from': `/articles/${article.slug}`,
      'Handling status': 'New',
    });
    await page.goto(`${siteUrl}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
    await expectHealthyPage(page, errors);
  });
});

async function fillEnquiry(container: Locator, name: string, message: string) {
  await container.getByRole('textbox', { name: 'Name' }).fill(name);
  await container.getByRole('textbox', { name: 'E-mail' }).fill('reader@example.org');
  await container.getByRole('textbox', { name: 'Phone' }).fill('+91 98765 43210');
  await container.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Internships' });
  await container.getByRole('textbox', { name: 'Message' }).fill(message);
  await container.getByRole('checkbox', { name: /I agree/ }).check();
}

/** The enquiry as staff export it from the admin. */
async function storedEnquiry(name: string) {
  const csv = await (await adminGet('/medblog/enquiries/export')).text();
  return parseCsv(csv).find((row) => row.Name === name);
}

/** The dialog fits the screen (no sideways scrolling, on a 360 px phone too) and Tab stays inside it. */
async function expectDialogFitsAndTrapsFocus(page: Page, dialog: Locator) {
  const viewport = page.viewportSize()!;
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.height).toBeLessThanOrEqual(viewport.height);
  expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(
    await dialog.getByRole('textbox', { name: 'Name' }).evaluate((element) => element === document.activeElement),
  ).toBe(true);

  // The page behind is inert: tabbing goes round the dialog (and the browser's own controls), never behind it.
  for (let step = 0; step < 20; step += 1) {
    await page.keyboard.press('Tab');
    const outside = await page.evaluate(() => {
      const active = document.activeElement;
      return active && active !== document.body && !active.closest('dialog') ? active.outerHTML.slice(0, 120) : null;
    });
    expect(outside).toBeNull();
  }
  await dialog.getByRole('textbox', { name: 'Name' }).focus();
}

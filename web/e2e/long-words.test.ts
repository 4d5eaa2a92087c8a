/**
 * Text nobody can break: a title holding one long word (a place name, an address), published as
 * an editor would, must not make any page wider than the screen (a 360 px phone, a desktop) nor be
 * cut off, wherever the title shows.
 */
import type { Article, CollectionResponse } from '@medblog/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, cmsGet, horizontalOverflow, launchBrowser, openPage, siteUrl } from './support';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const run = Date.now().toString(36);
// 70 letters without a break, then an address of 50: both far wider than a phone’s screen.
const LONG_WORD = `Chargesheetpostgraduateobservershipvisaappointmentconfirmation${run}`;
const LONG_ADDRESS = `https://example.org/observership/checklist-${run}`;
const TITLE = `${LONG_WORD} explained: ${LONG_ADDRESS}`;

let browser: Browser;
let documentId: string;
let slug: string;
let category: { slug: string };
let author: { slug: string };

beforeAll(async () => {
  // Filed under the category and the author of a demo article, so it shows on their pages too.
  const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
    fields: ['slug'],
    filters: { category: { slug: { $notNull: true } }, author: { slug: { $notNull: true } } },
    populate: { category: { fields: ['slug'] }, author: { fields: ['slug'] } },
    pagination: { pageSize: 1 },
  });
  const demo = data[0]!;
  category = demo.category!;
  author = demo.author!;
  const relation = (documentIdOf: string) => ({ connect: [{ documentId: documentIdOf }] });
  const created = (await (
    await adminFetch(ARTICLES, {
      method: 'POST',
      body: {
        title: TITLE,
        commentsEnabled: false,
        category: relation(demo.category!.documentId),
        author: relation(demo.author!.documentId),
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `Read ${LONG_ADDRESS} before ${LONG_WORD}.` }] }],
      },
    })
  ).json()) as { data: { documentId: string; slug: string } };
  ({ documentId, slug } = created.data);
  await adminFetch(`${ARTICLES}/${documentId}/actions/publish`, { method: 'POST', body: {} });

  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (documentId) await adminFetch(`${ARTICLES}/${documentId}`, { method: 'DELETE' });
});

/**
 * Each line box of text holding `word` that reaches past the screen's right edge: it would be cut
 * off by a box that hides overflow (a card) or make the reader scroll sideways.
 */
function textPastTheEdge(page: Page, word: string) {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const past: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(needle) || !node.parentElement?.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.right > document.documentElement.clientWidth + 0.5) {
          past.push(
            `${node.parentElement.tagName.toLowerCase()}.${node.parentElement.className}: ${Math.round(box.right)} px`,
          );
        }
      }
    }
    return past;
  }, word);
}

describe.each(['phone', 'desktop'] as const)('a title of one long word, on a %s', (device) => {
  const pages = () => [
    ['the home page', '/'],
    ['the article', `/articles/${slug}`],
    ['its category', `/categories/${category.slug}`],
    ['its author', `/authors/${author.slug}`],
    ['the search results', `/search?q=${LONG_WORD}`],
  ];

  it('never makes a page wider than the screen, nor cuts the word off', async () => {
    const { page, errors, close } = await openPage(browser, device);
    for (const [name, path] of pages()) {
      await page.goto(`${siteUrl}${path}`);
      await page.getByText(LONG_WORD).first().waitFor();
      expect(await horizontalOverflow(page), `${name} is wider than the screen`).toBeLessThanOrEqual(0);
      expect(await textPastTheEdge(page, LONG_WORD), `${name} cuts the long word off`).toEqual([]);
      expect(errors).toEqual([]);
    }
    await close();
  });
});

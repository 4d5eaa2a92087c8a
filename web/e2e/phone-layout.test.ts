/**
 * The article page on a 360 × 740 phone: a header of at most 120 px, nothing off-screen sideways
 * (checked on the full-page screenshot's geometry), a usable comment form, a header menu that
 * works before the page's code runs. On desktop, the topics stay on one line and the header has
 * the same height on every page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEVICES,
  expectHealthyPage,
  findDemoArticle,
  launchBrowser,
  openHeaderMenu,
  openPage,
  siteUrl,
  usableSince,
  type DemoArticle,
} from './support';

const PHONE_HEADER_MAX_PX = 120;

let browser: Browser;
let article: DemoArticle;
const shots = mkdtempSync(join(tmpdir(), 'medblog-phone-'));

beforeAll(async () => {
  browser = await launchBrowser();
  article = await findDemoArticle();
});

afterAll(async () => {
  await browser?.close();
  rmSync(shots, { recursive: true, force: true });
});

const headerHeight = (page: Page) =>
  page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().height);

/**
 * Every visible control of the page whose box reaches past the screen's left or right edge. In a
 * row that scrolls sideways (the topics) the row itself must fit: its items scroll into view.
 */
function actionsOffScreen(page: Page) {
  return page.evaluate(() => {
    const screenWidth = document.documentElement.clientWidth;
    const scroller = (element: HTMLElement) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return parent;
      }
      return element;
    };
    return (
      Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, summary'))
        // What a person can see and reach (not the form's hidden trap for bots).
        .filter((element) => element.checkVisibility({ visibilityProperty: true }) && element.tabIndex >= 0)
        .map((element) => ({ element, box: scroller(element).getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > screenWidth))
        .map(
          ({ element, box }) => `${element.outerHTML.slice(0, 80)} at ${Math.round(box.left)}–${Math.round(box.right)}`,
        )
    );
  });
}

/** A PNG's width in pixels, from its header. */
const pngWidth = (file: string) => readFileSync(file).readUInt32BE(16);

describe('the article page on a phone', () => {
  it('keeps the header small and every action on the screen, comment form included', async () => {
    const { page, errors, close } = await openPage(browser, 'phone');
    await page.goto(`${siteUrl}/articles/${article.slug}`);
    await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    expect(await headerHeight(page)).toBeLessThanOrEqual(PHONE_HEADER_MAX_PX);
    // The article's own text starts on the first screen, under the title, byline and review line.
    const textTop = await page
      .locator('.prose > p')
      .first()
      .evaluate((paragraph) => paragraph.getBoundingClientRect().top);
    expect(textTop).toBeLessThan(DEVICES.phone.viewport.height - 40);

    // The comment form comes with the page: its controls are there and usable.
    const form = page.getByRole('form', { name: 'Leave a Reply' });
    const post = form.getByRole('button', { name: 'Post comment' });
    await post.waitFor();
    // Taken over by its code as the reader scrolls towards it (typing before that: no-script.test).
    await usableSince(form);
    await expect.poll(() => post.isEnabled()).toBe(true);
    for (const name of ['Name', 'E-mail', 'Comment']) {
      const field = form.getByRole('textbox', { name });
      await field.scrollIntoViewIfNeeded();
      await field.fill(`Typed into ${name}`);
      expect(await field.inputValue()).toBe(`Typed into ${name}`);
    }
    await post.scrollIntoViewIfNeeded();

    // The whole page as one screenshot: exactly the screen's width, and no action outside it.
    const file = join(shots, 'article-phone.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(pngWidth(file)).toBe(DEVICES.phone.viewport.width * DEVICES.phone.deviceScaleFactor);
    expect(await actionsOffScreen(page)).toEqual([]);
    await expectHealthyPage(page, errors);
    await close();
  });

  it('opens the menu of search and contacts, on the screen, also before the page’s code has run; Escape closes it', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ ...DEVICES.phone, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${siteUrl}/articles/${article.slug}`);
      const search = page.getByRole('banner').getByRole('searchbox', { name: 'Search the blog' });
      expect(await search.isVisible()).toBe(false);
      await openHeaderMenu(page);
      await search.waitFor();
      expect(await actionsOffScreen(page)).toEqual([]);
      if (javaScriptEnabled) {
        // Once the page's code runs, Escape closes the menu and leaves the focus on its button.
        await expect
          .poll(async () => (await page.keyboard.press('Escape'), search.isVisible()), { timeout: 15_000 })
          .toBe(false);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search and contacts');
      }
      await context.close();
    }
  });
});

describe('the header on a desktop', () => {
  it('shows the topics on one line, and keeps its height from page to page', async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    const heights: number[] = [];
    for (const width of [1024, 1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/', `/articles/${article.slug}`, `/categories/${article.category.slug}`]) {
        await page.goto(`${siteUrl}${path}`);
        const topics = page.getByRole('navigation', { name: 'Topics' });
        await topics.getByRole('link', { name: article.category.name }).waitFor();
        // One line: every topic's top is the same, and the row is one topic high (plus its padding).
        const { tops, rowHeight, linkHeight } = await topics.evaluate((nav) => {
          const links = Array.from(nav.querySelectorAll('a'));
          return {
            tops: new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size,
            rowHeight: nav.getBoundingClientRect().height,
            linkHeight: links[0].getBoundingClientRect().height,
          };
        });
        expect(tops, `${path} at ${width} px`).toBe(1);
        expect(rowHeight, `${path} at ${width} px`).toBeLessThan(linkHeight * 1.5);
        if (width === 1280) heights.push(await headerHeight(page));
      }
    }
    expect(new Set(heights).size).toBe(1);
    await expectHealthyPage(page, errors);
    await close();
  });

  it('shows every topic on a narrow desktop, on a second line when they do not fit on one', async () => {
    const { page, errors, close } = await openPage(browser, 'desktop');
    // The narrowest desktop layout (52em), where the demo topics do not fit on one line.
    await page.setViewportSize({ width: 840, height: 900 });
    await page.goto(`${siteUrl}/`);
    const links = page.getByRole('navigation', { name: 'Topics' }).getByRole('link');
    const boxes = await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(840);
    expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBeGreaterThan(1);
    await expectHealthyPage(page, errors);
    await close();
  });
});

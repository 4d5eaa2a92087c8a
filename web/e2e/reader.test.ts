import type { Global, SingleResponse } from '@medblog/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiUrl,
  cmsGet,
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

let browser: Browser;
let article: DemoArticle;
let site: Global;

beforeAll(async () => {
  browser = await launchBrowser();
  article = await findDemoArticle();
  site = (await cmsGet<SingleResponse<Global>>('/api/global', { populate: { socialLinks: true } })).data;
});

afterAll(async () => {
  await browser?.close();
});

const heading1 = (page: Page, name?: string) => page.getByRole('heading', { level: 1, name, exact: true });

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

  it('opens the home page and sees the latest articles', async () => {
    await page.goto(siteUrl);
    await page.getByRole('heading', { level: 2, name: 'Latest articles' }).waitFor();
    await page.waitForFunction((siteName) => document.title.includes(siteName), site.siteName);
    expect(await page.locator('main article').count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('banner').getByRole('button', { name: 'Quick Enquiry' }).getAttribute('aria-haspopup'),
    ).toBe('dialog');
    const social = page.getByRole('contentinfo').getByRole('region', { name: 'Visit us on social media' });
    expect(site.socialLinks?.map((link) => link.platform)).toEqual(expect.arrayContaining(['instagram', 'facebook']));
    for (const { platform, url } of site.socialLinks ?? []) {
      const name = platform === 'x' ? 'X' : new RegExp(platform, 'i');
      expect(await social.getByRole('link', { name }).getAttribute('href')).toBe(url);
    }
    await expectHealthyPage(page, errors);
  });

  it('opens an article and reads its body and "Read also" links', async () => {
    await page.getByRole('link', { name: article.title, exact: true }).first().click();
    await page.waitForURL(`${siteUrl}/articles/${article.slug}`);

    await heading1(page, article.title).waitFor();
    await page.locator('.prose').getByRole('heading', { name: article.bodyHeading }).waitFor();
    const readAlso = page.getByRole('region', { name: 'Read also' });
    for (const title of article.related) await readAlso.getByRole('link', { name: title }).waitFor();
    // The site is named once, at the end: whole, or by the first words a title written with it
    // already ends with ("… | Setu").
    const shortName = site.siteName.split(' ')[0]!;
    await page.waitForFunction((name) => document.title.includes(`| ${name}`), shortName);
    expect((await page.title()).split(shortName)).toHaveLength(2);
    // The page view leaves in the insight beacon once the page is hidden (the reader switches
    // app), and the CMS accepts it (a cross-origin POST).
    const beacon = page.waitForResponse((response) => response.url() === `${apiUrl}/api/insight`);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    expect((await beacon).status()).toBe(204);
    const { data } = JSON.parse((await beacon).request().postData()!) as { data: { events: object[] } };
    expect(data.events).toContainEqual(expect.objectContaining({ type: 'view', pageType: 'article' }));
    // Shown again: the reader is back.
    await page.evaluate(() => {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await expectHealthyPage(page, errors);
  });

  it('follows the article’s category', async () => {
    await page.locator('article header').getByRole('link', { name: article.category.name }).click();
    await page.waitForURL(`${siteUrl}/categories/${article.category.slug}`);
    await heading1(page, article.category.name).waitFor();
    await page.getByRole('link', { name: article.title, exact: true }).waitFor();
    await expectHealthyPage(page, errors);
  });

  it('searches and finds the article', async () => {
    const word = article.title.split(/\s+/).find((candidate) => candidate.length >= 5) ?? article.title;
    const search = page.getByRole('search', { name: 'Search the blog' });
    // On a phone the search box is in the header's menu.
    if (device === 'phone') await openHeaderMenu(page);
    await search.getByRole('searchbox').fill(word);
    await search.getByRole('searchbox').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);
    await page.getByRole('heading', { level: 1, name: word }).waitFor();
    await page.getByRole('link', { name: article.title, exact: true }).waitFor();
    await expectHealthyPage(page, errors);
  });

  it('gets a page that hydrates without errors, whose links then move without reloading it', async () => {
    const consoleErrors: string[] = [];
    const onConsole = (message: { type: () => string; text: () => string }) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    };
    page.on('console', onConsole);
    try {
      await page.goto(`${siteUrl}/articles/${article.slug}`, { waitUntil: 'networkidle' });
      // Hydrated: the comment form reacts (its check runs in the browser) once scrolled to.
      // (usableSince scrolls to it and waits until the code has taken it over, else it posts as HTML.)
      await usableSince(page.getByRole('form', { name: 'Leave a Reply' }));
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Name is required').first().waitFor();
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await page.getByRole('link', { name: article.category.name }).first().click();
      await heading1(page, article.category.name).waitFor();
      expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(consoleErrors).toEqual([]);
    } finally {
      page.off('console', onConsole);
    }
    await expectHealthyPage(page, errors);
  });

  it('loads the code of the comments only when the reader nears them; meanwhile the page is already in use', async () => {
    const afterCode: string[] = [];
    const onRequest = (request: { url: () => string }) => {
      if (/\/assets\/article-after-[\w-]+\.js$/.test(request.url())) afterCode.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${siteUrl}/articles/${article.slug}`, { waitUntil: 'networkidle' });
      // Far below the first screen (more than the screen's height, the distance at which it loads)...
      const { top, screen } = await page.evaluate(() => ({
        top: document.getElementById('article-after')!.getBoundingClientRect().top,
        screen: window.innerHeight,
      }));
      expect(top).toBeGreaterThan(2 * screen);
      expect(afterCode).toEqual([]);
      // ...its server HTML stays meanwhile, the form usable as plain HTML, not swapped for "Loading".
      await page.waitForTimeout(1000);
      expect(await page.getByText('Loading the comments…').count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Leave a Reply' }).getAttribute('method')).toBe('post');
      // ...and the comments' code comes as the reader nears them: one who starts typing a comment
      // meanwhile keeps typing into the same field as the code takes the form over.
      const form = page.getByRole('form', { name: 'Leave a Reply' });
      const name = form.getByRole('textbox', { name: 'Name' });
      await name.click();
      await page.keyboard.type('Asha');
      await expect.poll(() => afterCode.length, { timeout: 15_000 }).toBe(1);
      await usableSince(form);
      await page.keyboard.type(' Rao');
      expect(await name.inputValue()).toBe('Asha Rao');
      // ...and it is the page's code that answers a send now, beside the field, without leaving the page.
      const address = page.url();
      await form.getByRole('button', { name: 'Post comment' }).click();
      await form.getByText('Comment is required').first().waitFor();
      expect(page.url()).toBe(address);
    } finally {
      page.off('request', onRequest);
    }
    await expectHealthyPage(page, errors);
  });

  it('gets the 404 page for an unknown article and an unknown address', async () => {
    await page.goto(`${siteUrl}/articles/no-such-article-${Date.now()}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.goto(`${siteUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectHealthyPage(page, errors);
  });

  it('finds no accessibility violations on the home and article pages', async () => {
    for (const path of ['/', `/articles/${article.slug}`]) {
      await page.goto(`${siteUrl}${path}`);
      await heading1(page).waitFor();
      await page
        .getByRole('region', { name: 'Popular posts' })
        .or(page.getByRole('region', { name: 'Latest articles' }))
        .first()
        .waitFor();
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
  });
});

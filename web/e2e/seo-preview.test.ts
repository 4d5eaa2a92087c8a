/** An editor sees, on the article form, the search result the article makes, as they type. */
import type { Article, CollectionResponse } from '@medblog/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, cmsGet, launchBrowser, openPage } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('an editor', () => {
  it('sees the search result preview and the SEO counters follow what they type', async () => {
    const { data } = await cmsGet<CollectionResponse<Article>>('/api/articles', {
      fields: ['title'],
      populate: { seo: { fields: ['metaTitle'] } },
      pagination: { pageSize: 50 },
    });
    const { documentId, seo } = data.find((article) => article.seo?.metaTitle)!;
    const metaTitle = seo!.metaTitle!;

    const { page, close } = await openPage(browser, 'desktop');
    await page.goto(`${apiUrl}/admin`);
    await page.getByLabel('Email').fill('admin@example.org');
    await page.getByLabel('Password').fill('Admin12345');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('heading', { name: /^Hello/ }).waitFor({ timeout: 30_000 });
    await page.goto(`${apiUrl}/admin/content-manager/collection-types/api::article.article/${documentId}`);

    const panel = page
      .getByRole('complementary')
      .or(page.locator('aside'))
      .filter({ hasText: 'Search result preview' });
    await panel.getByText(`${metaTitle.length}/60`).waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.getByText(metaTitle, { exact: true }).isVisible()).toBe(true);

    const field = page.getByRole('textbox', { name: 'Title in search results' });
    await field.fill('USMLE Step 2 CK in twelve weeks');
    await panel.getByText('31/60').waitFor();
    await panel.getByText('USMLE Step 2 CK in twelve weeks', { exact: true }).waitFor();

    await field.fill('A'.repeat(72));
    await panel.getByText('72/60').waitFor();
    await panel.getByText('12 too many: search engines cut the rest.').waitFor();

    // Emptied, the site uses the article's title; the panel says so.
    await field.fill('');
    await panel.getByText('0/60').waitFor();
    await panel.getByText('Empty: the article’s title is shown instead.').waitFor();
    await close();
  });
});

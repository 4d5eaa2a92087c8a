/**
 * An article's revision history, in the real Strapi admin: an editor (the Editor role, invited and
 * registered as a colleague would be) saves an article twice, sees both saves in its History
 * panel, compares them word by word, and restores the first version, which becomes the draft's
 * content and the newest version; and a version that changed nearly every field, with long values,
 * fits a 1280 px screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, apiUrl, horizontalOverflow, inviteColleague, launchBrowser, openPage } from './support';

const run = Date.now().toString(36);
const EDITOR = {
  firstname: 'Asha',
  lastname: `Rao ${run}`,
  email: `history-${run}@example.org`,
  password: 'Editor12345',
};
const TITLE = `Night shifts in the first year ${run}`;

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let documentId: string;

beforeAll(async () => {
  await inviteColleague('strapi-editor', EDITOR);
  const created = (await (
    await adminFetch('/content-manager/collection-types/api::article.article', {
      method: 'POST',
      body: {
        title: TITLE,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Sleep before a night shift.' }] }],
      },
    })
  ).json()) as { data: { documentId: string } };
  documentId = created.data.documentId;

  browser = await launchBrowser();
  ({ page, close } = await openPage(browser, 'desktop'));
  await page.goto(`${apiUrl}/admin`);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('heading', { name: /^Hello/ }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await close?.();
  await browser?.close();
});

async function saveTitle(title: string) {
  const field = page.getByRole('textbox', { name: /^Title/ });
  await field.fill(title);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved document').waitFor();
  await page.getByText('Saved document').waitFor({ state: 'detached' });
}

/** The words marked as inserted or deleted in a field's comparison. */
const marked = async (field: ReturnType<Page['getByRole']>, tag: 'ins' | 'del') =>
  (await field.locator(tag).allInnerTexts()).map((text) => text.trim());

describe('the history of an article', () => {
  it('lists two saves, compares them, and restores the first version', async () => {
    await page.goto(`${apiUrl}/admin/content-manager/collection-types/api::article.article/${documentId}`);
    await saveTitle(`${TITLE}: what to eat`);
    await saveTitle(`${TITLE}: what to eat and drink`);

    // The panel beside the form: the newest first, by the editor, with what changed in words.
    const latest = page.getByRole('list', { name: 'Latest versions' }).getByRole('listitem');
    await latest.first().getByText('Version 3: Saved').waitFor();
    expect(await latest.count()).toBe(3);
    expect(await latest.first().innerText()).toContain(`Asha Rao ${run}`);
    expect(await latest.first().innerText()).toContain('Title');

    await page.getByRole('link', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { name: `History: ${TITLE}: what to eat and drink` }).waitFor();

    // The latest two, side by side: the words added in version 3 are marked as insertions.
    const title = page.getByRole('region', { name: 'Title' });
    await title.waitFor();
    expect(await marked(title, 'ins')).toEqual(['and drink']);
    expect(await title.locator('del').count()).toBe(0);

    // Version 1 against 3: "what to eat and drink" is new, nothing was deleted.
    await page.getByRole('combobox', { name: 'Older version' }).click();
    await page.getByRole('option', { name: /^Version 1: Saved/ }).click();
    await expect.poll(() => marked(title, 'ins')).toEqual([': what to eat and drink']);

    await page
      .getByRole('row', { name: /^1: Saved/ })
      .getByRole('button', { name: 'Restore this version' })
      .click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore version 1?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Version 1 restored: the draft has its content, kept as version 4.').waitFor();
    await page.getByRole('row', { name: /^4: Restored version 1/ }).waitFor();
    await page.getByRole('heading', { name: `History: ${TITLE}`, exact: true }).waitFor();

    await page.getByRole('link', { name: 'Back to the article' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe(TITLE);
    await page.getByRole('list', { name: 'Latest versions' }).getByText('Version 4: Restored version 1').waitFor();
  });
});

describe('the history screen at 1280 px', () => {
  it('fits a version that changed nearly every field, with long unbroken values, on the screen', async () => {
    const address = `https://example.org/${'a-very-long-address-without-spaces-'.repeat(8)}`;
    const created = (await (
      await adminFetch('/content-manager/collection-types/api::article.article', {
        method: 'POST',
        body: {
          title: `Wide history ${run}`,
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'First.' }] }],
        },
      })
    ).json()) as { data: { documentId: string } };
    const id = created.data.documentId;
    await adminFetch(`/content-manager/collection-types/api::article.article/${id}`, {
      method: 'PUT',
      body: {
        title: `Wide history ${run} ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2)}`,
        excerpt: address.slice(0, 300),
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `${address} ${address}` }] }],
        conflictOfInterest: address,
        featured: true,
        commentsEnabled: false,
        audience: 'doctors',
        lastReviewedAt: '2026-10-05',
        nextReviewDueAt: '2027-10-05',
        originalPublishedAt: '2019-03-02T09:30:00.000Z',
        seo: {
          metaTitle: 'Sixty characters of a title in search results for the check',
          metaDescription: address.slice(0, 150),
        },
      },
    });

    await page.goto(`${apiUrl}/admin/article-history/${id}`);
    const changes = page
      .getByRole('row', { name: /^2: Saved/ })
      .locator('td')
      .nth(3);
    await changes.waitFor();
    expect(await changes.innerText()).toBe(
      'Title, Summary, Text, Last reviewed on, Next review due, Conflicts of interest, Written for, ' +
        'Search engines and sharing, Featured on the home page, Comments enabled and Original publication date',
    );
    // Neither the page nor the table of versions scrolls sideways, and the list of fields is on the screen.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const tableBox = page.locator('table').locator('..');
    expect(await tableBox.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
    const right = await changes.evaluate((cell) => cell.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(1280);
    // The compared values wrap too, and read as the rest of the admin writes them.
    await page.getByRole('region', { name: 'Last reviewed on' }).getByText('5 Oct 2026').waitFor();
    await page.getByRole('region', { name: 'Written for' }).getByText('Doctors').waitFor();
  });
});

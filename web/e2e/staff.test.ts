/**
 * The people behind the site, in the real Strapi admin: a moderator approves a reader's comment on
 * the Moderation screen and the reader then sees it published, while a bot's comment never shows;
 * a moderator clears a busy queue of 50 with bulk decisions and the keyboard, and on a phone;
 * a staff member finds a reader's enquiry, replies by e-mail and marks it in progress, but cannot
 * change what the reader sent; a member of the Audience role finds a subscriber by part of their
 * address and removes them, and the address is forgotten, while an Editor sees the counts only.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminFetch,
  adminGet,
  apiUrl,
  commentableArticle,
  horizontalOverflow,
  inviteColleague,
  launchBrowser,
  logInToAdmin,
  openPage,
  readerAndStaffPages,
  parseCsv,
  siteUrl,
  usableSince,
  waitSince,
} from './support';

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
  ({ slug, documentId: articleId } = await commentableArticle('oldest'));
  await logInToAdmin(staff);
});

/** Readers' comments sent through the public API, as the site's form sends them. */
async function sendComments(comments: Array<{ authorName: string; authorEmail: string; body: string }>) {
  for (const comment of comments) {
    const response = await fetch(`${apiUrl}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { article: articleId, ...comment } }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

/** The moderation screen, searched for `q`. */
async function openQueue(page: Page, q: string) {
  await page.goto(`${apiUrl}/admin/moderation`);
  await page.getByRole('tab', { name: /^Pending/ }).waitFor();
  await page.getByRole('searchbox', { name: 'Search comments' }).fill(q);
}

const pendingTab = (page: Page, count: number) => page.getByRole('tab', { name: new RegExp(`^Pending\\s*${count}$`) });

afterAll(async () => {
  for (const close of closeAll) await close();
  await browser?.close();
});

async function postComment(name: string, body: string, { likeABot = false } = {}) {
  await reader.goto(`${siteUrl}/articles/${slug}`);
  const form = reader.getByRole('form', { name: 'Leave a Reply' });
  const shownAt = await usableSince(form);
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

    await staff.getByRole('link', { name: 'Moderation', exact: true }).click();
    await staff.getByRole('tab', { name: /^Pending/ }).waitFor();
    const approve = staff.getByRole('button', { name: `Approve comment by ${name}` });
    await approve.waitFor();
    // The bot's comment went straight to spam: not in the moderators' pending queue.
    expect(await staff.getByRole('button', { name: `Approve comment by Bot ${run}` }).count()).toBe(0);
    await approve.click();
    await staff.getByText('1 comment approved').waitFor();

    const published = reader
      .getByRole('region', { name: 'Comments' })
      .getByRole('article', { name: `Comment by ${name}` });
    // Once the approved comment has loaded, the reader's own "awaiting moderation" copy goes away.
    // The approval reaches the site's cached page a moment later (a purge call): a reader who
    // reloads before then still gets the page without it, so the reader reloads until it is there.
    await expect
      .poll(
        async () => {
          await reader.reload();
          await published.waitFor();
          return published.getByText('Awaiting moderation').count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(0);
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

describe('a moderator on a busy day', () => {
  it('clears 50 pending comments with "All from sender", a page-wide selection and the keyboard', async () => {
    const batch = `batch-${run}`;
    const spammer = `spammer-${run}@example.net`;
    await sendComments(
      Array.from({ length: 50 }, (_, i) =>
        // Every fifth from one sender: their ten comments are spread over the queue's pages.
        i % 5 === 0
          ? { authorName: 'Deal Finder', authorEmail: spammer, body: `Great offers every day, number ${i} (${batch})` }
          : {
              authorName: `Student ${i}`,
              authorEmail: `student-${i}-${run}@example.net`,
              body: `Question ${i} about the night shift rota, please (${batch})`,
            },
      ),
    );
    await openQueue(staff, batch);
    await pendingTab(staff, 50).waitFor();
    await staff.getByText('Keys: j next · k previous · x select · a approve · r reject · s spam').waitFor();

    // Compact rows: ten or more fit on a 1280 × 900 screen, every decision button within it.
    const viewport = staff.viewportSize()!;
    const rows = staff.locator('tbody tr');
    await rows.nth(19).waitFor();
    let onScreen = 0;
    for (let i = 0; i < 20; i += 1) {
      const box = (await rows.nth(i).boundingBox())!;
      if (box.y >= 0 && box.y + box.height <= viewport.height) onScreen += 1;
    }
    expect(onScreen).toBeGreaterThanOrEqual(10);
    for (const name of [/^Approve comment by/, /^Reject comment by/, /^Mark comment by .* as spam$/]) {
      const box = (await staff.getByRole('button', { name }).first().boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }

    // One sender's ten comments, on three pages: all of them selected at once, then spam.
    await staff
      .getByRole('button', { name: `Select all comments from ${spammer}` })
      .first()
      .click();
    await staff.getByText('10 selected').waitFor();
    await staff.getByRole('button', { name: 'Mark selected as spam' }).click();
    await staff.getByText('10 comments marked as spam').waitFor();
    await staff.getByRole('button', { name: /^Show every sender again/ }).click();

    // A page of twenty approved at once.
    await staff.getByRole('searchbox', { name: 'Search comments' }).fill(batch);
    await pendingTab(staff, 40).waitFor();
    await staff.getByRole('checkbox', { name: 'Select all comments on this page' }).click();
    await staff.getByText('20 selected').waitFor();
    await staff.getByRole('button', { name: 'Approve selected' }).click();
    await staff.getByText('20 comments approved').waitFor();
    await pendingTab(staff, 20).waitFor();

    // The keyboard: x selects, j moves on, r rejects the two selected; then a approves the
    // current comment, which the next one replaces, until the queue is empty.
    await staff.locator('body').click({ position: { x: 5, y: 5 } });
    await staff.keyboard.press('x');
    await staff.keyboard.press('j');
    await staff.keyboard.press('x');
    await staff.getByText('2 selected').waitFor();
    await staff.keyboard.press('r');
    await staff.getByText('2 comments rejected').waitFor();
    for (let left = 18; left > 0; left -= 1) {
      await pendingTab(staff, left).waitFor();
      await staff.locator('tbody tr[aria-current="true"]').waitFor();
      await staff.keyboard.press('a');
    }
    await staff.getByText('Nothing waiting for moderation', { exact: true }).waitFor();

    const decided = await (
      await adminGet(`/medblog/comments?status=all&pageSize=100&q=${encodeURIComponent(batch)}`)
    ).json();
    const byStatus = (status: string) =>
      decided.data.filter((comment: { moderationStatus: string }) => comment.moderationStatus === status).length;
    expect([byStatus('spam'), byStatus('rejected'), byStatus('approved'), byStatus('pending')]).toEqual([10, 2, 38, 0]);
    expect(
      decided.data
        .filter((comment: { authorEmail: string }) => comment.authorEmail === spammer)
        .every((comment: { moderationStatus: string }) => comment.moderationStatus === 'spam'),
    ).toBe(true);
  });

  it('moderates on a 360 px phone: comments as cards, every decision button on the screen', async () => {
    const tag = `phone-${run}`;
    await sendComments(
      [1, 2, 3].map((i) => ({
        authorName: `Phone Reader ${i} with a rather long name`,
        authorEmail: `phone-reader-${i}-with-a-long-address-${run}@example.net`,
        body: `A comment to moderate on a phone, number ${i}, with enough words to wrap over lines (${tag})`,
      })),
    );
    const phone = await openPage(browser, 'phone');
    closeAll.push(phone.close);
    await logInToAdmin(phone.page);
    await openQueue(phone.page, tag);
    await pendingTab(phone.page, 3).waitFor();
    const cards = phone.page.getByRole('list', { name: 'Comments' }).getByRole('listitem');
    await cards.nth(2).waitFor();
    expect(await phone.page.locator('table').count()).toBe(0);

    const viewport = phone.page.viewportSize()!;
    const decisions = cards.getByRole('button', { name: /^(Approve|Reject) comment by|^Mark comment by/ });
    expect(await decisions.count()).toBe(9);
    // Every action on a card (decisions, "all from this sender", selection, links) is on the screen.
    const actions = cards.locator('button, a');
    expect(await actions.count()).toBeGreaterThanOrEqual(18);
    for (const button of await actions.all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await phone.page.screenshot({
      path: join(mkdtempSync(join(tmpdir(), 'medblog-staff-')), 'moderation-360.png'),
      fullPage: true,
    });

    await cards
      .first()
      .getByRole('button', { name: /^Approve comment by/ })
      .click();
    await phone.page.getByText('1 comment approved').waitFor();
    await pendingTab(phone.page, 2).waitFor();
  });
});

describe('a staff member', () => {
  it("finds a reader's enquiry, replies by e-mail and marks it in progress; what the reader sent stays as sent", async () => {
    const name = `Enquirer ${run}`;
    await reader.goto(`${siteUrl}/enquiry`);
    const form = reader.getByRole('main').getByRole('form', { name: 'Quick Enquiry' });
    const shownAt = await usableSince(form);
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
    // Newest first: the reader's enquiry is on the first page; its date received opens it.
    const listed = staff.getByRole('row').filter({ hasText: name });
    // Topic and status in words, in the same type as the other columns.
    const fontSize = (text: string) =>
      listed.getByText(text, { exact: true }).evaluate((cell) => getComputedStyle(cell).fontSize);
    expect(await fontSize('Clinical partnerships')).toBe(await fontSize(name));
    expect(await fontSize('New')).toBe(await fontSize(name));
    const href = await listed.getByRole('link').first().getAttribute('href');
    await staff.goto(new URL(href!, apiUrl).toString());
    await staff.getByRole('button', { name: 'Save' }).waitFor();

    const reply = staff.getByRole('link', { name: 'Reply by e-mail' });
    expect(await reply.getAttribute('href')).toBe(
      'mailto:enquirer@example.org?subject=Your%20enquiry%3A%20Clinical%20partnerships',
    );
    await staff.getByText(/^Received \d{1,2} \w+ \d{4}/).waitFor();
    // What the reader sent is shown but cannot be edited; the anonymised address is not shown.
    for (const field of ['Name', 'E-mail', 'Message']) {
      expect(await staff.getByRole('textbox', { name: field, exact: true }).isEditable(), field).toBe(false);
    }
    expect(await staff.getByText(/Visitor code|ipHash/).count()).toBe(0);
    const documentId = new URL(href!, apiUrl).pathname.split('/').pop();
    const overwrite = await adminFetch(`/content-manager/collection-types/api::enquiry.enquiry/${documentId}`, {
      method: 'PUT',
      body: { message: 'Words the reader never wrote' },
    }).catch((error: Error) => error.message);
    expect(overwrite).toMatch(/answered 400: .*message: is what the sender wrote and cannot be changed/);
    // Choices by their names; the value stored stays in-progress (the export below filters on it).
    expect(await staff.getByRole('combobox', { name: 'Topic' }).innerText()).toBe('Clinical partnerships');
    await staff.getByRole('combobox', { name: 'Handling status' }).click();
    expect(await staff.getByRole('option').allInnerTexts()).toEqual([
      'Choose here',
      'New',
      'In progress',
      'Closed',
      'Suspected spam',
    ]);
    await staff.getByRole('option', { name: 'In progress' }).click();
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff.getByText(/Saved/i).first().waitFor();

    const csv = await (await adminGet('/medblog/enquiries/export?handlingStatus=in-progress')).text();
    expect(parseCsv(csv).find((row) => row.Name === name)).toMatchObject({
      Topic: 'Clinical partnerships',
      'Handling status': 'In progress',
      Message: 'Our hospital would like to host your students.',
      Received: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
    });
  });

  it('downloads the enquiries from Export enquiries and is told how many the file holds', async () => {
    // One of its own at least, and a comma, quotes and a line break for the file to keep.
    const sent = await fetch(`${apiUrl}/api/enquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: {
          name: `Export Reader ${run}`,
          email: 'export-reader@example.org',
          topic: 'general',
          message: 'Two lines, "quoted",\nand a comma.',
          consent: true,
        },
      }),
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const exported = parseCsv(await (await adminGet('/medblog/enquiries/export')).text());
    expect(exported.some((row) => row.Name === `Export Reader ${run}`)).toBe(true);
    const expected = exported.length;
    expect(expected).toBeGreaterThan(0);
    await staff.goto(`${apiUrl}/admin`);
    await staff.getByRole('link', { name: 'Export enquiries' }).click();
    // How many the file will hold is shown before the download.
    await staff
      .getByText(`${expected} ${expected === 1 ? 'enquiry matches' : 'enquiries match'} these filters.`)
      .waitFor();
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    await staff
      .getByText(new RegExp(`^${expected} enquir(y|ies) saved to enquiries-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
      .waitFor();
    // The file itself: named as the note says, holding the enquiries the export holds, row for row.
    expect(download.suggestedFilename()).toMatch(/^enquiries-\d{4}-\d{2}-\d{2}\.csv$/);
    const saved = join(mkdtempSync(join(tmpdir(), 'medblog-e2e-download-')), download.suggestedFilename());
    await download.saveAs(saved);
    const rows = parseCsv(readFileSync(saved, 'utf8'));
    expect(rows).toHaveLength(expected);
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(exported[0]!));
    expect(rows).toEqual(exported);
  });
});

describe('the admin home page', () => {
  it('opens on what is waiting: comments to moderate, new enquiries, reviews due, each a link to the work', async () => {
    await sendComments([{ authorName: `Waiting ${run}`, authorEmail: 'waiting@example.org', body: `Counted ${run}` }]);
    const pending = (await (await adminGet('/medblog/comments?status=pending&pageSize=1')).json()) as {
      meta: { pagination: { total: number } };
    };
    await staff.goto(`${apiUrl}/admin`);
    const comments = staff.getByRole('link', { name: /^Comments waiting for moderation: \d+$/ });
    await comments.waitFor();
    expect(await comments.textContent()).toBe(`Comments waiting for moderation: ${pending.meta.pagination.total}`);
    await staff.getByRole('link', { name: /^New enquiries: \d+$/ }).waitFor();
    await staff.getByRole('link', { name: /^Articles due for a medical review: \d+$/ }).waitFor();
    expect(await staff.getByText('Project statistics').count()).toBe(0);
    await comments.click();
    await staff.waitForURL(`${apiUrl}/admin/moderation`);
  });
});

/**
 * Types a day into one of the admin's date pickers as a person does: keys (the first opens its
 * calendar), then Enter, which takes the day typed and closes the calendar. Text filled in at
 * once opens nothing, and the picker then takes the day only when the field loses focus, which a
 * click on Save may outrun.
 */
async function typeDay(field: Locator, day: string) {
  await field.fill('');
  await field.pressSequentially(day);
  await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');
  await field.press('Enter');
  await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
  expect(await field.inputValue()).toBe(day);
}

describe("an editor's dates and choices", () => {
  let documentId: string;
  const editPath = () => `${apiUrl}/admin/content-manager/collection-types/api::article.article/${documentId}`;
  const storedArticle = async () =>
    (
      (await (await adminGet(`/content-manager/collection-types/api::article.article/${documentId}`)).json()) as {
        data: Record<string, unknown>;
      }
    ).data;

  beforeAll(async () => {
    const created = (await (
      await adminFetch('/content-manager/collection-types/api::article.article', {
        method: 'POST',
        body: { title: `Dates read day first ${run}`, nextReviewDueAt: '2027-04-01' },
      })
    ).json()) as { data: { documentId: string } };
    documentId = created.data.documentId;
  });

  it('reads and takes dates day first: typing 05/10/2026 stores 5 October', async () => {
    await staff.goto(editPath());
    const reviewed = staff.getByRole('combobox', { name: 'Last reviewed on' });
    const due = staff.getByRole('combobox', { name: 'Next review due' });
    // A stored day is shown day first.
    await expect.poll(() => due.inputValue()).toBe('01/04/2027');

    // Days that a month-first reading would take for another day (10 May) or refuse (month 31).
    for (const [typed, stored] of [
      ['05/10/2026', '2026-10-05'],
      ['31/01/2027', '2027-01-31'],
      ['12/11/2026', '2026-11-12'],
    ]) {
      await typeDay(reviewed, typed);
      await typeDay(due, '01/02/2028');
      await staff.getByRole('button', { name: 'Save', exact: true }).click();
      await staff.getByText('Saved document').first().waitFor();
      await expect.poll(async () => (await storedArticle()).lastReviewedAt, { message: typed }).toBe(stored);
      await expect.poll(async () => (await storedArticle()).nextReviewDueAt).toBe('2028-02-01');
      await staff.reload();
      await expect.poll(() => reviewed.inputValue()).toBe(typed);
    }
  }, 120_000); // three saves and reloads

  it('schedules "Publish at" day first, and says which time zone it uses', async () => {
    await staff.goto(editPath());
    const publishAt = staff.getByRole('group', { name: 'Publish at', exact: true });
    await staff.getByText('The time is in the time zone of the computer you are using.').first().waitFor();
    const day = publishAt.getByRole('combobox', { name: 'Choose date' });
    await typeDay(day, '05/10/2027');
    await staff.getByRole('button', { name: 'Save', exact: true }).click();
    await staff.getByText('Saved document').first().waitFor();
    // Midnight at the start of 5 October 2027 on the editor's clock (this browser's: UTC).
    await expect.poll(async () => (await storedArticle()).publishAt).toBe('2027-10-05T00:00:00.000Z');
    await staff.reload();
    await expect.poll(() => day.inputValue()).toBe('05/10/2027');
  });

  it('offers "Written for" by its names and stores the value', async () => {
    await staff.goto(editPath());
    await staff.getByRole('combobox', { name: 'Written for' }).click();
    expect(await staff.getByRole('option').allInnerTexts()).toEqual([
      'Choose here',
      'Medical students',
      'Doctors',
      'The general public',
    ]);
    await staff.getByRole('option', { name: 'Doctors' }).click();
    await staff.getByRole('button', { name: 'Save', exact: true }).click();
    await staff.getByText('Saved document').first().waitFor();
    await expect.poll(async () => (await storedArticle()).audience).toBe('doctors');
  });

  it('picks the export range day first', async () => {
    await staff.goto(`${apiUrl}/admin/enquiry-export`);
    const from = staff.getByRole('combobox', { name: 'Received from' });
    expect(await from.getAttribute('placeholder')).toBe('DD/MM/YYYY');
    const counted = staff.waitForRequest((request) => request.url().includes('from=2026-10-05'));
    await typeDay(from, '05/10/2026');
    await counted;
    expect(await from.inputValue()).toBe('05/10/2026');
  });
});

/** A colleague with the role `code`, invited by the super admin, who set their password through the invitation. */
const invited = (code: string, firstname: string) =>
  inviteColleague(code, {
    firstname,
    lastname: `Staff ${run}`,
    email: `${code}-${firstname.toLowerCase()}-${run}@example.org`,
    password: 'Colleague12345',
  });

/** A reader subscribes, as the site's form does (waiting for confirmation). */
async function subscribe(email: string) {
  const response = await fetch(`${apiUrl}/api/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { email, frequency: 'weekly', topics: [] } }),
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

describe('the Subscribers screen', () => {
  it('lets the Audience role find a subscriber by part of their address and remove them, after a confirm: the address is forgotten', async () => {
    const leaving = `leaving-${run}@example.org`;
    await subscribe(leaving);
    await subscribe(`staying-${run}@example.org`);

    const { page, close } = await openPage(browser, 'desktop');
    closeAll.push(close);
    await logInToAdmin(page, await invited('audience', 'Meera'));
    // The mailing list only: no moderation for this role.
    expect(await page.getByRole('link', { name: 'Moderation', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Subscribers', exact: true }).click();
    await page.getByRole('heading', { name: 'Subscribers', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^By state: \d+ in all$/ }).waitFor();

    await page.getByRole('searchbox', { name: 'Search subscribers by address' }).fill(`LEAVING-${run}`);
    await page
      .getByRole('status')
      .filter({ hasText: `1 subscriber has an address containing “LEAVING-${run}”` })
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: leaving });
    await row.getByText('Waiting for confirmation').waitFor();
    await row.getByRole('button', { name: `Remove ${leaving}` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`${leaving} will be deleted and forgotten`).waitFor();
    await dialog.getByRole('button', { name: 'Remove and forget' }).click();
    await page.getByText(`${leaving} was removed and forgotten.`).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `No address contains “LEAVING-${run}”` })
      .waitFor();

    // Gone from the database, not hidden: the Super Admin finds only the other reader.
    const left = (await (await adminGet(`/medblog/subscribers?q=${run}`)).json()) as {
      data: Array<{ email: string }>;
    };
    expect(left.data.map((s) => s.email)).toEqual([`staying-${run}@example.org`]);
  });

  it('shows an Editor the counts only, and fits a 360 px phone, as cards for the Audience role', async () => {
    const address = `phone-reader-with-a-rather-long-address-${run}@example.org`;
    await subscribe(address);
    const shots = mkdtempSync(join(tmpdir(), 'medblog-subscribers-'));

    const editor = await openPage(browser, 'phone');
    closeAll.push(editor.close);
    await logInToAdmin(editor.page, await invited('strapi-editor', 'Kabir'));
    await editor.page.goto(`${apiUrl}/admin/subscribers`);
    await editor.page.getByRole('heading', { name: /^By state: \d+ in all$/ }).waitFor();
    await editor.page.getByRole('heading', { name: 'Subscribed, by topic' }).waitFor();
    await editor.page.getByText('Addresses are visible to the Audience role (and Super Admins) only').waitFor();
    expect(await editor.page.getByRole('searchbox').count()).toBe(0);
    expect(await editor.page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
    expect(await editor.page.getByText('@').count()).toBe(0);
    expect(await horizontalOverflow(editor.page)).toBe(0);
    await editor.page.screenshot({ path: join(shots, 'subscribers-editor-360.png'), fullPage: true });

    const audience = await openPage(browser, 'phone');
    closeAll.push(audience.close);
    await logInToAdmin(audience.page, await invited('audience', 'Tara'));
    await audience.page.goto(`${apiUrl}/admin/subscribers`);
    await audience.page.getByRole('searchbox', { name: 'Search subscribers by address' }).fill(address);
    const card = audience.page.getByRole('listitem').filter({ hasText: address });
    await card.waitFor();
    expect(await audience.page.locator('table').count()).toBe(0);
    const viewport = audience.page.viewportSize()!;
    for (const control of [
      card.getByRole('button', { name: `Remove ${address}` }),
      audience.page.getByRole('button', { name: 'Download CSV' }),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    expect(await horizontalOverflow(audience.page)).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await audience.page.screenshot({ path: join(shots, 'subscribers-audience-360.png') });
    console.log(`Screenshots of the Subscribers screen on a phone: ${shots}`);
  });
});

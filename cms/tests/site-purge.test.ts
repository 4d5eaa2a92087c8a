/**
 * The CMS tells the site's server about every change readers can see, with one signed call per
 * burst of changes, and about nothing else; a broken or silent site server never gets in the way
 * of a save.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { env } from '@strapi/utils';
import { PURGE, PURGE_TAGS, purgeSignedText } from '@medblog/shared';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { publishedArticle, validComment } from './helpers/fixtures';
import { purgeCalls, siteServer, waitForPurges, type PurgeCall } from './helpers/site';
import { watchLog } from './helpers/log';
import siteConfig from '../config/site';

/** What a change to a published article touches: its pages and lists, and the topics in use. */
const ARTICLE_CHANGE = [PURGE_TAGS.articles, PURGE_TAGS.categories];

const ARTICLES = '/content-manager/collection-types/api::article.article';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let editor: { Authorization: string };
let commented: Awaited<ReturnType<typeof publishedArticle>>;
let log: ReturnType<typeof watchLog> | undefined;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  // An editor of its own: the admin login allows only a few logins per e-mail address.
  editor = await newAdminHeaders('strapi-editor', 'purge-editor');
  commented = await publishedArticle();
  // What the start (the demo content) and earlier test files changed has gone out before the first test.
  await saveSiteSettings(purgeCalls.length);
});

// Other test files expect the published articles to be the demo content.
const createdArticles: string[] = [];
afterAll(async () => {
  for (const documentId of createdArticles) await strapi.documents('api::article.article').delete({ documentId });
});

afterEach(() => {
  siteServer.recover();
  log?.stop();
  log = undefined;
});

/** The calls that arrived after `mark` (an index into purgeCalls), by their tags. */
const tagsSince = (mark: number) => purgeCalls.slice(mark).map((call) => call.tags);

/**
 * A change the site is always told about (the site settings saved as they are). Its call arriving
 * shows that whatever came before it has been sent, so "nothing else arrived" can be asserted.
 */
async function saveSiteSettings(mark: number) {
  const settings = strapi.documents('api::global.global');
  const current = await settings.findFirst();
  await settings.update({ documentId: current!.documentId, data: {} });
  await waitForPurges((call) => purgeCalls.indexOf(call) >= mark && call.tags.includes(PURGE_TAGS.global));
}

function signedWithTheSecret(call: PurgeCall): boolean {
  const parts = Object.fromEntries(
    String(call.headers[PURGE.signatureHeader])
      .split(',')
      .map((p) => p.split('=')),
  );
  const expected = createHmac('sha256', process.env.PURGE_SECRET!)
    .update(purgeSignedText(Number(parts.t), call.body))
    .digest('hex');
  return parts.v1 === expected && Math.abs(Date.now() / 1000 - Number(parts.t)) <= PURGE.maxAgeSeconds;
}

/** An editor's new draft article, through the admin's content manager. */
async function newDraft(title: string): Promise<string> {
  const response = await request.post(ARTICLES).set(editor).send({ title });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  createdArticles.push(response.body.data.documentId);
  return response.body.data.documentId;
}

async function publish(documentId: string) {
  const response = await request.post(`${ARTICLES}/${documentId}/actions/publish`).set(editor).send({});
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function postComment(body: string): Promise<string> {
  const response = await request.post('/api/comments').send({ data: validComment(commented.documentId, { body }) });
  expect(response.status).toBe(201);
  return response.body.data.documentId;
}

async function moderate(documentIds: string[], moderationStatus: string) {
  const response = await request.post('/medblog/comments/moderate').set(editor).send({ documentIds, moderationStatus });
  expect(response.body).toEqual({ data: { updated: documentIds.length } });
}

describe('purge calls to the site', () => {
  it('sends one signed call naming the articles when an editor publishes an article', async () => {
    const mark = purgeCalls.length;
    const documentId = await newDraft('Purge test: a new article');
    await publish(documentId);
    const [call] = await waitForPurges((c) => purgeCalls.indexOf(c) >= mark && c.tags.includes(PURGE_TAGS.articles));
    await saveSiteSettings(mark);

    expect(tagsSince(mark)).toEqual([ARTICLE_CHANGE, [PURGE_TAGS.global]]);
    expect(call.path).toBe(PURGE.path);
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({ tags: ARTICLE_CHANGE });
    expect(signedWithTheSecret(call)).toBe(true);
  });

  it('sends nothing when an editor saves a draft of a published article', async () => {
    const documentId = await newDraft('Purge test: draft edits');
    const published = purgeCalls.length;
    await publish(documentId);
    await waitForPurges((c) => purgeCalls.indexOf(c) >= published && c.tags.includes(PURGE_TAGS.articles));
    const mark = purgeCalls.length;
    const saved = await request.put(`${ARTICLES}/${documentId}`).set(editor).send({ title: 'Purge test: edited' });
    expect(saved.status).toBe(200);
    await saveSiteSettings(mark);
    expect(tagsSince(mark)).toEqual([[PURGE_TAGS.global]]);
  });

  it('names the articles when a published article is deleted, and sends nothing for a deleted draft', async () => {
    const published = await newDraft('Purge test: deleted after publishing');
    const before = purgeCalls.length;
    await publish(published);
    await waitForPurges((c) => purgeCalls.indexOf(c) >= before && c.tags.includes(PURGE_TAGS.articles));
    const draft = await newDraft('Purge test: a draft deleted');

    const mark = purgeCalls.length;
    expect((await request.delete(`${ARTICLES}/${draft}`).set(editor)).status).toBe(200);
    await saveSiteSettings(mark);
    expect(tagsSince(mark)).toEqual([[PURGE_TAGS.global]]);

    const second = purgeCalls.length;
    expect((await request.delete(`${ARTICLES}/${published}`).set(editor)).status).toBe(200);
    await waitForPurges((c) => purgeCalls.indexOf(c) >= second);
    expect(tagsSince(second)).toEqual([ARTICLE_CHANGE]);
  });

  it.each([
    ['a category', 'api::category.category', [PURGE_TAGS.categories, PURGE_TAGS.articles]],
    ['an author', 'api::author.author', [PURGE_TAGS.authors, PURGE_TAGS.articles]],
  ] as const)('names what shows %s when it is saved', async (_, uid, tags) => {
    const entry = await strapi.documents(uid).findFirst({ fields: ['documentId'] });
    const mark = purgeCalls.length;
    await strapi.documents(uid).update({ documentId: entry!.documentId, data: {} });
    await waitForPurges((c) => purgeCalls.indexOf(c) >= mark);
    expect(tagsSince(mark).map((t) => [...t].sort())).toEqual([[...tags].sort()]);
  });

  it('names the redirects when one is added or removed', async () => {
    const redirects = strapi.documents('api::redirect.redirect');
    const mark = purgeCalls.length;
    const created = await redirects.create({ data: { fromPath: '/purge-test-old', toPath: '/articles' } });
    await waitForPurges((c) => purgeCalls.indexOf(c) >= mark);
    const second = purgeCalls.length;
    await redirects.delete({ documentId: created.documentId });
    await waitForPurges((c) => purgeCalls.indexOf(c) >= second);
    expect(tagsSince(mark)).toEqual([[PURGE_TAGS.redirects], [PURGE_TAGS.redirects]]);
  });

  it("sends nothing for a reader's new comment, which waits for moderation", async () => {
    const mark = purgeCalls.length;
    await postComment('A pending comment the site need not hear about');
    await saveSiteSettings(mark);
    expect(tagsSince(mark)).toEqual([[PURGE_TAGS.global]]);
  });

  it("names the article's comments when a moderator approves a comment, and again when it is rejected", async () => {
    const comment = await postComment('A comment approved, then rejected');
    const tag = PURGE_TAGS.comments(commented.documentId);

    const mark = purgeCalls.length;
    await moderate([comment], 'approved');
    await waitForPurges((c) => purgeCalls.indexOf(c) >= mark && c.tags.includes(tag));
    expect(tagsSince(mark)).toEqual([[tag]]);

    const second = purgeCalls.length;
    await moderate([comment], 'rejected');
    await waitForPurges((c) => purgeCalls.indexOf(c) >= second && c.tags.includes(tag));
    expect(tagsSince(second)).toEqual([[tag]]);
  });

  it('sends one call for a bulk approval of 10 comments', async () => {
    const comments: string[] = [];
    for (let i = 1; i <= 10; i += 1) comments.push(await postComment(`Bulk-approved comment ${i} of 10`));
    const tag = PURGE_TAGS.comments(commented.documentId);

    const mark = purgeCalls.length;
    await moderate(comments, 'approved');
    await waitForPurges((c) => purgeCalls.indexOf(c) >= mark && c.tags.includes(tag));
    await saveSiteSettings(mark);
    expect(tagsSince(mark)).toEqual([[tag], [PURGE_TAGS.global]]);
  });
});

describe('when the site server misbehaves', () => {
  it('saves while the site answers 500, logs the failure and calls again once', async () => {
    log = watchLog(strapi);
    siteServer.answerWith(500);
    const documentId = await newDraft('Purge test: site answering 500');
    const mark = purgeCalls.length;
    await publish(documentId);

    const calls = await waitForPurges((c) => purgeCalls.indexOf(c) >= mark, 2);
    expect(calls.map((call) => call.tags)).toEqual([ARTICLE_CHANGE, ARTICLE_CHANGE]);
    expect(calls.every(signedWithTheSecret)).toBe(true);
    expect(await log.waitFor(/Site purge failed, retrying/)).toContain('answered 500');
    expect(await log.waitFor(/Site purge failed again/)).toContain(PURGE_TAGS.articles);
  });

  it('answers saves while the site does not answer at all, and gives up on the call with a logged timeout', async () => {
    log = watchLog(strapi);
    siteServer.hang();
    const documentId = await newDraft('Purge test: site not answering');
    const mark = purgeCalls.length;
    await publish(documentId);
    await waitForPurges((c) => purgeCalls.indexOf(c) >= mark);
    expect(siteServer.held).toBe(1);

    // The next save is answered while the site still holds the last call unanswered.
    const saved = await request.put(`${ARTICLES}/${documentId}`).set(editor).send({ title: 'Purge test: saved again' });
    expect(saved.status).toBe(200);
    expect(siteServer.held).toBe(1);
    expect(log.lines().filter((line) => line.includes('Site purge'))).toEqual([]);

    expect(await log.waitFor(/Site purge failed, retrying/)).toContain('no answer within 2000 ms');
    expect(await log.waitFor(/Site purge failed again/)).toContain('no answer within 2000 ms');
    expect(tagsSince(mark)).toEqual([ARTICLE_CHANGE, ARTICLE_CHANGE]);
  });
});

describe('settings', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('refuses to start in production when the site is to be called without a PURGE_SECRET', () => {
    Object.assign(process.env, { NODE_ENV: 'production', SITE_PURGE_URLS: 'https://site.example.org' });
    delete process.env.PURGE_SECRET;
    expect(() => siteConfig({ env })).toThrow('Missing required secret in the environment: PURGE_SECRET');
    process.env.PURGE_SECRET = 'a-long-random-value';
    expect(siteConfig({ env }).purge).toMatchObject({
      urls: ['https://site.example.org'],
      secret: 'a-long-random-value',
    });
  });
});

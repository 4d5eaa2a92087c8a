/**
 * Trusted commenters: a comment is published at once (when the moderation setting says so) and
 * marked Trusted on the Moderation screen only when an approved comment came from the same e-mail
 * address and the same browser, shown by the commenter key the site keeps in that browser. An
 * address alone (a reader's, a moderator's from a staff reply) trusts nobody, and the answer to a
 * comment is the same whether it was published at once or not.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { count, publishedArticle, validComment } from './helpers/fixtures';

const COMMENT = 'api::comment.comment';
type Article = Awaited<ReturnType<typeof publishedArticle>>;

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let moderator: { Authorization: string };
let moderatorEmail: string;
/** Every published article open to comments: the same text may be sent once per article (duplicates are spam). */
let articles: Article[];
const run = Date.now().toString(36);

/** What the site's browser code makes: 32 random bytes, base64url. */
const newKey = () => randomBytes(32).toString('base64url');

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  moderator = await newAdminHeaders('strapi-editor', `trust-moderator-${run}`);
  moderatorEmail = (await request.get('/admin/users/me').set(moderator)).body.data.email;
  articles = await strapi.documents('api::article.article').findMany({
    status: 'published',
    filters: { commentsEnabled: true },
    sort: 'id:asc',
  });
  expect(articles.length).toBeGreaterThanOrEqual(6);
});

afterEach(() => setApproveTrusted(false));

async function setApproveTrusted(approveTrustedCommenters: boolean) {
  const settings = strapi.documents('api::moderation-setting.moderation-setting');
  const current = await settings.findFirst();
  if (current) await settings.update({ documentId: current.documentId, data: { approveTrustedCommenters } });
  else await settings.create({ data: { approveTrustedCommenters } });
}

const send = (data: Record<string, unknown>, on: Article = articles[0]) =>
  request.post('/api/comments').send({ data: validComment(on.documentId, data) });

/** A reader's comment that the CMS accepts; its documentId. */
async function post(data: Record<string, unknown>, on?: Article) {
  const response = await send(data, on);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.documentId as string;
}

/** A moderator's decision, as the Moderation screen sends it. */
async function decide(documentId: string, moderationStatus: 'approved' | 'rejected') {
  const response = await request
    .post('/medblog/comments/moderate')
    .set(moderator)
    .send({ documentIds: [documentId], moderationStatus });
  expect(response.body).toEqual({ data: { updated: 1 } });
}

async function storedStatus(documentId: string) {
  return (await strapi.db.query(COMMENT).findOne({ where: { documentId } })).moderationStatus as string;
}

/** A reader whose first comment, sent from their browser (their key), a moderator approved. */
async function approvedReader(name: string) {
  const reader = { authorEmail: `${name}-${run}@example.net`, commenterKey: newKey() };
  await decide(await post({ ...reader, body: `${name}'s first question (${run})` }), 'approved');
  return reader;
}

/** The answer to a comment without what differs for every comment. */
function comparable(response: Awaited<ReturnType<typeof send>>) {
  const { date: _date, ...headers } = response.headers;
  const { documentId, createdAt, ...data } = response.body.data;
  expect(documentId).toMatch(/^[a-z0-9]{24}$/);
  expect(Number.isNaN(Date.parse(createdAt))).toBe(false);
  return { status: response.status, headers, body: { ...response.body, data } };
}

describe('publishing at once', () => {
  it("publishes the genuine reader's next comment at once when the setting is on, and only then", async () => {
    const reader = await approvedReader('genuine');
    const whileOff = await post({ ...reader, body: `Another thought, setting off (${run})` });
    expect(await storedStatus(whileOff)).toBe('pending');

    await setApproveTrusted(true);
    const whileOn = await post({
      ...reader,
      authorEmail: reader.authorEmail.toUpperCase(),
      body: `Another thought, setting on (${run})`,
    });
    expect(await storedStatus(whileOn)).toBe('approved');
    const onSite = await request.get('/api/comments').query({ 'filters[documentId][$eq]': whileOn });
    expect(onSite.body.data.map((comment: { body: string }) => comment.body)).toEqual([
      `Another thought, setting on (${run})`,
    ]);

    // A trusted reader's bot-like comment is still spam.
    const honeypot = await post({ ...reader, body: `Filled by a bot (${run})`, website: 'http://x.example' });
    expect(await storedStatus(honeypot)).toBe('spam');
  });

  it("keeps an impostor's comment pending (same e-mail in any case without the key or with another, or a moderator's e-mail) and answers it exactly as the genuine one", async () => {
    const reader = await approvedReader('impersonated');
    // A staff reply puts the moderator's address on an approved comment.
    const question = await post({ body: `A question staff answer (${run})` });
    const reply = await request
      .post(`/medblog/comments/${question}/replies`)
      .set(moderator)
      .send({ body: `Staff answer (${run})` });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);

    await setApproveTrusted(true);
    // The same name and text on each article, so that only what the CMS decided could differ.
    const same = { authorName: 'Asha Rao', body: `Is the elective open to second-year students? (${run})` };
    const genuine = await send({ ...same, ...reader }, articles[1]);
    const impostors = [
      await send({ ...same, authorEmail: reader.authorEmail.toUpperCase() }, articles[2]),
      await send({ ...same, authorEmail: reader.authorEmail, commenterKey: newKey() }, articles[3]),
      await send({ ...same, authorEmail: moderatorEmail }, articles[4]),
      await send({ ...same, authorEmail: moderatorEmail.toUpperCase(), commenterKey: newKey() }, articles[5]),
    ];

    expect(await storedStatus(genuine.body.data.documentId)).toBe('approved');
    for (const impostor of impostors) {
      expect(await storedStatus(impostor.body.data.documentId)).toBe('pending');
      expect(comparable(impostor)).toEqual(comparable(genuine));
    }
    expect(genuine.body.data.moderationStatus).toBe('pending');
  });

  it('gives no trust for a key whose comments were rejected or still wait, nor for the key with another e-mail', async () => {
    const rejected = { authorEmail: `rejected-${run}@example.net`, commenterKey: newKey() };
    await decide(await post({ ...rejected, body: `Rejected first comment (${run})` }), 'rejected');
    const waiting = { authorEmail: `waiting-${run}@example.net`, commenterKey: newKey() };
    await post({ ...waiting, body: `First comment, not decided yet (${run})` });
    const reader = await approvedReader('one-browser');

    await setApproveTrusted(true);
    for (const sender of [rejected, waiting, { ...reader, authorEmail: `someone-else-${run}@example.net` }]) {
      const next = await post({ ...sender, body: `A second try from ${sender.authorEmail}` });
      expect(await storedStatus(next), sender.authorEmail).toBe('pending');
    }
  });

  it('keeps a reader who sends no key as before: accepted, waiting for a moderator', async () => {
    const email = `no-key-${run}@example.net`;
    await decide(await post({ authorEmail: email, body: `Sent without a key (${run})` }), 'approved');
    await setApproveTrusted(true);
    expect(await storedStatus(await post({ authorEmail: email, body: `Again without a key (${run})` }))).toBe(
      'pending',
    );
  });
});

describe('the Moderation screen', () => {
  it('marks Trusted only the comments of the sender whose approved comment came with the same key', async () => {
    const reader = await approvedReader('marked');
    const comments = {
      genuine: await post({ ...reader, body: `Genuine, waiting (${run})` }),
      noKey: await post({ authorEmail: reader.authorEmail.toUpperCase(), body: `No key, waiting (${run})` }),
      otherKey: await post({ authorEmail: reader.authorEmail, commenterKey: newKey(), body: `Other key (${run})` }),
      newcomer: await post({ authorEmail: `newcomer-${run}@example.net`, body: `A newcomer asks (${run})` }),
    };
    const response = await request
      .get('/medblog/comments')
      .query({ q: run, status: 'pending', pageSize: 100 })
      .set(moderator);
    expect(response.status).toBe(200);
    const trusted = Object.fromEntries(
      Object.entries(comments).map(([who, documentId]) => [
        who,
        response.body.data.find((comment: { documentId: string }) => comment.documentId === documentId)?.trustedSender,
      ]),
    );
    expect(trusted).toEqual({ genuine: true, noKey: false, otherKey: false, newcomer: false });
    expect(JSON.stringify(response.body)).not.toMatch(/commenterKey|[0-9a-f]{64}/);
    expect(JSON.stringify(response.body)).not.toContain(reader.commenterKey);
  });

  it("keeps the key's hash out of the comment's edit form in the Content Manager", async () => {
    const configuration = await request
      .get('/content-manager/content-types/api::comment.comment/configuration')
      .set(moderator);
    expect(configuration.status).toBe(200);
    // The edit form renders no input for a field its metadata marks invisible.
    expect(configuration.body.data.contentType.metadatas.commenterKeyHash.edit).toMatchObject({
      visible: false,
      editable: false,
    });
  });
});

describe('the commenter key', () => {
  it('is never in a public answer and cannot be filtered, sorted, searched or asked for', async () => {
    const key = newKey();
    const hash = createHash('sha256').update(key).digest('hex');
    const created = await send({ authorEmail: `key-leak-${run}@example.net`, commenterKey: key });
    await decide(created.body.data.documentId, 'approved');

    const answers = [
      created,
      await request.get('/api/comments').query({ populate: '*', 'pagination[pageSize]': 100 }),
      await request.get('/api/comments').query({ 'populate[parent]': 'true', 'pagination[pageSize]': 100 }),
      await request.get(`/api/comments/${created.body.data.documentId}`),
    ];
    for (const answer of answers) {
      expect(answer.text).not.toContain(key);
      expect(answer.text).not.toContain(hash);
      expect(answer.text).not.toMatch(/commenterKey/i);
    }

    for (const query of [
      { 'filters[commenterKeyHash][$eq]': hash },
      { 'filters[$or][0][commenterKeyHash][$startsWith]': hash.slice(0, 4) },
      { 'filters[parent][commenterKeyHash][$notNull]': 'true' },
      { 'filters[commenterKey][$eq]': key },
      { sort: 'commenterKeyHash:asc' },
      { 'fields[0]': 'commenterKeyHash' },
      { 'populate[parent][fields][0]': 'commenterKeyHash' },
    ]) {
      const response = await request.get('/api/comments').query(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.body.error.message).toMatch(
        /"(parent\.)?commenterKey(Hash)?" (is not a public field|cannot be filtered on)/,
      );
    }
    for (const probe of [hash.slice(0, 12), key.slice(0, 12)]) {
      const response = await request.get('/api/comments').query({ _q: probe });
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([]);
    }
  });

  it('is refused with a 400 naming the field when it is not what the site makes, and nothing is stored', async () => {
    const before = await count(COMMENT);
    for (const commenterKey of [
      'short',
      newKey().slice(0, 42),
      `${newKey()}A`,
      `${newKey().slice(0, 42)}+`,
      `${newKey().slice(0, 41)}==`,
      ` ${newKey().slice(1)}`,
      123,
      null,
      [newKey()],
    ]) {
      const response = await send({ authorEmail: `malformed-${run}@example.net`, commenterKey });
      expect(response.status, JSON.stringify(commenterKey)).toBe(400);
      expect(response.body.error.message).toMatch(/^commenterKey: /);
      expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['commenterKey'] })]);
    }
    expect(await count(COMMENT)).toBe(before);
  });
});

/**
 * What subscribers receive, through the real queue (pg-boss on the test database) and the local
 * SMTP server: an article on its first publication (to each-article subscribers of its topic), the
 * weekly digest, bounces, and the editor's view of a send and test e-mail.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { inbox, mailServer, waitForMail, type ReceivedMail } from './helpers/smtp';
import { newAdminHeaders } from './helpers/admin';
import { cmsDir } from '../scripts/lib/strapi.mjs';

const ARTICLE = 'api::article.article';
let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let run = 0;

/** The running CMS's own module (its queue is the one started), as helpers/strapi.ts does for the cache. */
const sends = () =>
  createRequire(__filename)(join(cmsDir, 'dist', 'src', 'features', 'newsletter', 'server', 'sends.js')) as {
    runDigest: (strapi: Core.Strapi, now?: Date) => Promise<void>;
  };

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

afterEach(() => mailServer.recover());

/** What this file made, removed after it so other files find the demo content as it was. */
const made = { articles: [] as string[], categories: [] as string[], subscribers: [] as string[] };

afterAll(async () => {
  for (const documentId of made.articles) await strapi.documents(ARTICLE).delete({ documentId });
  for (const documentId of made.categories) await strapi.documents('api::category.category').delete({ documentId });
  await db()('subscribers').whereIn('document_id', made.subscribers).delete();
});

const db = () => strapi.db.connection;

interface SubscriberOptions {
  topics?: string[] | null;
  frequency?: 'each-article' | 'weekly';
  status?: 'pending' | 'active' | 'bouncing';
}

/** A subscriber as the confirm link leaves one (written directly: tests/subscriptions.test.ts covers the links). */
async function subscriber(
  label: string,
  { topics = [], frequency = 'each-article', status = 'active' }: SubscriberOptions = {},
) {
  const email = `${label}.${process.pid}.${Date.now()}.${(run += 1)}@example.org`.toLowerCase();
  const documentId = randomBytes(12).toString('hex');
  made.subscribers.push(documentId);
  await db()('subscribers').insert({
    document_id: documentId,
    email,
    topics: topics === null ? null : JSON.stringify(topics),
    frequency,
    subscriber_status: status,
    bounce_count: 0,
    created_at: new Date(),
    updated_at: new Date(),
    published_at: new Date(),
  });
  return { email, documentId };
}

async function category(slug: string) {
  const found = await strapi.db.query('api::category.category').findOne({ where: { slug } });
  if (found) return found;
  const created = await strapi
    .documents('api::category.category')
    .create({ data: { name: `Topic ${slug}`, slug } as never });
  made.categories.push(created.documentId);
  return created;
}

/** A new draft article in the category `topic` (its slug). */
async function draft(topic: string, data: Record<string, unknown> = {}) {
  const { documentId } = await category(topic);
  const title = `Newsletter article ${(run += 1)} ${Date.now()}`;
  const created = await strapi.documents(ARTICLE).create({
    data: {
      title,
      excerpt: `What ${title} is about, in one sentence.`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Words of the article. '.repeat(200) }] }],
      category: documentId,
      ...data,
    } as never,
  });
  made.articles.push(created.documentId);
  return created;
}

const publish = (documentId: string) => strapi.documents(ARTICLE).publish({ documentId });

const mailsTo = (email: string) => inbox.filter((mail) => mail.to.includes(email));

/** Waits until the article's send has nothing left on its way (all sent, failed or skipped). */
async function sendSettled(documentId: string, timeout = 20_000) {
  for (let waited = 0; waited < timeout; waited += 100) {
    const send = await db()('newsletter_sends')
      .where({ key: `article:${documentId}` })
      .first();
    if (send && send.state !== 'queued') {
      const open = await db()('newsletter_deliveries')
        .where({ send_id: send.id })
        .whereIn('status', ['queued', 'sending', 'retrying'])
        .count({ n: '*' })
        .first();
      if (Number(open?.n) === 0) return send;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The send did not settle');
}

/** Waits a moment for anything still on its way to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

const linkIn = (mail: ReceivedMail, pattern: RegExp) => pattern.exec(mail.text)?.[0];

describe('a reader’s journey', () => {
  it('subscribes, confirms, gets the next article on their topic, and leaves in one click from it', async () => {
    const topic = 'journey-topic';
    await category(topic);
    const email = `journey.${process.pid}.${Date.now()}@example.org`;
    const subscribed = await request
      .post('/api/subscriptions')
      .send({ data: { email, topics: [topic], frequency: 'each-article' } });
    expect(subscribed.status).toBe(202);
    const confirmation = await waitForMail((m) => m.to.includes(email) && /Confirm/.test(m.subject));
    const token = /\/subscribe\/confirm\?token=([\w.-]+)/.exec(confirmation.text)![1];
    expect((await request.post('/api/subscriptions/confirm').send({ data: { token } })).status).toBe(200);
    const { documentId } = await strapi.db.query('api::subscriber.subscriber').findOne({ where: { email } });
    made.subscribers.push(documentId);

    const article = await draft(topic);
    await publish(article.documentId);
    const mail = await waitForMail((m) => m.to.includes(email) && m.subject === article.title);
    expect(mail.text).toContain(`/articles/${article.slug}`);

    // The mail provider's one-click: a POST to the List-Unsubscribe address with nothing but its body.
    const oneClick = new URL(/<(https?:[^>]+)>/.exec(mail.header('List-Unsubscribe'))![1]);
    const left = await request
      .post(`${oneClick.pathname}${oneClick.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(left.status).toBeLessThan(300);
    const next = await draft(topic);
    await publish(next.documentId);
    await sendSettled(next.documentId);
    expect(mailsTo(email).filter((m) => m.subject === next.title)).toHaveLength(0);
  });
});

describe('a new article, on its first publication', () => {
  it('goes to each-article subscribers of its topic and of every topic, once, with a way out', async () => {
    const topic = 'usmle-news';
    const ofTopic = await subscriber('oftopic', { topics: [topic, 'internships'] });
    const everyTopic = await subscriber('everytopic', { topics: [] });
    const otherTopic = await subscriber('othertopic', { topics: ['internships'] });
    const weekly = await subscriber('weekly', { topics: [topic], frequency: 'weekly' });
    const pending = await subscriber('pending', { topics: [topic], status: 'pending' });
    const article = await draft(topic);
    await publish(article.documentId);

    const mail = await waitForMail((m) => m.to.includes(ofTopic.email));
    await waitForMail((m) => m.to.includes(everyTopic.email));
    expect(mail.subject).toBe(article.title);
    expect(mail.text).toContain(article.excerpt as string);
    expect(mail.text).toMatch(/\d+ min read/);
    expect(mail.text).toContain(`/articles/${article.slug}`);
    expect(mail.html).toContain(`/articles/${article.slug}`);
    expect(mail.html).not.toMatch(/<img[^>]+(width="1"|height="1")/);
    // The reader's own way out: a manage link in the text, and one-click headers (RFC 8058).
    expect(linkIn(mail, /\/subscribe\/manage\?token=[\w.-]+/)).toBeTruthy();
    expect(mail.header('List-Unsubscribe')).toMatch(
      /^<https?:\/\/[^>]+\/api\/subscriptions\/unsubscribe\?token=[\w.-]+>/,
    );
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    await sendSettled(article.documentId);
    // An edit published again, and an unpublish and publish, send nothing more.
    await strapi.documents(ARTICLE).update({ documentId: article.documentId, data: { excerpt: 'Changed.' } as never });
    await publish(article.documentId);
    await strapi.documents(ARTICLE).unpublish({ documentId: article.documentId });
    await publish(article.documentId);
    await settle();
    expect(mailsTo(ofTopic.email)).toHaveLength(1);
    expect(mailsTo(everyTopic.email)).toHaveLength(1);
    for (const nobody of [otherTopic, weekly, pending]) expect(mailsTo(nobody.email)).toHaveLength(0);
    // Gone, so that the other tests' articles are not theirs to count.
    await db()('subscribers').where({ document_id: everyTopic.documentId }).delete();
  });

  it('is not sent when "Do not e-mail this article" is ticked, nor for an imported one, even once unticked', async () => {
    const topic = 'quiet-topic';
    const reader = await subscriber('quiet', { topics: [topic] });
    const ticked = await draft(topic, { doNotEmail: true });
    const imported = await draft(topic, { importKey: 'old-blog.txt#1' });
    await publish(ticked.documentId);
    await publish(imported.documentId);
    // Unticked and published again: it was published before, so still nothing.
    await strapi.documents(ARTICLE).update({ documentId: ticked.documentId, data: { doNotEmail: false } as never });
    await publish(ticked.documentId);
    await settle();
    expect(mailsTo(reader.email)).toHaveLength(0);
    const states = await db()('newsletter_sends')
      .whereIn('key', [`article:${ticked.documentId}`, `article:${imported.documentId}`])
      .pluck('state');
    expect(states).toEqual(['off', 'off']);
  });

  it('retries a mail server that says "try again later", and the reader gets it once', async () => {
    const topic = 'retry-topic';
    const reader = await subscriber('retry', { topics: [topic] });
    mailServer.refuseNext(2, (mail) => mail.to.includes(reader.email));
    const article = await draft(topic);
    await publish(article.documentId);
    await waitForMail((m) => m.to.includes(reader.email));
    await sendSettled(article.documentId);
    await settle();
    expect(mailsTo(reader.email)).toHaveLength(1);
    const [delivery] = await db()('newsletter_deliveries').where({ subscriber_id: reader.documentId });
    expect(delivery.status).toBe('sent');
    expect(delivery.attempts).toBe(3);
  });

  it('stops writing to an address its mail server refuses for good, after the second refusal', async () => {
    const topic = 'bounce-topic';
    const gone = await subscriber('gone', { topics: [topic] });
    const fine = await subscriber('fine', { topics: [topic] });
    mailServer.refuseRecipient(gone.email);
    const status = async () =>
      (await db()('subscribers').where({ document_id: gone.documentId }).first()) as {
        subscriber_status: string;
        bounce_count: number;
      };

    const first = await draft(topic);
    await publish(first.documentId);
    await sendSettled(first.documentId);
    expect(await status()).toMatchObject({ subscriber_status: 'active', bounce_count: 1 });
    const [refused] = await db()('newsletter_deliveries').where({ subscriber_id: gone.documentId });
    // A permanent refusal is not retried.
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.error).toMatch(/550/);

    const second = await draft(topic);
    await publish(second.documentId);
    await sendSettled(second.documentId);
    expect(await status()).toMatchObject({ subscriber_status: 'bouncing', bounce_count: 2 });

    const third = await draft(topic);
    await publish(third.documentId);
    await sendSettled(third.documentId);
    const thirdSend = await db()('newsletter_sends')
      .where({ key: `article:${third.documentId}` })
      .first();
    expect(
      await db()('newsletter_deliveries').where({ send_id: thirdSend.id, subscriber_id: gone.documentId }),
    ).toEqual([]);
    expect(mailsTo(fine.email)).toHaveLength(3);
  });
});

describe('the weekly digest', () => {
  /** A moment in the organisation's time zone (Asia/Kolkata in tests): the digest's day and hour. */
  const IST = (iso: string) => new Date(`${iso}+05:30`);

  it('sends on its day and hour the week’s new articles on each reader’s topics, once, and nothing in an empty week', async () => {
    // Sends of earlier tests are older than this test's own week.
    await db()('newsletter_sends')
      .where({ kind: 'article' })
      .update({ created_at: new Date('2020-01-01') });
    const settings = {
      digestDay: 'wednesday',
      digestHour: 9,
      senderName: 'Med Careers Letter',
      emailFooterText: 'Sent by the team.',
    };
    const existing = await strapi.db.query('api::newsletter-setting.newsletter-setting').findOne({});
    if (existing)
      await strapi.db
        .query('api::newsletter-setting.newsletter-setting')
        .update({ where: { id: existing.id }, data: settings });
    else await strapi.documents('api::newsletter-setting.newsletter-setting').create({ data: settings as never });

    const [topicA, topicB] = ['digest-a', 'digest-b'];
    const readerA = await subscriber('digesta', { topics: [topicA], frequency: 'weekly' });
    const readerAll = await subscriber('digestall', { topics: null, frequency: 'weekly' });
    const readerC = await subscriber('digestc', { topics: ['digest-c'], frequency: 'weekly' });
    const eachArticle = await subscriber('digesteach', { topics: [topicA], frequency: 'each-article' });
    const a = await draft(topicA);
    const b = await draft(topicB);
    const quiet = await draft(topicA, { doNotEmail: true });
    for (const article of [a, b, quiet]) await publish(article.documentId);
    await sendSettled(a.documentId);
    await sendSettled(b.documentId);
    // Published "during the week": on Monday 2031-03-10, before the digest of Wednesday 2031-03-12.
    await db()('newsletter_sends')
      .whereIn('article_document_id', [a.documentId, b.documentId, quiet.documentId])
      .update({ created_at: IST('2031-03-10T10:00:00') });
    inbox.length = 0;

    const { runDigest } = sends();
    await runDigest(strapi, IST('2031-03-12T08:59:00')); // the hour before: nothing yet
    await runDigest(strapi, IST('2031-03-11T09:30:00')); // the day before: nothing
    await settle();
    expect(inbox).toHaveLength(0);

    await runDigest(strapi, IST('2031-03-12T09:05:00'));
    const digestA = await waitForMail((m) => m.to.includes(readerA.email));
    const digestAll = await waitForMail((m) => m.to.includes(readerAll.email));
    await runDigest(strapi, IST('2031-03-12T09:20:00')); // the same day again: nothing more
    await settle();
    expect(digestA.subject).toBe('One new article this week on ' + digestA.subject.split(' this week on ')[1]);
    expect(digestA.text).toContain(a.title);
    expect(digestA.text).not.toContain(b.title);
    expect(digestA.text).not.toContain(quiet.title);
    expect(digestAll.subject).toMatch(/^2 new articles this week/);
    expect(digestAll.text).toContain(a.title);
    expect(digestAll.text).toContain(b.title);
    // The settings' sender name and footer text.
    expect(digestAll.header('From')).toContain('Med Careers Letter');
    expect(digestAll.text).toContain('Sent by the team.');
    expect(digestAll.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mailsTo(readerA.email)).toHaveLength(1);
    expect(mailsTo(readerAll.email)).toHaveLength(1);
    expect(mailsTo(readerC.email)).toHaveLength(0);
    expect(mailsTo(eachArticle.email)).toHaveLength(0);

    // The next week has no new article: no digest for anyone.
    await runDigest(strapi, IST('2031-03-19T10:00:00'));
    await settle();
    expect(mailsTo(readerAll.email)).toHaveLength(1);
    expect((await db()('newsletter_sends').where({ key: 'digest:2031-03-19' }).first()).state).toBe('empty');
  });
});

describe('the editor’s view of an article’s e-mail', () => {
  it('shows how many were sent and failed, and sends the editor a test from the draft', async () => {
    const topic = 'editor-topic';
    await subscriber('counted', { topics: [topic] });
    const refused = await subscriber('refused', { topics: [topic] });
    mailServer.refuseRecipient(refused.email);
    const article = await draft(topic);
    // Whom publishing reaches: also the every-topic subscribers other test files left.
    const [{ reached }] = (
      await db().raw(
        `SELECT count(*)::int AS reached FROM subscribers WHERE subscriber_status = 'active' AND frequency = 'each-article'
         AND (topics IS NULL OR topics IN ('[]'::jsonb, 'null'::jsonb) OR topics @> jsonb_build_array(?::text))`,
        [topic],
      )
    ).rows;
    const editor = await newAdminHeaders('strapi-editor', 'newsletter-editor');
    const editorEmail = (await request.get('/admin/users/me').set(editor)).body.data.email as string;

    const before = await request.get(`/medblog/articles/${article.documentId}/email`).set(editor);
    expect(before.status).toBe(200);
    expect(before.body.data).toMatchObject({ state: 'not-published', sent: 0 });

    const test = await request.post(`/medblog/articles/${article.documentId}/email/test`).set(editor);
    expect(test.status).toBe(200);
    expect(test.body.data.to).toBe(editorEmail);
    const testMail = await waitForMail((m) => m.to.includes(editorEmail) && m.subject.startsWith('[Test]'));
    expect(testMail.subject).toBe(`[Test] ${article.title}`);
    expect(testMail.text).toContain(`/articles/${article.slug}`);

    await publish(article.documentId);
    await sendSettled(article.documentId);
    const after = await request.get(`/medblog/articles/${article.documentId}/email`).set(editor);
    expect(after.body.data).toMatchObject({ state: 'done', sent: reached - 1, failed: 1, queued: 0 });

    // Authors cannot; an unknown article is a 404.
    const author = await newAdminHeaders('strapi-author', 'newsletter-author');
    expect((await request.get(`/medblog/articles/${article.documentId}/email`).set(author)).status).toBe(403);
    expect((await request.post(`/medblog/articles/${article.documentId}/email/test`).set(author)).status).toBe(403);
    expect((await request.get('/medblog/articles/nosucharticle0000/email').set(editor)).status).toBe(404);
    expect((await request.get('/medblog/articles/..%2F..%2Fx/email').set(editor)).status).toBe(404);
  });
});

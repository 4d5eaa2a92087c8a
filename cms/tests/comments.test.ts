/** Comments: anti-spam that never bothers a person, rate limit, moderator e-mail, the moderation API. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { adminToken, newAdminHeaders } from './helpers/admin';
import { publishedArticle, validComment } from './helpers/fixtures';
import { inbox, waitForMail } from './helpers/smtp';

let request: Awaited<ReturnType<typeof api>>;
let article: Awaited<ReturnType<typeof publishedArticle>>;

beforeAll(async () => {
  request = await api();
  article = await publishedArticle();
});

async function post(overrides: Record<string, unknown> = {}, ip?: string) {
  const call = request.post('/api/comments');
  if (ip) call.set('X-Forwarded-For', ip);
  return call.send({ data: validComment(article.documentId, overrides) });
}

/** What a moderator does in the admin's "Moderation settings". */
async function setBlockedWords(blockedWords: string) {
  const strapi = await bootStrapi();
  const settings = strapi.documents('api::moderation-setting.moderation-setting');
  const current = await settings.findFirst();
  if (current) await settings.update({ documentId: current.documentId, data: { blockedWords } });
  else await settings.create({ data: { blockedWords } });
}

async function storedStatus(documentId: string) {
  const strapi = await bootStrapi();
  return (await strapi.db.query('api::comment.comment').findOne({ where: { documentId } })).moderationStatus;
}

describe('anti-spam', () => {
  it("accepts a person's comment as pending", async () => {
    const response = await post({ elapsedMs: 45_000, website: '' });
    expect(response.status).toBe(201);
    expect(await storedStatus(response.body.data.documentId)).toBe('pending');
  });

  it.each([
    ['a filled honeypot', { website: 'http://spam.example' }],
    ['a form filled in under 3 seconds', { elapsedMs: 800 }],
    ['more than two links', { body: 'Visit http://a.example and https://b.example and www.c-example.com now' }],
  ])('stores %s as spam, answering like any other comment', async (_, overrides) => {
    const response = await post(overrides);
    expect(response.status).toBe(201);
    expect(response.body.data.moderationStatus).toBe('pending');
    expect(await storedStatus(response.body.data.documentId)).toBe('spam');
  });

  it('stores the same text posted twice on an article as spam the second time', async () => {
    const body = 'Is the elective application open for March?';
    const first = await post({ body });
    const second = await post({ body: `  IS the elective application   open for March?` });
    expect(await storedStatus(first.body.data.documentId)).toBe('pending');
    expect(await storedStatus(second.body.data.documentId)).toBe('spam');
  });

  it('catches a duplicate that differs only in case, spacing and line breaks, on the same article only', async () => {
    const body = 'Which hospitals accept\nobservers in June?';
    const first = await post({ body });
    const again = await post({ body: ' WHICH hospitals\taccept   observers\n\nin june? ' });
    const other = await publishedArticle({ documentId: { $ne: article.documentId } });
    const elsewhere = await request.post('/api/comments').send({ data: validComment(other.documentId, { body }) });
    expect(await storedStatus(first.body.data.documentId)).toBe('pending');
    expect(await storedStatus(again.body.data.documentId)).toBe('spam');
    expect(await storedStatus(elsewhere.body.data.documentId)).toBe('pending');
  });

  it("checks for duplicates without loading the article's comments: no read of comments answers with more than one row", async () => {
    const strapi = await bootStrapi();
    for (let i = 0; i < 3; i += 1) await post();
    const comments = `from "${strapi.db.metadata.get('api::comment.comment').tableName}"`;
    const rowsRead: number[] = [];
    const record = (response: unknown, query: { sql: string }) => {
      if (query.sql.startsWith('select') && query.sql.includes(comments))
        rowsRead.push(Array.isArray(response) ? response.length : 1);
    };
    strapi.db.connection.on('query-response', record);
    try {
      expect((await post()).status).toBe(201);
    } finally {
      strapi.db.connection.off('query-response', record);
    }
    expect(rowsRead.length).toBeGreaterThan(0);
    expect(Math.max(...rowsRead)).toBeLessThanOrEqual(1);
  });

  it("marks words from the admin's blocklist as spam, whole words only", async () => {
    await setBlockedWords('casino\ncheap pills');
    const blocked = await post({ body: 'Best CASINO bonus here' });
    const phrase = await post({ body: 'Buy cheap pills online' });
    const innocent = await post({ body: 'My occasional study group meets on Sundays' });
    expect(await storedStatus(blocked.body.data.documentId)).toBe('spam');
    expect(await storedStatus(phrase.body.data.documentId)).toBe('spam');
    expect(await storedStatus(innocent.body.data.documentId)).toBe('pending');
    await setBlockedWords('');
  });

  it('never shows spam or pending comments publicly', async () => {
    const response = await request
      .get('/api/comments')
      .query({ 'pagination[pageSize]': 50, 'filters[article][documentId][$eq]': article.documentId });
    expect(response.body.data.every((c) => c.moderationStatus === 'approved')).toBe(true);
    expect(JSON.stringify(response.body)).not.toMatch(/casino|honeypot|spam\.example/i);
  });
});

describe('rate limit', () => {
  afterEach(async () => {
    const strapi = await bootStrapi();
    strapi.config.set('anti-abuse.comments', { max: 10000, windowSeconds: 600 });
  });

  it('answers 429 with Retry-After after the limit, per visitor, without storing', async () => {
    const strapi = await bootStrapi();
    strapi.config.set('server.proxy', { koa: true });
    strapi.server.app.proxy = true;
    strapi.config.set('anti-abuse.comments', { max: 2, windowSeconds: 600 });

    expect((await post({}, '203.0.113.7')).status).toBe(201);
    // A 400 (a typo) does not use up the visitor's allowance.
    expect((await post({ authorEmail: 'typo' }, '203.0.113.7')).status).toBe(400);
    expect((await post({}, '203.0.113.7')).status).toBe(201);
    const before = await strapi.db.query('api::comment.comment').count();
    const limited = await post({}, '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(limited.body.error.message).toMatch(/try again/);
    expect(await strapi.db.query('api::comment.comment').count()).toBe(before);
    // Another visitor is not affected.
    expect((await post({}, '198.51.100.23')).status).toBe(201);
    strapi.server.app.proxy = false;
  });
});

describe('moderator e-mail', () => {
  it('tells moderators about a comment awaiting moderation, with the article and a link', async () => {
    const response = await post({ authorName: 'Kavya', body: 'How early should I book an observership?' });
    expect(response.status).toBe(201);
    const mail = await waitForMail((m) => m.text.includes('How early should I book an observership?'));
    expect(mail.subject).toBe(`New comment awaiting moderation on "${article.title}"`);
    expect(mail.to).toEqual(['hello@example.org']);
    expect(mail.text).toContain('Kavya commented');
    expect(mail.text).toMatch(/http:\/\/localhost:\d+\/admin\/moderation/);
  });

  it('sends nothing for spam', async () => {
    await post({ website: 'filled', body: 'Spam body that must not be mailed' });
    await post({ body: 'A later comment, mailed as usual' });
    await waitForMail((m) => m.text.includes('A later comment, mailed as usual'));
    expect(inbox.some((m) => m.text.includes('Spam body that must not be mailed'))).toBe(false);
  });
});

describe('moderation API (admin)', () => {
  it('refuses visitors and roles without comment permissions', async () => {
    expect((await request.get('/medblog/comments')).status).toBe(401);
    const staff = await adminToken('enquiry-staff');
    expect((await request.get('/medblog/comments').set('Authorization', `Bearer ${staff}`)).status).toBe(403);
    expect(
      (
        await request
          .post('/medblog/comments/moderate')
          .set('Authorization', `Bearer ${staff}`)
          .send({ documentIds: ['x'], moderationStatus: 'approved' })
      ).status,
    ).toBe(403);
  });

  it('lists the pending queue newest first with counts, for an editor', async () => {
    const editor = await adminToken('strapi-editor');
    const mine = await post({
      authorName: 'Newest Reader',
      authorEmail: 'newest@example.net',
      body: 'Newest pending comment',
    });
    const response = await request
      .get('/medblog/comments')
      .query({ status: 'pending', pageSize: 5 })
      .set('Authorization', `Bearer ${editor}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data[0]).toMatchObject({
      documentId: mine.body.data.documentId,
      authorName: 'Newest Reader',
      authorEmail: 'newest@example.net',
      body: 'Newest pending comment',
      article: { title: article.title },
    });
    const dates = response.body.data.map((c) => c.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const strapi = await bootStrapi();
    for (const status of ['pending', 'approved', 'rejected', 'spam']) {
      expect(response.body.meta.counts[status]).toBe(
        await strapi.db.query('api::comment.comment').count({ where: { moderationStatus: status } }),
      );
    }
  });

  it('approves a selection at once: moderatedAt set, shown on the site without a redeploy', async () => {
    const editor = await adminToken('strapi-editor');
    const a = await post({ body: 'First comment to approve in bulk' });
    const b = await post({ body: 'Second comment to approve in bulk' });
    const c = await post({ body: 'Comment to reject' });
    const ids = [a.body.data.documentId, b.body.data.documentId];
    const approve = await request
      .post('/medblog/comments/moderate')
      .set('Authorization', `Bearer ${editor}`)
      .send({ documentIds: ids, moderationStatus: 'approved' });
    expect(approve.body).toEqual({ data: { updated: 2 } });
    await request
      .post('/medblog/comments/moderate')
      .set('Authorization', `Bearer ${editor}`)
      .send({ documentIds: [c.body.data.documentId], moderationStatus: 'rejected' });

    const strapi = await bootStrapi();
    const stored = await strapi.db.query('api::comment.comment').findOne({ where: { documentId: ids[0] } });
    expect(stored.moderatedAt).not.toBeNull();

    const visible = await request
      .get('/api/comments')
      .query({ 'filters[article][documentId][$eq]': article.documentId, 'pagination[pageSize]': 50 });
    const bodies = visible.body.data.map((comment) => comment.body);
    expect(bodies).toEqual(
      expect.arrayContaining(['First comment to approve in bulk', 'Second comment to approve in bulk']),
    );
    expect(bodies).not.toContain('Comment to reject');
  });

  it('answers 400 to a bad status or id list', async () => {
    const editor = await adminToken('strapi-editor');
    const auth = { Authorization: `Bearer ${editor}` };
    expect((await request.get('/medblog/comments').query({ status: 'deleted' }).set(auth)).status).toBe(400);
    expect((await request.get('/medblog/comments').query({ pageSize: 1000 }).set(auth)).status).toBe(400);
    expect(
      (
        await request
          .post('/medblog/comments/moderate')
          .set(auth)
          .send({ documentIds: [], moderationStatus: 'approved' })
      ).status,
    ).toBe(400);
    expect(
      (
        await request
          .post('/medblog/comments/moderate')
          .set(auth)
          .send({ documentIds: ['x'], moderationStatus: 'published' })
      ).status,
    ).toBe(400);
  });

  it('names the bad parameter in each 400', async () => {
    const auth = await newAdminHeaders('strapi-editor', 'moderator');
    for (const [query, message] of [
      [{ status: 'deleted' }, 'status: must be one of all, pending, approved, rejected, spam'],
      [{ page: '0' }, 'page: must be a whole number from 1 to 100000'],
      [{ pageSize: 'ten' }, 'pageSize: must be a whole number from 1 to 100'],
    ] as const) {
      const response = await request.get('/medblog/comments').query(query).set(auth);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(message);
    }
    const noIds = await request
      .post('/medblog/comments/moderate')
      .set(auth)
      .send({ documentIds: [], moderationStatus: 'approved' });
    expect(noIds.body.error.message).toBe('documentIds: must list 1 to 100 comment documentIds');
    const badStatus = await request
      .post('/medblog/comments/moderate')
      .set(auth)
      .send({ documentIds: ['x'], moderationStatus: 'published' });
    expect(badStatus.body.error.message).toBe('moderationStatus: must be one of pending, approved, rejected, spam');
  });

  it('lets a reply answer a comment once it is approved', async () => {
    const editor = await adminToken('strapi-editor');
    const parent = await post({ body: 'A question that will be approved' });
    const early = await post({ parent: parent.body.data.documentId, body: 'Reply too early' });
    expect(early.status).toBe(400);
    await request
      .post('/medblog/comments/moderate')
      .set('Authorization', `Bearer ${editor}`)
      .send({ documentIds: [parent.body.data.documentId], moderationStatus: 'approved' });
    const reply = await post({ parent: parent.body.data.documentId, body: 'Reply in time' });
    expect(reply.status).toBe(201);
  });
});

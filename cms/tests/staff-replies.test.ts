/**
 * Replies as staff from the moderation screen: only for roles that moderate, validated like a
 * reader's comment, published at once under the comment (approving it if it waited), with a
 * "staff" or "author" badge that only this route sets. Readers cannot give themselves a badge,
 * and who wrote a reply (admin user, e-mail) never reaches the public API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { publishedArticle, validComment } from './helpers/fixtures';
import { ENQUIRY_STAFF_ROLE } from '../src/platform/access/admin-roles';

const COMMENT = 'api::comment.comment';
let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let moderator: { Authorization: string };
let article: Awaited<ReturnType<typeof publishedArticle>>;
let visitor = 0;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  moderator = await newAdminHeaders('strapi-editor', 'staff-replier');
  article = await publishedArticle();
});

/** A reader's comment through the public API, each from its own address (the rate limit). */
async function readerComment(overrides: Record<string, unknown> = {}) {
  visitor += 1;
  const response = await request
    .post('/api/comments')
    .set('X-Forwarded-For', `203.0.113.${visitor % 250}`)
    .send({ data: validComment(article.documentId, overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.documentId as string;
}

const stored = (documentId: string) =>
  strapi.db.query(COMMENT).findOne({ where: { documentId }, populate: ['repliedBy', 'parent'] });

const reply = (documentId: string, body: object, headers = moderator) =>
  request.post(`/medblog/comments/${documentId}/replies`).set(headers).send(body);

/** The article's comments as the site asks for them. */
async function publicComments() {
  const response = await request
    .get('/api/comments')
    .query({
      filters: { article: { documentId: { $eq: article.documentId } } },
      sort: ['createdAt:asc', 'id:asc'],
      pagination: { pageSize: 50 },
      populate: { parent: { fields: ['documentId'] } },
    })
    .set('Cache-Control', 'no-cache');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data as Array<Record<string, unknown> & { documentId: string }>;
}

describe('replying as staff', () => {
  it('publishes the reply under the comment with a Staff badge, and approves the comment it answers', async () => {
    const question = await readerComment({ body: 'Do the observerships include night shifts?' });
    const response = await reply(question, { body: 'Yes, one week of nights.\n\nAsk us for the rota.' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.data).toMatchObject({ badge: 'staff', approvedParent: true });

    const [parent, answer] = [await stored(question), await stored(response.body.data.documentId)];
    expect(parent.moderationStatus).toBe('approved');
    expect(answer).toMatchObject({ moderationStatus: 'approved', badge: 'staff', authorName: 'Test User' });
    expect(answer.parent.documentId).toBe(question);
    expect(answer.repliedBy.email).toMatch(/^staff-replier-/);

    const shown = (await publicComments()).find((c) => c.documentId === answer.documentId);
    expect(shown).toMatchObject({ badge: 'staff', authorName: 'Test User', parent: { documentId: question } });
    // Who wrote it stays private.
    expect(shown).not.toHaveProperty('repliedBy');
    expect(shown).not.toHaveProperty('authorEmail');
    expect(JSON.stringify(shown)).not.toMatch(/staff-replier/);
  });

  it('marks a reply as the article’s author’s when their author entry names the moderator’s login', async () => {
    const author = await strapi.documents('api::author.author').create({ data: { name: 'Dr Meera Iyer' } });
    const login = await newAdminHeaders('strapi-editor', 'article-author');
    const me = await request.get('/admin/users/me').set(login);
    await strapi.documents('api::author.author').update({
      documentId: author.documentId,
      data: { adminUser: me.body.data.id },
    } as never);
    const articles = strapi.documents('api::article.article');
    const before = await articles.findOne({
      documentId: article.documentId,
      status: 'published',
      populate: ['author'],
    });
    const setAuthor = (documentId: string | null) =>
      articles.update({ documentId: article.documentId, data: { author: documentId }, status: 'published' } as never);
    await setAuthor(author.documentId);
    try {
      const question = await readerComment();
      const response = await reply(question, { body: 'I wrote this: happy to explain.' }, login);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.data).toMatchObject({ badge: 'author', authorName: 'Dr Meera Iyer' });
    } finally {
      // Other test files expect the demo article's own author.
      await setAuthor((before?.author as { documentId: string } | null)?.documentId ?? null);
    }
  });

  it('is refused to roles that may not moderate, and to visitors', async () => {
    const question = await readerComment();
    const author = await newAdminHeaders('strapi-author', 'replier-author');
    const staff = await newAdminHeaders(ENQUIRY_STAFF_ROLE.code, 'replier-enquiries');
    for (const headers of [author, staff]) expect((await reply(question, { body: 'Hello' }, headers)).status).toBe(403);
    expect((await request.post(`/medblog/comments/${question}/replies`).send({ body: 'Hello' })).status).toBe(401);
    expect((await stored(question)).moderationStatus).toBe('pending');
  });

  it.each([
    [{}, 'body: Comment is required'],
    [{ body: '   ' }, 'body: Comment is required'],
    [{ body: 'x'.repeat(4001) }, 'body: Comment must be at most 4000 characters'],
    [{ body: 'See <a href="x">here</a>' }, 'body: Comment must not contain HTML'],
  ])('answers 400 naming the problem for %o, and changes nothing', async (body, message) => {
    const question = await readerComment();
    const before = await strapi.db.query(COMMENT).count();
    const response = await reply(question, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await strapi.db.query(COMMENT).count()).toBe(before);
    expect((await stored(question)).moderationStatus).toBe('pending');
  });

  it('answers 404 for an unknown comment, and 400 for one marked spam or rejected', async () => {
    expect((await reply('nosuchcomment0000000000', { body: 'Hello' })).status).toBe(404);
    const rejected = await readerComment();
    await strapi.documents(COMMENT).update({ documentId: rejected, data: { moderationStatus: 'rejected' } });
    const response = await reply(rejected, { body: 'Hello' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/marked rejected: approve it before replying/);
    expect((await stored(rejected)).moderationStatus).toBe('rejected');
  });
});

describe('readers cannot fake a badge', () => {
  it('stores a reader’s comment without a badge, whatever it sends or calls itself', async () => {
    const documentId = await readerComment({
      authorName: 'Staff',
      badge: 'staff',
      repliedBy: 1,
      moderationStatus: 'approved',
    });
    const comment = await stored(documentId);
    expect(comment).toMatchObject({ badge: null, repliedBy: null, moderationStatus: 'pending' });
    await strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'approved' } });
    const shown = (await publicComments()).find((c) => c.documentId === documentId);
    expect(shown).toMatchObject({ authorName: 'Staff', badge: null });
  });

  it('refuses to filter or populate by who replied', async () => {
    for (const query of [{ populate: 'repliedBy' }, { filters: { repliedBy: { id: { $eq: 1 } } } }]) {
      expect((await request.get('/api/comments').query(query)).status).toBe(400);
    }
  });
});

/** Demo-content lookups and valid request bodies shared by the API tests. */
import { articles as demoArticles } from '../../src/features/seed/server/content';
import { api, bootStrapi } from './strapi';

export async function publishedArticle(where: Record<string, unknown> = {}) {
  const strapi = await bootStrapi();
  const article = await strapi.documents('api::article.article').findFirst({
    status: 'published',
    filters: { commentsEnabled: true, ...where },
  });
  if (!article) throw new Error('The demo content has no such published article');
  return article;
}

/**
 * The demo draft: the seeded article that has never been published (other tests add drafts of
 * their own, so it is picked by its seeded slug).
 */
export async function draftOnlyArticle() {
  const strapi = await bootStrapi();
  const seeded = demoArticles.find((article) => article.draft);
  const published = await strapi
    .documents('api::article.article')
    .findMany({ status: 'published', fields: ['documentId'] });
  const ids = published.map((a) => a.documentId);
  const draft = await strapi
    .documents('api::article.article')
    .findFirst({ status: 'draft', filters: { slug: seeded?.slug, documentId: { $notIn: ids } } });
  if (!draft) throw new Error('The demo content has no draft');
  return draft;
}

let commentNumber = 0;

/** A comment a person would write; each call's text differs, so none is taken for a duplicate. */
export function validComment(article: string, overrides: Record<string, unknown> = {}) {
  commentNumber += 1;
  return {
    article,
    authorName: 'Test Reader',
    authorEmail: 'reader@example.net',
    body: `A helpful article, thank you (${commentNumber}).`,
    ...overrides,
  };
}

export function validEnquiry(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Test Student',
    email: 'student@example.net',
    phone: '+91 98765 00000',
    topic: 'usmle-preparation',
    message: 'I would like to know about USMLE Step 2 CK mentoring.',
    consent: true,
    sourcePath: '/articles/usmle-step-2-ck-study-plan',
    ...overrides,
  };
}

export async function count(uid: 'api::comment.comment' | 'api::enquiry.enquiry') {
  const strapi = await bootStrapi();
  return strapi.db.query(uid).count();
}

/**
 * A reader's comment sent through the API and approved as a moderator would: public, with private
 * data (e-mail, IP hash, user agent) for a leak test to look for. Returns the stored row.
 */
export async function approvedComment(overrides: Record<string, unknown>, userAgent = 'Test Browser/1.0') {
  const article = await publishedArticle();
  const request = await api();
  const created = await request
    .post('/api/comments')
    .set('User-Agent', userAgent)
    .send({ data: validComment(article.documentId, overrides) });
  const strapi = await bootStrapi();
  const { documentId } = created.body.data;
  // Through the Document Service, as the moderation screen does, so the cached comment lists learn of it.
  await strapi.documents('api::comment.comment').update({ documentId, data: { moderationStatus: 'approved' } });
  return strapi.db.query('api::comment.comment').findOne({ where: { documentId } });
}

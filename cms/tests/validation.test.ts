/** Bad input to the create endpoints: a 400 naming the field, and nothing stored. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { count, draftOnlyArticle, publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;
let articleId: string;

beforeAll(async () => {
  request = await api();
  articleId = (await publishedArticle()).documentId;
});

type Case = [field: string, problem: string, value: unknown, message: RegExp];

const commentCases: Case[] = [
  ['article', 'missing', undefined, /documentId/],
  ['article', 'wrong type', 42, /documentId/],
  ['article', 'not an id', '../../etc/passwd', /documentId/],
  ['authorName', 'missing', undefined, /required/],
  ['authorName', 'blank', '   ', /required/],
  ['authorName', 'wrong type', { first: 'A' }, /text/],
  ['authorName', 'too long', 'n'.repeat(81), /at most 80/],
  ['authorName', 'HTML', '<b>Bold</b>', /HTML/],
  ['authorEmail', 'missing', undefined, /required/],
  ['authorEmail', 'wrong type', ['a@b.c'], /text/],
  ['authorEmail', 'not an e-mail', 'reader-at-example', /valid e-mail/],
  ['authorEmail', 'too long', `${'e'.repeat(250)}@example.org`, /at most 254/],
  ['body', 'missing', undefined, /required/],
  ['body', 'wrong type', 123, /text/],
  ['body', 'too long', 'b'.repeat(4001), /at most 4000/],
  ['body', 'HTML', 'Nice <script>alert(1)</script>', /HTML/],
  ['parent', 'wrong type', 7, /documentId/],
];

const enquiryCases: Case[] = [
  ['name', 'missing', undefined, /required/],
  ['name', 'wrong type', 5, /text/],
  ['name', 'too long', 'n'.repeat(121), /at most 120/],
  ['name', 'HTML', '<img src=x onerror=alert(1)>', /HTML/],
  ['email', 'missing', undefined, /required/],
  ['email', 'not an e-mail', 'student@', /valid e-mail/],
  ['phone', 'wrong type', 9876543210, /text/],
  ['phone', 'not a number', 'call me maybe', /phone number/],
  ['phone', 'too long', '+91 '.repeat(8), /at most 24|phone number/],
  ['topic', 'missing', undefined, /Topic must be one of/],
  ['topic', 'unknown', 'cardiology', /Topic must be one of/],
  ['message', 'missing', undefined, /required/],
  ['message', 'too long', 'm'.repeat(5001), /at most 5000/],
  ['message', 'HTML', '<a href="https://x.example">win</a>', /HTML/],
  ['consent', 'missing', undefined, /Consent is required/],
  ['consent', 'false', false, /Consent is required/],
  ['consent', 'wrong type', 'yes', /Consent is required/],
  ['sourcePath', 'outside URL', 'https://elsewhere.example/', /path on this site/],
  ['sourcePath', 'too long', `/${'p'.repeat(300)}`, /at most 300/],
];

function withField(body: Record<string, unknown>, field: string, value: unknown) {
  const copy = { ...body };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
}

describe('POST /api/comments', () => {
  it.each(commentCases)('%s %s: 400 naming the field, nothing stored', async (field, _problem, value, message) => {
    const before = await count('api::comment.comment');
    const response = await request
      .post('/api/comments')
      .send({ data: withField(validComment(articleId), field, value) });
    expect(response.status).toBe(400);
    const errors = response.body.error.details.errors as Array<{ path: string[]; message: string }>;
    expect(errors.find((e) => e.path[0] === field)?.message).toMatch(message);
    expect(response.body.error.message).toContain(field);
    expect(await count('api::comment.comment')).toBe(before);
  });

  it('names every bad field at once', async () => {
    const response = await request.post('/api/comments').send({ data: { article: articleId } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((e) => e.path[0]).sort()).toEqual([
      'authorEmail',
      'authorName',
      'body',
    ]);
  });

  it.each([
    ['no body', undefined],
    ['data missing', { authorName: 'x' }],
    ['data is a string', { data: 'hello' }],
    ['data is an array', { data: [] }],
  ])('%s: 400', async (_, body) => {
    const response = await request.post('/api/comments').send(body as object);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/data/);
  });

  it('refuses malformed JSON with a 400', async () => {
    const response = await request.post('/api/comments').set('Content-Type', 'application/json').send('{"data": {');
    expect(response.status).toBe(400);
  });

  it('refuses a comment on a draft, on an unknown article, and where comments are closed', async () => {
    const before = await count('api::comment.comment');
    const draft = await draftOnlyArticle();
    const closed = await publishedArticle({ commentsEnabled: false });
    for (const [article, message] of [
      [draft.documentId, /No published article/],
      ['abcdefghijklmnopqrstuvwx', /No published article/],
      [closed.documentId, /closed/],
    ] as const) {
      const response = await request.post('/api/comments').send({ data: validComment(article) });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0]).toMatchObject({ path: ['article'] });
      expect(response.body.error.message).toMatch(message);
    }
    expect(await count('api::comment.comment')).toBe(before);
  });

  it('refuses a reply to a pending comment or to a comment of another article', async () => {
    const strapi = await bootStrapi();
    const pending = await strapi
      .documents('api::comment.comment')
      .findFirst({ filters: { moderationStatus: 'pending' }, populate: ['article'] });
    const approvedElsewhere = await strapi.documents('api::comment.comment').findFirst({
      filters: { moderationStatus: 'approved', article: { documentId: { $ne: articleId } } },
    });
    for (const parent of [pending!.documentId, approvedElsewhere!.documentId]) {
      const response = await request.post('/api/comments').send({ data: validComment(articleId, { parent }) });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['parent']);
    }
  });

  it('stores a valid comment as pending whatever the client sends, and hides it until approved', async () => {
    const response = await request.post('/api/comments').send({
      data: validComment(articleId, { moderationStatus: 'approved', ipHash: 'forged', body: 'Forced to pending?' }),
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ moderationStatus: 'pending', body: 'Forced to pending?' });
    expect(response.body.data).not.toHaveProperty('authorEmail');

    const strapi = await bootStrapi();
    const stored = await strapi.db
      .query('api::comment.comment')
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored).toMatchObject({ moderationStatus: 'pending', authorEmail: 'reader@example.net' });
    expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.ipHash).not.toBe('forged');

    const visible = await request.get('/api/comments').query({ 'filters[body][$eq]': 'Forced to pending?' });
    expect(visible.body.data).toEqual([]);
  });
});

describe('POST /api/enquiries', () => {
  it.each(enquiryCases)('%s %s: 400 naming the field, nothing stored', async (field, _problem, value, message) => {
    const before = await count('api::enquiry.enquiry');
    const response = await request.post('/api/enquiries').send({ data: withField(validEnquiry(), field, value) });
    expect(response.status).toBe(400);
    const errors = response.body.error.details.errors as Array<{ path: string[]; message: string }>;
    expect(errors.find((e) => e.path[0] === field)?.message).toMatch(message);
    expect(await count('api::enquiry.enquiry')).toBe(before);
  });

  it('stores a valid enquiry as new and answers with an acknowledgement only', async () => {
    const response = await request
      .post('/api/enquiries')
      .send({ data: validEnquiry({ handlingStatus: 'closed', internalNotes: 'forged', phone: '' }) });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body.data).sort()).toEqual(['documentId', 'receivedAt', 'topic']);

    const strapi = await bootStrapi();
    const stored = await strapi.db
      .query('api::enquiry.enquiry')
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored).toMatchObject({
      handlingStatus: 'new',
      internalNotes: null,
      phone: null,
      consent: true,
      email: 'student@example.net',
    });
    expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

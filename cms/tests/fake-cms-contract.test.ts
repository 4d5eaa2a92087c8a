/**
 * The site's stand-in CMS (web/src/testing/fake-cms.ts) against this one. The site's tests may send
 * the fake only requests written down in web/src/testing/fake-cms-requests.jsonl (they fail on any
 * other, and `pnpm --filter @medblog/web test:record` writes down what they send); here each of them
 * is sent to both, with a few requests the site must never make, and the answers must agree: the
 * same status, and the same shape (the same keys at every level, values of the same JSON types;
 * a null or an empty list matches anything, as content differs). Comments sent are stored as spam
 * by both or by neither.
 *
 * The real CMS is given the fake's identities first: its categories, authors and articles by slug
 * (the demo content's where a slug is already there), the approved comments, and the redirects the
 * fake is given here; a fake documentId in a request is replaced by the real one, a preview token
 * by a real token. What it made is deleted afterwards.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { createPreviewToken, PREVIEW_TOKEN_SECONDS } from '../src/features/preview/server/token';
import { signToken } from '../src/features/newsletter/server/tokens';
import { api, bootStrapi } from './helpers/strapi';
import { deleteEntriesMadeFromNow } from './helpers/content-manager';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers of any shape, and the web's
   modules, loaded by path so that this package's type check stays within this package. */
type Json = any;
interface StubRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  url: string;
  body?: unknown;
}
type StubReply = { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: true };
type StubRoutes = Record<string, (request: StubRequest) => StubReply | Promise<StubReply>>;
interface RecordedRequest {
  method: string;
  url: string;
  body?: unknown;
}

const testing = join(__dirname, '..', '..', 'web', 'src', 'testing');
let fake: {
  fakeCmsState: () => { articles: Json[]; comments: Json[]; enquiries: Json[]; subscription: { email: string } };
  siteServerRoutes: (state: Json, redirects: Record<string, { toPath: string; code?: string }>) => StubRoutes;
};
let replies: {
  findHandler: (routes: StubRoutes, method: string, path: string) => StubRoutes[string] | undefined;
  stubRequest: (method: string, url: string, body?: unknown) => StubRequest;
  strapiError: (status: number, message?: string) => StubReply;
  rateLimited: (seconds: number) => StubReply;
};
let fixtures: {
  articles: Json[];
  categories: Json[];
  authors: Json[];
  comments: Json[];
  SUBSCRIPTION_TOKENS: Record<'good' | 'gone', string>;
};
let requestLog: { readRecordedRequests: () => RecordedRequest[]; checkRecordedRequests: (on: boolean) => void };
let recorded: RecordedRequest[];

/** The redirects the fake is given and the real CMS is given alike. */
const REDIRECTS: Record<string, { toPath: string; code: string }> = {
  '/2024/05/old-post': { toPath: '/articles/clinical-internship-guide', code: 'permanent-301' },
  '/summer-school-2025': { toPath: '/categories/internships', code: 'temporary-302' },
  '/2019/01/withdrawn-course': { toPath: '/', code: 'gone-410' },
};

/** Requests the site must never make: the fake must refuse them as the real CMS does. */
const REFUSED: RecordedRequest[] = [
  { method: 'GET', url: '/api/articles?sort=title&format=full' },
  { method: 'GET', url: '/api/articles?pagination[pageSize]=ten' },
  { method: 'GET', url: '/api/articles?pagination[page]=0' },
  { method: 'GET', url: '/api/articles?pagination[size]=5' },
  { method: 'GET', url: '/api/articles?fields[0]=internalNotes' },
  { method: 'GET', url: '/api/articles?sort[0]=importKey:asc' },
  { method: 'GET', url: '/api/articles?filters[importKey][$eq]=x' },
  { method: 'GET', url: '/api/articles?status=draft' },
  { method: 'GET', url: '/api/articles?locale=fr' },
  { method: 'GET', url: '/api/articles/popular?limit=0' },
  { method: 'GET', url: '/api/articles/popular?limit=21' },
  { method: 'GET', url: '/api/articles/popular?limit=many' },
  { method: 'GET', url: '/api/search' },
  { method: 'GET', url: '/api/search?q=usmle&sort=title' },
  { method: 'GET', url: '/api/search?q=usmle&pagination[start]=0' },
  { method: 'GET', url: '/api/comments?filters[authorEmail][$eq]=a@b.in' },
  { method: 'GET', url: '/api/comments?fields[0]=authorEmail' },
  { method: 'GET', url: '/api/authors?fields[0]=registrationNumber' },
  { method: 'GET', url: '/api/global?pagination[page]=1' },
  { method: 'GET', url: '/api/no-such-route' },
  { method: 'POST', url: '/api/comments', body: { data: { article: 'article1docid', body: 'No name' } } },
  { method: 'POST', url: '/api/enquiries', body: { data: { name: 'No message' } } },
  { method: 'POST', url: '/api/comments?draft=1', body: { data: {} } },
  { method: 'POST', url: '/api/insight', body: { data: { events: [] } } },
  { method: 'POST', url: '/api/insight', body: { data: { events: [{ type: 'view', pageType: 'article' }] } } },
];

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let deleteMade: () => Promise<void>;
/** Fake documentId -> real documentId. */
const realIds = new Map<string, string>();

const ARTICLE = 'api::article.article';
const SUBSCRIBER = 'api::subscriber.subscriber';

async function bySlugOrNew(uid: 'api::category.category' | 'api::author.author', data: Record<string, unknown>) {
  const found = await strapi.documents(uid).findFirst({ filters: { slug: data.slug } } as never);
  return found ?? (await strapi.documents(uid).create({ data } as never));
}

/** The fake's content, made in the real CMS (by slug), and its documentIds mapped. */
async function giveTheRealCmsTheFakesContent() {
  for (const category of fixtures.categories) {
    const real = await bySlugOrNew('api::category.category', {
      name: category.name,
      slug: category.slug,
      description: category.description,
    });
    realIds.set(category.documentId, real.documentId);
  }
  for (const author of fixtures.authors) {
    const real = await bySlugOrNew('api::author.author', {
      name: author.name,
      slug: author.slug,
      jobTitle: author.jobTitle,
      credentials: author.credentials,
      bio: author.bio,
    });
    realIds.set(author.documentId, real.documentId);
  }
  for (const article of fixtures.articles) {
    const created = await strapi.documents(ARTICLE).create({
      data: {
        title: article.title,
        slug: article.slug,
        excerpt: article.excerpt,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `Body of ${article.title}.` }] }],
        category: realIds.get(article.category.documentId),
        author: realIds.get(article.author.documentId),
        featured: article.featured,
        commentsEnabled: article.commentsEnabled,
        originalPublishedAt: article.originalPublishedAt,
      },
    } as never);
    await strapi.documents(ARTICLE).publish({ documentId: created.documentId });
    realIds.set(article.documentId, created.documentId);
  }
  // Parents first: a reply names its parent.
  const pending = fixtures.comments.filter((comment) => comment.moderationStatus === 'approved');
  while (pending.length) {
    const index = pending.findIndex((comment) => !comment.parent || realIds.has(comment.parent));
    const [comment] = pending.splice(index, 1);
    const created = await strapi.documents('api::comment.comment').create({
      data: {
        article: realIds.get(comment.article),
        parent: comment.parent ? realIds.get(comment.parent) : null,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        body: comment.body,
        moderationStatus: 'approved',
      },
    } as never);
    realIds.set(comment.documentId, created.documentId);
  }
  for (const [fromPath, { toPath, code }] of Object.entries(REDIRECTS)) {
    await strapi.documents('api::redirect.redirect').create({ data: { fromPath, toPath, code } } as never);
  }
  // The fake's subscription (its "good" token), and one that was left (its "gone" token).
  for (const [name, email] of [
    ['good', fake.fakeCmsState().subscription.email],
    ['gone', `left.${Date.now()}@example.org`],
  ] as const) {
    const subscriber = await strapi.documents(SUBSCRIBER).create({
      data: { email, topics: [], frequency: 'each-article', subscriberStatus: 'pending' },
    } as never);
    subscribers.set(fixtures.SUBSCRIPTION_TOKENS[name], subscriber.documentId);
    if (name === 'gone') await strapi.documents(SUBSCRIBER).delete({ documentId: subscriber.documentId });
  }
}

/** The fake's subscription tokens, by the real subscriber they stand for. */
const subscribers = new Map<string, string>();

/** The request as the real CMS is to get it: the fake's documentIds and preview tokens made real. */
function forTheRealCms(recordedRequest: RecordedRequest): RecordedRequest {
  const swap = (text: string) =>
    text.replace(/\b(article|comment|cat|auth)\d+docid\b|\bcat\d+\b|\bauth\d+\b/g, (id) => realIds.get(id) ?? id);
  let url = swap(recordedRequest.url);
  const previewed = /^\/api\/preview\/articles\/([^/?]+)/.exec(url)?.[1];
  if (previewed) {
    const search = new URLSearchParams(url.split('?')[1]);
    const token = search.get('token');
    // "good" opens the draft; any other is an expired link.
    const real =
      token === 'good'
        ? createPreviewToken(previewed)
        : createPreviewToken(previewed, Date.now() - (PREVIEW_TOKEN_SECONDS + 60) * 1000);
    url = url.replace(`token=${token}`, `token=${encodeURIComponent(real)}`);
  }
  const body = recordedRequest.body === undefined ? undefined : JSON.parse(swap(JSON.stringify(recordedRequest.body)));
  // A fake subscription token: a real one of its subscriber, for what the route takes (one token
  // opens everything in the fake; the CMS signs a confirmation link apart from a manage link).
  const subscriber = subscribers.get(body?.data?.token);
  if (subscriber) body.data.token = signToken(subscriber, url.endsWith('/confirm') ? 'confirm' : 'manage');
  return { ...recordedRequest, url, body };
}

/** The fake's answer, as the site's tests get it. */
async function askTheFake(routes: StubRoutes, recordedRequest: RecordedRequest) {
  const stub = replies.stubRequest(
    recordedRequest.method,
    `http://cms.test${recordedRequest.url}`,
    recordedRequest.body,
  );
  const handler = replies.findHandler(routes, stub.method, stub.path);
  const reply = handler ? await handler(stub) : replies.strapiError(404, 'Not Found');
  if ('networkError' in reply) throw new Error(`The fake failed ${recordedRequest.url}`);
  return { status: reply.status, body: reply.body ?? null, headers: reply.headers ?? {} };
}

async function askTheRealCms(recordedRequest: RecordedRequest) {
  const real = forTheRealCms(recordedRequest);
  const response =
    real.method === 'GET'
      ? await request.get(real.url)
      : await request[real.method === 'PUT' ? 'put' : 'post'](real.url).send(real.body as object);
  return { status: response.status, body: response.status === 204 ? null : response.body, headers: response.headers };
}

type Shape = string | { array: Shape } | { object: Record<string, Shape> };

/**
 * The JSON types of a value; a list's items merged into one shape. Two values are shaped by their
 * content rather than by the API: an article's blocks body (each kind of block has keys of its own:
 * the shared Block type and the site's renderer tests cover them) is just "blocks", and an image's
 * `formats` (which sizes there are depends on the picture) is a map: its entries merged into one.
 */
function shapeOf(value: unknown, key = ''): Shape {
  if (value === null || value === undefined) return 'null';
  if (key === 'body' && Array.isArray(value)) return 'blocks';
  if (key === 'formats' && typeof value === 'object')
    return {
      object: {
        '(each format)': Object.values(value)
          .map((item) => shapeOf(item))
          .reduce(merge, 'null'),
      },
    };
  if (Array.isArray(value)) return { array: value.map((item) => shapeOf(item)).reduce(merge, 'null') };
  if (typeof value === 'object')
    return { object: Object.fromEntries(Object.entries(value).map(([name, item]) => [name, shapeOf(item, name)])) };
  return typeof value;
}

function merge(a: Shape, b: Shape): Shape {
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (typeof a === 'object' && typeof b === 'object' && 'array' in a && 'array' in b)
    return { array: merge(a.array, b.array) };
  if (typeof a === 'object' && typeof b === 'object' && 'object' in a && 'object' in b) {
    const keys = new Set([...Object.keys(a.object), ...Object.keys(b.object)]);
    return {
      object: Object.fromEntries(
        [...keys].map((key) => [key, merge(a.object[key] ?? 'null', b.object[key] ?? 'null')]),
      ),
    };
  }
  return a;
}

/** Where the two shapes differ; a null or an empty list matches anything. */
function differences(fakeShape: Shape, realShape: Shape, at = '$'): string[] {
  if (fakeShape === 'null' || realShape === 'null') return [];
  const kind = (shape: Shape) => (typeof shape === 'string' ? shape : 'array' in shape ? 'array' : 'object');
  if (kind(fakeShape) !== kind(realShape))
    return [`${at}: the fake has ${kind(fakeShape)}, the CMS ${kind(realShape)}`];
  if (typeof fakeShape === 'string') return [];
  if ('array' in fakeShape) return differences(fakeShape.array, (realShape as { array: Shape }).array, `${at}[]`);
  const fakeKeys = (fakeShape as { object: Record<string, Shape> }).object;
  const realKeys = (realShape as { object: Record<string, Shape> }).object;
  return [
    ...Object.keys(fakeKeys)
      .filter((key) => !(key in realKeys))
      .map((key) => `${at}.${key}: only the fake has it`),
    ...Object.keys(realKeys)
      .filter((key) => !(key in fakeKeys))
      .map((key) => `${at}.${key}: only the CMS has it`),
    ...Object.keys(fakeKeys)
      .filter((key) => key in realKeys)
      .flatMap((key) => differences(fakeKeys[key]!, realKeys[key]!, `${at}.${key}`)),
  ];
}

/** What differs between the fake's and the real CMS's answers to each request. */
async function compare(routes: StubRoutes, requests: RecordedRequest[]) {
  const found: string[] = [];
  for (const recordedRequest of requests) {
    const [fakeAnswer, realAnswer] = [await askTheFake(routes, recordedRequest), await askTheRealCms(recordedRequest)];
    const name = `${recordedRequest.method} ${decodeURIComponent(recordedRequest.url).slice(0, 160)}`;
    if (fakeAnswer.status !== realAnswer.status) {
      found.push(
        `${name}: the fake answers ${fakeAnswer.status}, the CMS ${realAnswer.status} ${JSON.stringify(realAnswer.body).slice(0, 300)}`,
      );
      continue;
    }
    for (const difference of differences(shapeOf(fakeAnswer.body), shapeOf(realAnswer.body)))
      found.push(`${name}: ${difference}`);
  }
  return found;
}

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  fake = await import(join(testing, 'fake-cms.ts'));
  replies = await import(join(testing, 'stub-replies.ts'));
  fixtures = await import(join(testing, 'fixtures.ts'));
  requestLog = await import(join(testing, 'fake-cms-requests.ts'));
  recorded = requestLog.readRecordedRequests();
  deleteMade = await deleteEntriesMadeFromNow([
    'api::comment.comment',
    ARTICLE,
    'api::author.author',
    'api::category.category',
    'api::redirect.redirect',
    'api::enquiry.enquiry',
    SUBSCRIBER,
  ]);
  await giveTheRealCmsTheFakesContent();
});

afterAll(async () => {
  await deleteMade?.();
});

describe('the fake CMS of the site tests', () => {
  it('files the same comments as spam as the real CMS (first: the replay below sends them again)', async () => {
    const state = fake.fakeCmsState();
    const routes = fake.siteServerRoutes(state, REDIRECTS);
    const posts = recorded.filter((item) => item.method === 'POST' && item.url === '/api/comments');
    expect(posts.length).toBeGreaterThan(3);
    let compared = 0;
    const disagreements: string[] = [];
    for (const post of posts) {
      const fakeAnswer = await askTheFake(routes, post);
      const realAnswer = await askTheRealCms(post);
      if (fakeAnswer.status !== 201 || realAnswer.status !== 201) continue;
      compared += 1;
      const isSpam = (status: string) => status === 'spam';
      const fakeSpam = isSpam(state.comments.at(-1).moderationStatus);
      const realStored = await strapi.db
        .query('api::comment.comment')
        .findOne({ where: { documentId: realAnswer.body.data.documentId } });
      const realSpam = isSpam(realStored.moderationStatus);
      if (fakeSpam !== realSpam)
        disagreements.push(`${JSON.stringify(post.body)}: spam for the fake ${fakeSpam}, for the CMS ${realSpam}`);
    }
    expect(compared).toBeGreaterThan(3);
    expect(disagreements).toEqual([]);
  });

  it('answers every request the site tests send it as the real CMS does: status and shape', async () => {
    expect(recorded.length).toBeGreaterThan(50);
    const routes = fake.siteServerRoutes(fake.fakeCmsState(), REDIRECTS);
    expect(await compare(routes, recorded)).toEqual([]);
  });

  it('refuses what the real CMS refuses, with the same status and error shape', async () => {
    const routes = fake.siteServerRoutes(fake.fakeCmsState(), REDIRECTS);
    requestLog.checkRecordedRequests(false);
    try {
      expect(await compare(routes, REFUSED)).toEqual([]);
    } finally {
      requestLog.checkRecordedRequests(true);
    }
  });

  it('answers 429 as the real CMS does once a visitor sent too many', async () => {
    const before = strapi.config.get('anti-abuse.enquiries');
    strapi.config.set('anti-abuse.enquiries', { max: 1, windowSeconds: 600 + Math.floor(Math.random() * 10000) });
    try {
      const enquiry = recorded.find((item) => item.url === '/api/enquiries')!;
      await askTheRealCms(enquiry);
      const limited = await askTheRealCms(enquiry);
      expect(limited.status).toBe(429);
      const fakeReply = replies.rateLimited(Number(limited.headers['retry-after'])) as Exclude<
        StubReply,
        { networkError: true }
      >;
      expect(fakeReply.status).toBe(429);
      expect(Number(fakeReply.headers!['retry-after'])).toBeGreaterThan(0);
      expect(differences(shapeOf(fakeReply.body), shapeOf(limited.body))).toEqual([]);
    } finally {
      strapi.config.set('anti-abuse.enquiries', before);
    }
  });
});

/**
 * The public API's gate, walked route by route: every content API route the CMS serves, spelled as
 * an attacker would (mixed case), with the headers that make Strapi shape its answers differently,
 * and as the public role where it must be refused. Whatever a request carries beyond its URL, it
 * gets the answer everyone gets, and leaves nothing else in the cache for the next reader.
 */
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PURGE_TAGS } from '@medblog/shared';
import { PUBLIC_ACTIONS } from '../src/platform/access/public-permissions';
import { api, bootStrapi, evictCached } from './helpers/strapi';
import { approvedComment, publishedArticle, validComment, validEnquiry } from './helpers/fixtures';
import { signToken } from '../src/features/newsletter/server/tokens';

let request: Awaited<ReturnType<typeof api>>;

const SHAPING_HEADERS = { 'Strapi-Response-Format': 'v4', 'strapi-encode-source-maps': 'true' };

/** `/api/comments` as `/API/COMMENTS`, `/Api/Comments` and `/aPI/cOMMENTS`: the router takes them all. */
function spellings(path: string): string[] {
  const title = path.replace(/\/([a-z])/g, (_, letter: string) => `/${letter.toUpperCase()}`);
  const inverted = [...path].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  return [path.toUpperCase(), title, inverted];
}

interface RouteInfo {
  method: string;
  path: string;
  action: string;
}

/** Every content API route, with the permission action it needs (`api::x.x.find`). */
async function contentApiRoutes(): Promise<RouteInfo[]> {
  const strapi = await bootStrapi();
  const routes: RouteInfo[] = [];
  for (const [apiName, apiDefinition] of Object.entries(strapi.apis)) {
    for (const router of Object.values(apiDefinition.routes as Record<string, { routes: unknown[] }>)) {
      for (const route of router.routes as Array<{ method: string; path: string; handler: string }>) {
        const handler = route.handler.includes('::') ? route.handler : `api::${apiName}.${route.handler}`;
        routes.push({ method: route.method, path: `/api${route.path}`, action: handler });
      }
    }
  }
  return routes;
}

let article: Awaited<ReturnType<typeof publishedArticle>>;
let ids: Record<string, string>;

beforeAll(async () => {
  request = await api();
  const strapi = await bootStrapi();
  article = await publishedArticle();
  const category = await strapi.documents('api::category.category').findFirst({});
  const author = await strapi.documents('api::author.author').findFirst({});
  const comment = await approvedComment({ body: 'An approved comment the gate test reads.' });
  ids = {
    'api::article.article': article.documentId,
    'api::category.category': category!.documentId,
    'api::author.author': author!.documentId,
    'api::comment.comment': comment.documentId,
    'api::enquiry.enquiry': 'nosuchenquiry000000000000',
    'api::redirect.redirect': 'nosuchredirect00000000000',
  };
});

/** A route's path with its parameters filled: an existing entry of its type where it has one. */
function concretePath(route: RouteInfo): string {
  const uid = route.action.split('.').slice(0, 2).join('.');
  return route.path.replace(/:[A-Za-z]+/g, () => ids[uid] ?? 'nosuchentry0000000000000');
}

/** What a test compares: status and body (the answer a reader would see). */
const seen = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

describe('every content API route, spelled any way', () => {
  it('knows every route it walks (a new route must be added to the public actions or be refused)', async () => {
    const routes = await contentApiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const action of PUBLIC_ACTIONS) expect(routes.map((route) => route.action)).toContain(action);
  });

  it('answers a public read the same, whatever the spelling of its path and the shaping headers', async () => {
    const reads = (await contentApiRoutes()).filter(
      (route) => route.method === 'GET' && PUBLIC_ACTIONS.includes(route.action) && !route.path.includes('preview'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(10);
    for (const route of reads) {
      const path = concretePath(route);
      // The unsubscribe link opened in a browser leads to the site's manage page.
      const unsubscribe = route.action.endsWith('.unsubscribePage');
      const query = route.action.endsWith('.search')
        ? { q: 'clinical' }
        : unsubscribe
          ? { token: signToken('nosuchsubscriber00000000', 'manage') }
          : {};
      const plain = seen(await request.get(path).query(query));
      expect(plain.status, path).toBe(unsubscribe ? 303 : 200);
      for (const spelled of spellings(path)) {
        expect(seen(await request.get(spelled).query(query)), spelled).toEqual(plain);
      }
      expect(seen(await request.get(path).query(query).set(SHAPING_HEADERS)), `${path} with headers`).toEqual(plain);
    }
  });

  it('refuses the public role on every route it may not use, in every spelling and with every header', async () => {
    const refused = (await contentApiRoutes()).filter((route) => !PUBLIC_ACTIONS.includes(route.action));
    expect(refused.length).toBeGreaterThan(10);
    for (const route of refused) {
      const path = concretePath(route);
      for (const spelled of [path, ...spellings(path)]) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
        const response = await request[method](spelled).set(SHAPING_HEADERS).send({ data: {} });
        expect(response.status, `${route.method} ${spelled}`).toBe(403);
      }
    }
  });
});

describe('the response-shaping headers', () => {
  it('cannot put another shape of the site settings in the cache for everyone', async () => {
    await evictCached([PURGE_TAGS.global]);
    const poisoned = await request.get('/api/global').set(SHAPING_HEADERS);
    expect(poisoned.body.data.siteName).toEqual(expect.any(String));
    expect(poisoned.body.data.attributes).toBeUndefined();
    const next = await request.get('/api/global');
    expect(next.headers['x-cache']).toBe('hit');
    expect(next.body).toEqual(poisoned.body);
    // No invisible markers in the text either.
    expect(JSON.stringify(next.body)).not.toMatch(/[\u200b-\u200f\u2060-\u2064\ufeff]/);
  });

  it('cannot put another shape of an article list in the cache, the first request after an eviction', async () => {
    await evictCached([PURGE_TAGS.articles]);
    const query = { 'fields[0]': 'title', 'fields[1]': 'slug', 'pagination[pageSize]': 3 };
    await request.get('/API/Articles').query(query).set(SHAPING_HEADERS);
    const next = await request.get('/api/articles').query(query);
    expect(next.headers['x-cache']).toBe('hit');
    expect(next.body.data[0]).toEqual(
      expect.objectContaining({ documentId: expect.any(String), title: expect.any(String) }),
    );
    expect(next.body.data[0].attributes).toBeUndefined();
  });
});

describe("a reply's parent", () => {
  async function replyTo(parentBody: string) {
    const strapi = await bootStrapi();
    const parent = await approvedComment({ body: parentBody, authorName: 'Parent Writer' });
    const reply = await request.post('/api/comments').send({
      data: validComment(article.documentId, { parent: parent.documentId, body: 'A reply to the question above.' }),
    });
    expect(reply.status).toBe(201);
    await strapi
      .documents('api::comment.comment')
      .update({ documentId: reply.body.data.documentId, data: { moderationStatus: 'approved' } });
    return { parent, replyId: reply.body.data.documentId as string };
  }

  const POPULATES = [
    { 'populate[parent]': 'true' },
    { 'populate[0]': 'parent' },
    { populate: '*' },
    { 'populate[parent][fields][0]': 'body', 'populate[parent][fields][1]': 'authorName' },
  ];

  /** The reply as the public list gives it, each way of asking for its parent, with the headers first. */
  async function listings(replyId: string) {
    const answers: Array<{ data: Array<{ parent: unknown }> }> = [];
    for (const populate of POPULATES) {
      for (const headers of [SHAPING_HEADERS, {}]) {
        const list = await request
          .get('/api/comments')
          .query({ 'filters[documentId][$eq]': replyId, ...populate })
          .set(headers);
        expect(list.status).toBe(200);
        expect(list.body.data).toHaveLength(1);
        answers.push(list.body);
      }
    }
    return answers;
  }

  it('carries its identity only while it is approved, in every shape', async () => {
    const { parent, replyId } = await replyTo('A question that stays approved');
    for (const body of await listings(replyId)) {
      expect(body.data[0].parent).toEqual({ id: parent.id, documentId: parent.documentId });
    }
  });

  it('is not shown at all once a moderator rejects it, whatever the request asks', async () => {
    const strapi = await bootStrapi();
    const { parent, replyId } = await replyTo('A question a moderator will reject');
    await strapi
      .documents('api::comment.comment')
      .update({ documentId: parent.documentId, data: { moderationStatus: 'rejected' } });
    for (const body of await listings(replyId)) {
      expect(body.data[0].parent).toBeNull();
      expect(JSON.stringify(body)).not.toContain('A question a moderator will reject');
      expect(JSON.stringify(body)).not.toContain(parent.documentId);
    }
  });
});

describe('the body and query checks, in any spelling', () => {
  /** Files the temp folder gained since `before` that are at least `bytes` long. */
  function newLargeTempFiles(before: Set<string>, bytes: number): string[] {
    return readdirSync(tmpdir()).filter((name) => {
      if (before.has(name)) return false;
      try {
        return statSync(join(tmpdir(), name)).size >= bytes;
      } catch {
        return false;
      }
    });
  }

  const file = Buffer.alloc(2 * 1024 * 1024, 'x');

  it('refuses a multipart body on a public create route before parsing it, leaving no file behind', async () => {
    const variants = ['/api/comments/', '//api/comments', '/api//comments', '/api/./comments', '/api/%63omments'];
    for (const path of ['/api/comments', '/API/comments', '/Api/Enquiries', '/api/ARTICLES/x/views', ...variants]) {
      const before = new Set(readdirSync(tmpdir()));
      const response = await request
        .post(path)
        .field('data', JSON.stringify({ authorName: 'x' }))
        .attach('files', file, 'big.bin')
        .attach('other', file, 'other.bin');
      // Refused as a body it will not parse, or as an address that leads nowhere.
      expect([404, 405, 415], path).toContain(response.status);
      expect(newLargeTempFiles(before, file.length), path).toEqual([]);
    }
  });

  it('parses no file from a visitor on any route, and leaves none behind with made-up credentials', async () => {
    for (const path of ['/upload', '/UPLOAD', '/api/upload', '/admin/login', '/no-such-route', '/content-manager/x']) {
      for (const credentials of [{}, { Authorization: 'Bearer not-a-real-token' }]) {
        const before = new Set(readdirSync(tmpdir()));
        const response = await request
          .post(path)
          .set(credentials)
          .field('fileInfo', '{}')
          .attach('files', file, 'big.bin')
          .attach('other', file, 'other.bin');
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.status, path).toBeLessThan(500);
        // The parser's files go when the answer does (removal is not awaited by it).
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(newLargeTempFiles(before, file.length), `${path} ${JSON.stringify(credentials)}`).toEqual([]);
      }
    }
  });

  it('answers a NUL in a filter with a 400 naming it, in any spelling', async () => {
    for (const path of ['/api/articles', '/API/articles', '/api/Articles', '/aPi/aRtIcLeS']) {
      const response = await request.get(`${path}?filters[title][$eq]=%00`);
      expect(response.status, path).toBe(400);
      expect(response.body.error.message).toMatch(/NUL/);
    }
  });

  it('holds a mixed-case create to the body rules: JSON only, of bounded size', async () => {
    for (const path of ['/API/ENQUIRIES', '/Api/Comments']) {
      const text = await request
        .post(path)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ data: {} }));
      expect(text.status, path).toBe(415);
      const oversized = { data: validEnquiry({ message: 'x'.repeat(100 * 1024) }) };
      const large = await request.post(path).send(oversized);
      expect(large.status, path).toBe(413);
    }
  });

  it('serves a mixed-case read from the same cache entry as the canonical one', async () => {
    await evictCached([PURGE_TAGS.categories]);
    const first = await request.get('/API/Categories').query({ 'fields[0]': 'name' });
    expect(first.headers['x-cache']).toBe('miss');
    const second = await request.get('/api/categories').query({ 'fields[0]': 'name' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
  });
});

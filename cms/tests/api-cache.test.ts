/**
 * The public API's response cache (memory mode, as the shared test CMS runs): repeated reads come
 * from it, ETags answer 304, and each change an editor or a moderator makes evicts exactly the
 * answers that show it, never more than that and never less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { publishedArticle, validComment } from './helpers/fixtures';
import { memoryStore } from '../src/platform/cache/store';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const LIST = '/api/articles?fields[0]=title&sort=publishedAt:desc&pagination[pageSize]=50';
const commentsOf = (documentId: string) =>
  `/api/comments?filters[article][documentId][$eq]=${documentId}&fields[0]=body&sort[0]=createdAt:asc&pagination[pageSize]=50`;

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let editor: { Authorization: string };
const createdArticles: string[] = [];

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  editor = await newAdminHeaders('strapi-editor', 'cache-editor');
});

// Other test files expect the published articles to be the demo content.
afterAll(async () => {
  for (const documentId of createdArticles) await strapi.documents('api::article.article').delete({ documentId });
});

/** A GET whose answer the test expects to be a 200; returns it. */
async function read(path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path).set(headers);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response;
}

/** Reads `path` until it is cached, so a test starts from a hit. */
async function cached(path: string) {
  await read(path);
  const response = await read(path);
  expect(response.headers['x-cache']).toBe('hit');
  return response;
}

async function editorCall(method: 'post' | 'put', path: string, body: object = {}) {
  const response = await request[method](path).set(editor).send(body);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

async function newPublishedArticle(title: string): Promise<string> {
  const { data } = await editorCall('post', ARTICLES, { title });
  createdArticles.push(data.documentId);
  await editorCall('post', `${ARTICLES}/${data.documentId}/actions/publish`);
  return data.documentId;
}

const titles = (response: { body: { data: Array<{ title: string }> } }) => response.body.data.map((a) => a.title);

describe('cached answers', () => {
  it('answers a repeated read from the cache, with the same body and headers for CDNs', async () => {
    const first = await read(LIST);
    const second = await read(LIST);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=60');
  });

  it("answers hits with Strapi's own security and CORS headers, for each Origin as Strapi would", async () => {
    const path = '/api/categories?fields[0]=name&sort=name:asc';
    const site = { Origin: 'http://localhost:5173' };
    const stranger = { Origin: 'https://elsewhere.example' };
    const fromStrapi = await read(path, site);
    await read(path, stranger);
    const hit = await read(path, site);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.body).toEqual(fromStrapi.body);
    expect(hit.headers['content-security-policy']).toBe(fromStrapi.headers['content-security-policy']);
    expect(hit.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const strangerHit = await read(path, stranger);
    expect(strangerHit.headers['x-cache']).toBe('hit');
    expect(strangerHit.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 304 without a body when the client holds the current version, cached or not', async () => {
    // Only the name: the answer stays the same bytes when the settings are saved unchanged.
    const path = '/api/global?fields[0]=siteName';
    const { headers } = await cached(path);
    const fromCache = await request.get(path).set('If-None-Match', headers['etag']);
    expect(fromCache.status).toBe(304);
    expect(fromCache.text).toBeFalsy();
    expect(fromCache.headers['x-cache']).toBe('hit');

    // Saved as they are: the entry goes, the new answer has the same bytes.
    const settings = await strapi.documents('api::global.global').findFirst();
    await strapi.documents('api::global.global').update({ documentId: settings!.documentId, data: {} });
    const computed = await request.get(path).set('If-None-Match', headers['etag']);
    expect(computed.status).toBe(304);
    expect(computed.headers['x-cache']).toBe('miss');

    const changed = await request.get(path).set('If-None-Match', '"an-old-version"');
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).toBe(headers['etag']);
  });

  it('serves two spellings of one query from one entry, and keeps orders that mean something apart', async () => {
    await read('/api/categories?sort=name:asc&pagination[pageSize]=3&fields[0]=name');
    const respelled = await read('/api/categories?fields%5B0%5D=name&pagination%5BpageSize%5D=3&sort=name%3Aasc');
    expect(respelled.headers['x-cache']).toBe('hit');

    const byNameThenSlug = await read('/api/categories?sort[0]=name:desc&sort[1]=slug:asc');
    const bySlugThenName = await read('/api/categories?sort[1]=name:desc&sort[0]=slug:asc');
    expect(bySlugThenName.headers['x-cache']).toBe('miss');
    expect(bySlugThenName.text).not.toBe(byNameThenSlug.text);
  });

  it('never answers a request with credentials from the cache, nor keeps its answer', async () => {
    const { accessKey } = await strapi
      .service('admin::api-token')
      .create({ name: `cache-test-${Date.now()}`, type: 'read-only', lifespan: null });
    const withToken = { Authorization: `Bearer ${accessKey}` };
    await cached(LIST);
    const authorised = await read(LIST, withToken);
    expect(authorised.headers['x-cache']).toBeUndefined();
    expect(authorised.headers['cache-control']).toBe('no-store');
    expect(authorised.headers['etag']).toBeTruthy();

    const path = '/api/authors?fields[0]=name&sort=name:desc';
    await read(path, withToken);
    expect((await read(path)).headers['x-cache']).toBe('miss');
  });

  it('computes a URL asked for by many readers at once only once, and answers them all alike', async () => {
    // A URL no other test asks for: every request below arrives before the first answer is ready.
    const path = '/api/articles?fields[0]=title&fields[1]=slug&sort=title:asc&pagination[pageSize]=7';
    const responses = await Promise.all(Array.from({ length: 8 }, () => request.get(path)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(responses.filter((response) => response.headers['x-cache'] === 'miss')).toHaveLength(1);
    expect(new Set(responses.map((response) => response.text)).size).toBe(1);
  });

  it('caches no error and no request that changes something', async () => {
    for (let i = 0; i < 2; i += 1) {
      const missing = await request.get('/api/articles/no-such-article');
      expect(missing.status).toBe(404);
      expect(missing.headers['x-cache']).toBeUndefined();
      expect(missing.headers['cache-control']).toBeUndefined();
    }
    const article = await publishedArticle();
    const view = await request.post(`/api/articles/${article.documentId}/views`);
    expect(view.status).toBe(204);
    expect(view.headers['x-cache']).toBeUndefined();
  });
});

describe('what a change evicts', () => {
  it('shows a published, an edited and an unpublished article at once, in the list and on its own', async () => {
    await cached(LIST);
    const documentId = await newPublishedArticle('Cache test: a new article');
    expect(titles(await read(LIST))).toContain('Cache test: a new article');

    const detail = `/api/articles/${documentId}?fields[0]=title`;
    await cached(detail);
    await editorCall('put', `${ARTICLES}/${documentId}`, { title: 'Cache test: edited' });
    expect((await read(detail)).body.data.title).toBe('Cache test: a new article');
    await editorCall('post', `${ARTICLES}/${documentId}/actions/publish`);
    expect((await read(detail)).body.data.title).toBe('Cache test: edited');
    expect(titles(await read(LIST))).toContain('Cache test: edited');

    await cached(LIST);
    await editorCall('post', `${ARTICLES}/${documentId}/actions/unpublish`);
    expect(titles(await read(LIST))).not.toContain('Cache test: edited');
    expect((await request.get(detail)).status).toBe(404);
  });

  it("refreshes an article's comments when one is approved, and keeps other articles' comments and the list", async () => {
    const a = await publishedArticle();
    const b = await publishedArticle({ documentId: { $ne: a.documentId } });
    const posted = await request.post('/api/comments').send({ data: validComment(a.documentId) });
    expect(posted.status).toBe(201);
    await cached(commentsOf(a.documentId));
    await cached(commentsOf(b.documentId));
    await cached(LIST);

    await editorCall('post', '/medblog/comments/moderate', {
      documentIds: [posted.body.data.documentId],
      moderationStatus: 'approved',
    });

    const comments = await read(commentsOf(a.documentId));
    expect(comments.headers['x-cache']).toBe('miss');
    expect(comments.body.data.map((c: { body: string }) => c.body)).toContain(posted.body.data.body);
    expect((await read(commentsOf(b.documentId))).headers['x-cache']).toBe('hit');
    expect((await read(LIST)).headers['x-cache']).toBe('hit');
  });

  it('refreshes comment lists not limited to an article when any comment is approved', async () => {
    const article = await publishedArticle();
    const everyComment = '/api/comments?fields[0]=body&sort=createdAt:desc&pagination[pageSize]=5';
    const posted = await request.post('/api/comments').send({ data: validComment(article.documentId) });
    await cached(everyComment);
    await editorCall('post', '/medblog/comments/moderate', {
      documentIds: [posted.body.data.documentId],
      moderationStatus: 'approved',
    });
    expect((await read(everyComment)).body.data[0].body).toBe(posted.body.data.body);
  });

  it('shows edited site settings at once', async () => {
    const settings = strapi.documents('api::global.global');
    const current = await settings.findFirst();
    await cached('/api/global');
    try {
      await settings.update({ documentId: current!.documentId, data: { siteName: 'Cache test site' } });
      expect((await read('/api/global')).body.data.siteName).toBe('Cache test site');
    } finally {
      await settings.update({ documentId: current!.documentId, data: { siteName: current!.siteName ?? undefined } });
    }
    expect((await read('/api/global')).body.data.siteName).toBe(current!.siteName);
  });
});

describe('the in-memory store', () => {
  const response = (text: string) => ({ etag: `"${text}"`, body: Buffer.from(text) });

  it('stays within its byte bound however many distinct URLs are asked for', async () => {
    const bound = 1024 * 1024;
    const store = memoryStore(bound);
    const body = JSON.stringify({ data: 'x'.repeat(200) });
    for (let i = 0; i < 100_000; i += 1) {
      const store1 = await store.beginMiss(`/api/articles?pagination[page]=${i}`, ['articles', 'categories'], 60_000);
      await store1(response(body));
    }
    const { entries, bytes, indexed } = store.stats();
    expect(bytes).toBeLessThanOrEqual(bound);
    expect(entries).toBeGreaterThan(1000);
    expect(entries).toBeLessThan(100_000);
    // Evicted entries leave the tag index too.
    expect(indexed).toBe(entries * 2);
    expect(await store.get('/api/articles?pagination[page]=99999')).toBeDefined();
    expect(await store.get('/api/articles?pagination[page]=0')).toBeUndefined();
  });

  it('does not keep an answer computed before a change to what it shows', async () => {
    const store = memoryStore(1024 * 1024);
    const before = await store.beginMiss('/api/global', ['global'], 60_000);
    const unrelated = await store.beginMiss('/api/redirects', ['redirects'], 60_000);
    await store.invalidate(['global']);
    await before(response('old settings'));
    await unrelated(response('redirects'));
    expect(await store.get('/api/global')).toBeUndefined();
    expect((await store.get('/api/redirects'))?.body.toString()).toBe('redirects');
  });
});

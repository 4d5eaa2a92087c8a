/**
 * Reads have a limit (issue 21, item 9): public reads the response cache does not answer are
 * limited per visitor (429, Retry-After, the API's error body), cached answers never are; the
 * reader the site server names in its signed visitor header is the visitor of every limit (reads,
 * comments), and a forged, stale or borrowed header counts against the connection instead; with
 * REDIS_CACHE_URL the cached answers and the limits live in different Redis databases.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { VISITOR_HOP, visitorHopSignedText } from '@medblog/shared';
import { Redis } from 'ioredis';
import { api, bootStrapi } from './helpers/strapi';
import { publishedArticle, validComment } from './helpers/fixtures';
import { scratchDatabase, startCmsProcess, type CmsProcess } from './helpers/cms-child';
import { redisMissing, startTestRedis, type TestRedis } from './helpers/redis';
import { ipHash } from '../src/platform/utils/client';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let purgeSecret: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  purgeSecret = strapi.config.get('site.purge.secret') as string;
});

const saved = new Map<string, unknown>();
/** The limit `name` at `max`, in a window no other test uses, so it starts from zero; restored after the test. */
function limit(name: 'reads' | 'comments', max: number) {
  if (!saved.has(name)) saved.set(name, strapi.config.get(`anti-abuse.${name}`));
  strapi.config.set(`anti-abuse.${name}`, { max, windowSeconds: 600 + Math.floor(Math.random() * 100_000) });
}
afterEach(() => {
  for (const [name, value] of saved) strapi.config.set(`anti-abuse.${name}`, value);
  saved.clear();
});

/** The header the site server sends on a reader's behalf; `secret`, `at` and `signedFor` let a test forge one. */
function visitorHeader(
  address: string,
  { secret = purgeSecret, at = Math.floor(Date.now() / 1000), signedFor = address } = {},
): Record<string, string> {
  const key = createHmac('sha256', secret).update(VISITOR_HOP.keyLabel).digest();
  const v1 = createHmac('sha256', key).update(visitorHopSignedText(at, signedFor)).digest('hex');
  return { [VISITOR_HOP.header]: `a=${address},t=${at},v1=${v1}` };
}

let searches = 0;
/** A search no one asked for yet: never in the response cache. */
const newSearch = () => `/api/search?q=${encodeURIComponent(`limit probe ${Date.now()} ${(searches += 1)}`)}`;
const read = (path: string, headers: Record<string, string> = {}) => request.get(path).set(headers);

describe('the read limit', () => {
  it('refuses a visitor the reads over the limit with 429, Retry-After and the API error body', async () => {
    limit('reads', 5);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await read(newSearch())).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);

    const refused = await read('/api/articles?filters[slug][$eq]=never-asked-before');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toEqual({
      data: null,
      error: {
        status: 429,
        name: 'RateLimitError',
        message: expect.stringMatching(/^Too many requests from your connection/),
        details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
      },
    });
    // The router answers /API/… too: so does the limit.
    expect((await read(newSearch().replace('/api/', '/API/'))).status).toBe(429);
  });

  it('never counts nor refuses what the response cache answers', async () => {
    const cachedPath = '/api/categories?fields[0]=name&sort=name:asc';
    await read(cachedPath);
    limit('reads', 2);
    for (let i = 0; i < 10; i += 1) {
      const cached = await read(cachedPath);
      expect([cached.status, cached.headers['x-cache']]).toEqual([200, 'hit']);
    }
    expect((await read(newSearch())).status).toBe(200);
    expect((await read(newSearch())).status).toBe(200);
    expect((await read(newSearch())).status).toBe(429);
    expect((await read(cachedPath)).status).toBe(200);
  });

  it('gives the point back to a request Strapi authenticated with an API token', async () => {
    const { accessKey } = await strapi
      .service('admin::api-token')
      .create({ name: `read-limit-${Date.now()}`, type: 'read-only', lifespan: null });
    limit('reads', 2);
    for (let i = 0; i < 4; i += 1) {
      const withToken = await read(`/api/articles?filters[slug][$eq]=token-${i}`, {
        Authorization: `Bearer ${accessKey}`,
      });
      expect(withToken.status).toBe(200);
    }
    // A made-up token keeps its point, and the anonymous reads still have theirs.
    expect((await read(newSearch(), { Authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await read(newSearch())).status).toBe(200);
    expect((await read(newSearch())).status).toBe(429);
  });
});

describe("the site server's visitor header", () => {
  it("counts a page's reads against the reader it names, not against the site server", async () => {
    limit('reads', 2);
    const reader = visitorHeader('198.51.100.10');
    expect((await read(newSearch(), reader)).status).toBe(200);
    expect((await read(newSearch(), reader)).status).toBe(200);
    expect((await read(newSearch(), reader)).status).toBe(429);
    // The site server's own address has all its reads, and so has another reader.
    expect((await read(newSearch())).status).toBe(200);
    expect((await read(newSearch(), visitorHeader('2001:db8:10::1'))).status).toBe(200);
  });

  it('counts a forged, stale or borrowed header against the connection that sent it', async () => {
    limit('reads', 3);
    const forged = [
      visitorHeader('198.51.100.21', { secret: 'a guess' }),
      visitorHeader('198.51.100.22', { at: Math.floor(Date.now() / 1000) - 3600 }),
      // A header the site made for one reader, with another address written in.
      visitorHeader('198.51.100.23', { signedFor: '198.51.100.10' }),
    ];
    for (const headers of forged) expect((await read(newSearch(), headers)).status).toBe(200);
    // Those three were this connection's reads.
    expect((await read(newSearch())).status).toBe(429);
    expect((await read(newSearch(), { [VISITOR_HOP.header]: 'a=198.51.100.24' })).status).toBe(429);
    expect((await read(newSearch(), visitorHeader('not an address'))).status).toBe(429);
    expect((await read(newSearch(), visitorHeader('198.51.100.25'))).status).toBe(200);
  });

  it('is the visitor of the comment limit too, and the one whose hash is stored', async () => {
    const article = await publishedArticle();
    limit('comments', 1);
    const reader = visitorHeader('198.51.100.30');
    const comment = () => validComment(article.documentId);
    const firstComment = comment();
    expect((await request.post('/api/comments').set(reader).send({ data: firstComment })).status).toBe(201);
    expect((await request.post('/api/comments').set(reader).send({ data: comment() })).status).toBe(429);
    expect((await request.post('/api/comments').send({ data: comment() })).status).toBe(201);

    const stored = await strapi.db.query('api::comment.comment').findOne({ where: { body: firstComment.body } });
    expect(stored.ipHash).toBe(ipHash('198.51.100.30'));
  });
});

describe.skipIf(redisMissing)('with a Redis for state and one for caches', () => {
  let redis: TestRedis;
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let cms: CmsProcess;
  let stateUrl: string;
  let cacheUrl: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    // Two logical databases of the test Redis stand for the two servers of docker-compose.yml.
    [stateUrl, cacheUrl] = [0, 1].map((db) => Object.assign(new URL(redis.url), { pathname: `/${db}` }).href);
    database = await scratchDatabase('read_limits');
    cms = await startCmsProcess({
      DATABASE_URL: database.url,
      REDIS_URL: stateUrl,
      REDIS_CACHE_URL: cacheUrl,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      READ_RATE_MAX: '3',
      PURGE_SECRET: 'test-purge-secret',
    });
  }, 240_000);
  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
    const cache = new Redis(cacheUrl);
    const leftovers = await cache.keys(`${redis.keyPrefix}*`);
    if (leftovers.length) await cache.del(...leftovers);
    cache.disconnect();
    await redis?.stop();
  });

  it('keeps cached answers in the cache Redis and read limits in the state Redis', async () => {
    const get = (path: string) => fetch(`${cms.url}${path}`, { signal: AbortSignal.timeout(10_000) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(`/api/categories?pagination[pageSize]=${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Cached before the limit: still answered.
    expect((await get('/api/categories?pagination[pageSize]=1')).headers.get('x-cache')).toBe('hit');

    const [state, cache] = [new Redis(stateUrl), new Redis(cacheUrl)];
    try {
      const keys = async (client: Redis) =>
        (await client.keys(`${redis.keyPrefix}*`)).map((key) => key.slice(redis.keyPrefix.length));
      const [inState, inCache] = [await keys(state), await keys(cache)];
      expect(inCache.filter((key) => key.startsWith('api-cache:entry:'))).toHaveLength(3);
      expect(inCache.filter((key) => key.startsWith('reads'))).toEqual([]);
      expect(inState.filter((key) => key.startsWith('reads'))).not.toEqual([]);
      expect(inState.filter((key) => key.startsWith('api-cache:'))).toEqual([]);
    } finally {
      state.disconnect();
      cache.disconnect();
    }
  });
});

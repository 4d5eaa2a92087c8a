// @vitest-environment node
// Several site servers on one Redis: each finds the pages another rendered, and a purge that
// reaches one reaches all. Real Redis (REDIS_URL, or a throw-away redis-server; else skipped).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisTier } from '@medblog/shared/cache';
import { redisMissing, startTestRedis, type TestRedis } from '../../../cms/scripts/lib/test-redis.mjs';
import { createPageCache, pagesInRedis, type Answer } from './page-cache';

const page = (body: string): Answer => ({ status: 200, contentType: 'text/html', body, tags: ['articles'] });
const options = {
  maxBytes: 1024 * 1024,
  freshMs: 60_000,
  staleWhileRevalidateMs: 60_000,
  deadlineMs: 2000,
  shortLifeMs: 60_000,
};
const neverCalled = () => Promise.reject(new Error('no fallback expected'));

let redis: TestRedis;
const connections: RedisTier[] = [];

/** A site server's page cache on the test Redis. */
function server() {
  const shared = pagesInRedis({ url: redis.url, keyPrefix: redis.keyPrefix, ttlSeconds: 60 });
  connections.push(shared);
  return createPageCache({ ...options, shared });
}

async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 1000;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.skipIf(redisMissing)('site servers sharing one Redis', () => {
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await redis?.stop();
  });

  it('one renders a page, the others send it without rendering it again', async () => {
    const [a, b] = [server(), server()];
    await a.get('/articles/one', async () => page('rendered by a'), neverCalled);
    let renderedByB = false;
    await until(async () => {
      const { answer } = await b.get(
        '/articles/one',
        async () => {
          renderedByB = true;
          return page('rendered by b');
        },
        neverCalled,
      );
      return answer.body === 'rendered by a';
    });
    expect(renderedByB).toBe(false);
  });

  it('a purge that reaches one server makes every server render the page again, within a second', async () => {
    const [a, b] = [server(), server()];
    await a.get('/articles/two', async () => page('old'), neverCalled);
    await b.get('/articles/two', async () => page('old, from b'), neverCalled);
    b.purge(['articles']);

    let seen = '';
    await until(async () => {
      seen = (await a.get('/articles/two', async () => page('new'), neverCalled)).answer.body;
      return seen === 'new';
    });
    expect(seen).toBe('new');
    // A server started after the purge does not take the old copy from Redis either.
    const c = server();
    expect((await c.get('/articles/two', async () => page('new, from c'), neverCalled)).answer.body).not.toBe('old');
  });

  it('keeps serving from its own memory when Redis is unreachable', async () => {
    const shared = pagesInRedis({ url: 'redis://127.0.0.1:1', keyPrefix: 'none:', ttlSeconds: 60 });
    connections.push(shared);
    const alone = createPageCache({ ...options, shared });
    expect((await alone.get('/x', async () => page('local'), neverCalled)).answer.body).toBe('local');
    expect((await alone.get('/x', async () => page('again'), neverCalled)).state).toBe('hit');
  });

  it('keeps pages in the cache Redis, for a short time when short-lived, and purge records in the state Redis', async () => {
    // Two logical databases of the test Redis stand for the two servers of docker-compose.yml.
    const [stateUrl, cacheUrl] = [0, 1].map((db) => Object.assign(new URL(redis.url), { pathname: `/${db}` }).href);
    const shared = pagesInRedis({ url: stateUrl, cacheUrl, keyPrefix: redis.keyPrefix, ttlSeconds: 3600 });
    connections.push(shared);
    const cache = createPageCache({ ...options, shortLifeMs: 5000, shared });
    await cache.get('/articles/kept', async () => page('a page'), neverCalled);
    await cache.get('/missing', async () => ({ ...page('not found'), status: 404 }), neverCalled);
    await cache.get('/search?q=x', async () => ({ ...page('results'), shortLived: true }), neverCalled);
    cache.purge(['categories']);

    const [state, pages] = [new Redis(stateUrl), new Redis(cacheUrl)];
    try {
      const ttl = (key: string) => pages.ttl(`${redis.keyPrefix}page:${key}`);
      await until(async () => (await ttl('/search?q=x')) > 0);
      expect(await ttl('/articles/kept')).toBeGreaterThan(3000);
      expect(await ttl('/missing')).toBeGreaterThan(0);
      expect(await ttl('/missing')).toBeLessThanOrEqual(5);
      expect(await ttl('/search?q=x')).toBeLessThanOrEqual(5);
      expect(await state.exists(`${redis.keyPrefix}page:/articles/kept`)).toBe(0);
      await until(async () => (await state.hexists(`${redis.keyPrefix}page-purged`, 'categories')) === 1);
      expect(await state.hexists(`${redis.keyPrefix}page-purged`, 'categories')).toBe(1);
      expect(await pages.exists(`${redis.keyPrefix}page-purged`)).toBe(0);
    } finally {
      // The test Redis removes its keys from the first database only.
      const leftovers = await pages.keys(`${redis.keyPrefix}*`);
      if (leftovers.length) await pages.del(...leftovers);
      state.disconnect();
      pages.disconnect();
    }
  });
});

// @vitest-environment node
// The cache mechanism of the API cache and the page cache, property by property; the Redis tier
// on a real Redis (REDIS_URL, or a throw-away redis-server; else those tests are skipped).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisMissing, startTestRedis, type TestRedis } from '../../../cms/scripts/lib/test-redis.mjs';
import { createRedisTier, type RedisTier } from './redis-tier';
import { createTaggedCache, type Produced } from './tagged-cache';

const sizeOf = (value: string) => value.length;
const codec = { encode: (value: string) => Buffer.from(value), decode: (payload: Buffer) => payload.toString() };
const memoryCache = (options: { keepPurged?: boolean; maxBytes?: number } = {}) =>
  createTaggedCache<string>({ memory: { maxBytes: options.maxBytes ?? 1024 * 1024, sizeOf }, ...options });
const produced =
  (value: string, tags: string[], more: Partial<Produced<string>> = {}) =>
  async () => ({
    value,
    tags,
    ...more,
  });

/** A computation the test finishes when it wants; `started` once it has been called. */
function deferred() {
  let finish: (value: Produced<string>) => void = () => {};
  let begun: () => void = () => {};
  const started = new Promise<void>((resolve) => (begun = resolve));
  const produce = () =>
    new Promise<Produced<string>>((resolve) => {
      finish = resolve;
      begun();
    });
  return { produce, started, finish: (value: string, tags: string[]) => finish({ value, tags }) };
}

const valueOf = async (found: ReturnType<ReturnType<typeof memoryCache>['get']>) => (await found)?.value;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + 1000;
  while (!(await check()) && Date.now() < deadline) await pause(20);
}

describe('in memory', () => {
  it('a purge evicts exactly the entries carrying one of its tags', async () => {
    const cache = memoryCache();
    await cache.compute('/a', produced('a', ['articles', 'comments:a']));
    await cache.compute('/b', produced('b', ['articles', 'comments:b']));
    await cache.compute('/c', produced('c', ['categories']));
    expect(cache.purge(['comments:a']).here).toBe(1);
    expect(cache.get('/a')).toBeUndefined();
    expect(await valueOf(cache.get('/b'))).toBe('b');
    expect(cache.purge(['articles']).here).toBe(1);
    expect(cache.get('/b')).toBeUndefined();
    expect(await valueOf(cache.get('/c'))).toBe('c');
    expect(cache.stats().indexed).toBe(1);
  });

  it('with keepPurged, a purge marks entries as purged and keeps them as stale copies', async () => {
    const cache = memoryCache({ keepPurged: true });
    await cache.compute('/a', produced('a', ['articles']));
    await cache.compute('/c', produced('c', ['categories']));
    expect(cache.purge(['articles']).here).toBe(1);
    expect(cache.purge(['articles']).here).toBe(0);
    expect(cache.get('/a')).toMatchObject({ value: 'a', purged: true });
    expect(cache.get('/c')).toMatchObject({ value: 'c', purged: false });
  });

  it('stays within its byte bound, and evicted entries leave the tag index', async () => {
    const cache = memoryCache({ maxBytes: 100_000 });
    for (let i = 0; i < 5000; i += 1) await cache.compute(`/page/${i}`, produced('x'.repeat(500), ['articles', 'a']));
    const { entries, bytes, indexed } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(100_000);
    expect(entries).toBeGreaterThan(10);
    expect(entries).toBeLessThan(5000);
    expect(indexed).toBe(entries * 2);
    expect(cache.get('/page/4999')).toBeDefined();
    expect(cache.get('/page/0')).toBeUndefined();
    // An entry larger than the whole bound is not kept.
    expect((await cache.compute('/huge', produced('x'.repeat(200_000), ['a'])))?.kept).toBe(false);
  });

  it('a hit is answered without a promise', async () => {
    const cache = memoryCache();
    await cache.compute('/a', produced('a', ['articles']));
    expect(cache.get('/a')).not.toBeInstanceOf(Promise);
    expect(cache.get('/a')).toMatchObject({ value: 'a' });
    expect(cache.fresh('/a', 60_000)?.value).toBe('a');
    expect(cache.fresh('/a', -1)).toBeUndefined();
  });

  it('does not keep as current what was computed before a purge of its tags', async () => {
    for (const keepPurged of [false, true]) {
      const cache = memoryCache({ keepPurged });
      const old = deferred();
      const unrelated = deferred();
      const computing = cache.compute('/a', old.produce);
      const other = cache.compute('/b', unrelated.produce);
      cache.purge(['articles']);
      old.finish('old', ['articles']);
      unrelated.finish('b', ['categories']);
      expect((await computing)?.kept).toBe(false);
      expect((await other)?.kept).toBe(true);
      expect(cache.get('/a')?.purged ?? 'absent').toBe(keepPurged ? true : 'absent');
      expect(cache.get('/b')?.purged).toBe(false);
      // A ticket taken before the purge, stored after it: the same.
      const ticket = cache.begin();
      cache.purge(['articles']);
      expect((await cache.store('/c', ticket, { value: 'c', tags: ['articles'] })).kept).toBe(false);
    }
  });

  it('computes a key once for concurrent requests, and not for those arriving after a purge', async () => {
    const cache = memoryCache();
    let runs = 0;
    const { produce, finish } = deferred();
    const counted = () => ((runs += 1), produce());
    const first = cache.compute('/a', counted);
    const second = cache.compute('/a', counted);
    expect(cache.computing('/a')).toBe(true);
    cache.purge(['articles']);
    const afterPurge = cache.compute('/a', produced('new', ['articles']));
    finish('old', ['articles']);
    expect(runs).toBe(1);
    expect((await first)?.entry.value).toBe('old');
    expect((await second)?.entry.value).toBe('old');
    expect((await afterPurge)?.entry.value).toBe('new');
    expect(await valueOf(cache.get('/a'))).toBe('new');
    // join: false computes anew.
    await cache.compute('/a', produced('own', ['articles']), { join: false });
    expect(await valueOf(cache.get('/a'))).toBe('own');
  });

  it('serves fresh, stale while revalidating, and the stale copy while the origin fails or is slow', async () => {
    const cache = memoryCache({ keepPurged: true });
    const options = { freshMs: 100, staleWhileRevalidateMs: 5000, deadlineMs: 100 };
    const failing = async (): Promise<Produced<string>> => {
      throw new Error('origin down');
    };
    expect(await cache.serve('/a', produced('v1', ['articles']), options)).toMatchObject({ state: 'miss' });
    expect(await cache.serve('/a', failing, options)).toMatchObject({ state: 'hit', entry: { value: 'v1' } });
    await pause(150);
    expect(await cache.serve('/a', produced('v2', ['articles']), options)).toMatchObject({
      state: 'stale',
      entry: { value: 'v1' },
    });
    await until(() => !cache.computing('/a'));
    expect(await cache.serve('/a', failing, options)).toMatchObject({ state: 'hit', entry: { value: 'v2' } });

    cache.purge(['articles']);
    const errors: unknown[] = [];
    expect(await cache.serve('/a', failing, { ...options, onError: (error) => errors.push(error) })).toMatchObject({
      state: 'stale-if-error',
      entry: { value: 'v2' },
    });
    expect(errors).toHaveLength(1);
    const uncacheable = produced('503 page', ['articles'], { cacheable: false });
    expect(await cache.serve('/a', uncacheable, options)).toMatchObject({ state: 'stale-if-error' });
    const slow = () => pause(500).then(produced('late', ['articles']));
    expect(await cache.serve('/a', slow, options)).toMatchObject({ state: 'stale-if-error', entry: { value: 'v2' } });
    // Nothing to fall back on: 'error', with the uncacheable answer when there is one.
    expect(await cache.serve('/new', failing, options)).toEqual({ state: 'error' });
    expect(await cache.serve('/new', uncacheable, options)).toMatchObject({
      state: 'error',
      entry: { value: '503 page' },
    });
  });
});

describe.skipIf(redisMissing)('with Redis', () => {
  let redis: TestRedis;
  const tiers: RedisTier[] = [];
  const urls = () => [0, 1].map((db) => Object.assign(new URL(redis.url), { pathname: `/${db}` }).href);
  const names = { entry: 'test-entry:', purges: 'test-purged', clock: 'test-clock', channel: 'test-purges' };

  /** An instance: its own connections, memory unless `memory` is false. */
  function instance({ memory = true, state = urls()[0], entries = urls()[1] } = {}) {
    const options = { keyPrefix: redis.keyPrefix, commandTimeout: 200, maxRetriesPerRequest: 1 };
    const tier = createRedisTier({
      state: new Redis(state, options),
      entries: new Redis(entries, options),
      names,
      ttlMs: 60_000,
      listen: memory,
    });
    tiers.push(tier);
    return createTaggedCache<string>({ memory: memory ? { maxBytes: 1024 * 1024, sizeOf } : null, redis: tier, codec });
  }

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(tiers.map((tier) => tier.close()));
    const entries = new Redis(urls()[1]);
    const leftovers = await entries.keys(`${redis.keyPrefix}*`);
    if (leftovers.length) await entries.del(...leftovers);
    entries.disconnect();
    await redis?.stop();
  });

  it('shares entries between instances: one computes, the other reads it', async () => {
    const [a, b] = [instance(), instance()];
    expect((await a.compute('/shared', produced('from a', ['articles'])))?.kept).toBe(true);
    expect(await valueOf(b.get('/shared'))).toBe('from a');
    // Without memory too, and with the tags given beforehand.
    const c = instance({ memory: false });
    expect(await valueOf(c.get('/shared', ['articles']))).toBe('from a');
    expect(await valueOf(c.get('/shared', ['categories']))).toBe('from a');
  });

  it('keeps entries in the cache Redis and the purge clock and records in the state Redis', async () => {
    const a = instance();
    await a.compute('/split', produced('x', ['split-tag']));
    await a.purge(['other-tag']).everywhere;
    const [state, entries] = urls().map((url) => new Redis(url));
    try {
      const keys = async (client: Redis) =>
        (await client.keys(`${redis.keyPrefix}*`)).map((key) => key.slice(redis.keyPrefix.length));
      expect(await keys(entries)).toContain('test-entry:/split');
      expect(await keys(entries)).not.toContain('test-purged');
      expect(await keys(state)).toEqual(expect.arrayContaining(['test-purged', 'test-clock']));
      expect((await keys(state)).filter((key) => key.startsWith('test-entry:'))).toEqual([]);
    } finally {
      state.disconnect();
      entries.disconnect();
    }
  });

  it("a purge on one instance evicts from the other's memory and from Redis, exactly", async () => {
    const [a, b] = [instance(), instance()];
    await a.compute('/p1', produced('p1', ['purge-me']));
    await a.compute('/p2', produced('p2', ['keep-me']));
    expect(await valueOf(b.get('/p1'))).toBe('p1');
    expect(await valueOf(b.get('/p2'))).toBe('p2');
    await b.purge(['purge-me']).everywhere;
    // Heard by a: its memory drops /p1 (it would be a hit without a promise otherwise), keeps /p2.
    await until(() => a.stats().entries === 1);
    expect(a.stats().entries).toBe(1);
    expect(a.get('/p2')).toMatchObject({ value: 'p2' });
    expect(await a.get('/p1')).toBeUndefined();
    // A new instance does not take the purged entry from Redis, and takes the other.
    const c = instance();
    expect(await c.get('/p1')).toBeUndefined();
    expect(await valueOf(c.get('/p2'))).toBe('p2');
  });

  it('no instance serves what was computed before a purge by another instance', async () => {
    const [a, b] = [instance({ memory: false }), instance({ memory: false })];
    const old = deferred();
    const computing = a.compute('/race', old.produce);
    // The mark is taken before the computation starts.
    await old.started;
    await b.purge(['race-tag']).everywhere;
    old.finish('old', ['race-tag']);
    await computing;
    expect(await b.get('/race')).toBeUndefined();
    expect(await a.get('/race')).toBeUndefined();
    await b.compute('/race', produced('new', ['race-tag']));
    expect(await valueOf(a.get('/race'))).toBe('new');
  });

  it('answers while Redis is unreachable: from memory, or computed each time without memory', async () => {
    const down = { state: 'redis://127.0.0.1:1', entries: 'redis://127.0.0.1:1' };
    const withMemory = instance(down);
    expect((await withMemory.compute('/x', produced('local', ['articles'])))?.entry.value).toBe('local');
    expect(await valueOf(withMemory.get('/x'))).toBe('local');
    expect(withMemory.purge(['articles']).here).toBe(1);
    await withMemory.purge(['articles']).everywhere;

    const withoutMemory = instance({ ...down, memory: false });
    const outcome = await withoutMemory.compute('/x', produced('computed', ['articles']));
    expect(outcome).toMatchObject({ kept: false, entry: { value: 'computed' } });
    expect(await withoutMemory.get('/x')).toBeUndefined();
  });
});

/**
 * Where the public API's cached answers live (the HTTP side is ./middleware.ts), and how changes
 * evict them: the cache mechanism the site's page cache uses too (@medblog/shared/cache; why our
 * own and not a library is said at the top of shared/src/cache/tagged-cache.ts). Each entry carries
 * tags (PURGE_TAGS in @medblog/shared, plus CACHE_TAGS below); a change evicts exactly the entries
 * carrying one of its tags.
 *
 * - Without Redis: an LRU in this process's memory, bounded in bytes (config/api-cache.ts).
 * - With REDIS_CACHE_URL (REDIS_URL unless set): entries in that Redis, shared by every instance;
 *   the purge records in the state Redis (REDIS_URL, never evicted), so an eviction by one
 *   instance is one for all, at once (no memory tier in front that could lag). While Redis is
 *   unreachable nothing is cached (Strapi answers every request) and evictions wait until it is back.
 *
 * A miss takes a mark before Strapi reads anything; its answer is not stored (nor served from
 * Redis) if one of its tags was invalidated since, as it may hold what the change replaced.
 * Concurrent misses of one URL are computed once (compute).
 */
import type { Core } from '@strapi/strapi';
import { PURGE_TAGS } from '@medblog/shared';
import { createRedisTier, createTaggedCache, type TaggedCache } from '@medblog/shared/cache';
import { onContentChange } from '../content-changes';
import { cacheRedis, redis } from '../redis';

export interface CachedResponse {
  etag: string;
  body: Buffer;
}

/**
 * Stores the answer of a miss, unless its tags were invalidated since the miss began; says whether
 * it did (an answer that was kept is as fresh as any hit, so requests waiting on it may share it).
 */
export type StoreAnswer = (response: CachedResponse) => Promise<boolean>;

/** Tags of the cache's own, beside the purge tags of content changes. */
export const CACHE_TAGS = {
  /** Comment lists not limited to named articles: any approved comment may change them. */
  anyComments: 'comments',
  /** What page views change (the popular list), evicted when a batch of views is written. */
  views: 'views',
} as const;

/** The API's view of the shared mechanism, for the middleware, the page views and the tests. */
function responseStore(cache: TaggedCache<CachedResponse>) {
  return {
    /** The memory store answers at once: no promise, so a hit costs no trip through the microtask queue. */
    get(key: string, tags?: string[]): CachedResponse | undefined | Promise<CachedResponse | undefined> {
      const found = cache.get(key, tags);
      return found instanceof Promise ? found.then((entry) => entry?.value) : found?.value;
    },

    /** Called on a miss before the answer is computed. */
    async beginMiss(key: string, tags: string[], ttlMs: number): Promise<StoreAnswer> {
      const ticket = cache.begin();
      await ticket.redis;
      return async (response) => (await cache.store(key, ticket, { value: response, tags, ttlMs })).kept;
    },

    /**
     * Computes a miss once for all the requests asking meanwhile (`join: false`: a computation of
     * this request's own). Null when `produce` gives nothing to keep.
     */
    compute(
      key: string,
      tags: string[],
      ttlMs: number,
      produce: () => Promise<CachedResponse | null>,
      options?: { join?: boolean },
    ) {
      return cache.compute(
        key,
        async () => {
          const value = await produce();
          return value && { value, tags, ttlMs };
        },
        options,
      );
    },

    async invalidate(tags: string[]): Promise<void> {
      await cache.purge(tags).everywhere;
    },

    /** What memory holds: entries, their counted bytes, and tag index entries. */
    stats: () => cache.stats(),
  };
}

export type ResponseStore = ReturnType<typeof responseStore>;

export function memoryStore(maxBytes: number): ResponseStore {
  return responseStore(
    createTaggedCache<CachedResponse>({
      memory: { maxBytes, sizeOf: ({ body, etag }) => body.length + etag.length },
    }),
  );
}

/** In Redis: a value is its ETag, a newline, and its body. */
const codec = {
  encode: ({ etag, body }: CachedResponse) => Buffer.concat([Buffer.from(`${etag}\n`), body]),
  decode(payload: Buffer): CachedResponse {
    const newline = payload.indexOf(10);
    return { etag: payload.subarray(0, newline).toString(), body: payload.subarray(newline + 1) };
  },
};

export function redisStore(strapi: Core.Strapi, ttlMs: number): ResponseStore | null {
  const entries = cacheRedis(strapi);
  if (!entries) return null;
  const tier = createRedisTier({
    state: redis(strapi) ?? entries,
    entries,
    names: {
      entry: 'api-cache:entry:',
      purges: 'api-cache-purged',
      clock: 'api-cache-clock',
      channel: 'api-cache-purges',
    },
    ttlMs,
    onUnreachable: (error) => strapi.log.warn(`API cache: Redis is unreachable (${error.message})`),
  });
  return responseStore(createTaggedCache<CachedResponse>({ redis: tier, codec }));
}

let cache: ResponseStore | undefined;

/** This process's response store, made on first use: in Redis when configured, else in memory. */
export function apiCache(strapi: Core.Strapi): ResponseStore {
  if (cache) return cache;
  const { maxMegabytes, ttlSeconds } = strapi.config.get('api-cache') as { maxMegabytes: number; ttlSeconds: number };
  cache = redisStore(strapi, ttlSeconds * 1000) ?? memoryStore(maxMegabytes * 1024 * 1024);
  return cache;
}

/** A change to one article's comments also changes the lists of comments not limited to articles. */
function withCacheTags(tags: string[]): string[] {
  return tags.some((tag) => tag.startsWith(PURGE_TAGS.comments(''))) ? [...tags, CACHE_TAGS.anyComments] : tags;
}

/** Each content change evicts the cached answers carrying its tags. */
export function registerApiCache(strapi: Core.Strapi): void {
  onContentChange((tags) => {
    void apiCache(strapi).invalidate(withCacheTags(tags));
  });
}

/**
 * Where the public API's cached answers live (the HTTP side is src/middlewares/api-cache.ts), and
 * how changes evict them. Each entry carries tags (PURGE_TAGS in @medblog/shared, plus CACHE_TAGS
 * below); a change evicts exactly the entries carrying one of its tags.
 *
 * - Without Redis: an LRU in this process's memory, bounded in bytes (config/api-cache.ts).
 * - With REDIS_CACHE_URL (REDIS_URL unless set): entries and the tag → keys sets in Redis, shared by every instance, so an
 *   eviction by one instance is one for all. While Redis is unreachable nothing is cached (Strapi
 *   answers every request) and evictions wait until it is back.
 *
 * A miss takes a mark before Strapi reads anything; its answer is not stored if one of its tags was
 * invalidated since, as it may hold what the change replaced.
 */
import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { PURGE_TAGS } from '@medblog/shared';
import { onContentChange } from '../documents/content-changes';
import { cacheRedis } from './redis';

export interface CachedResponse {
  etag: string;
  body: Buffer;
}

/**
 * Stores the answer of a miss, unless its tags were invalidated since the miss began; says whether
 * it did (an answer that was kept is as fresh as any hit, so requests waiting on it may share it).
 */
export type StoreAnswer = (response: CachedResponse) => Promise<boolean>;

export interface ResponseStore {
  /** The memory store answers at once: no promise, so a hit costs no trip through the microtask queue. */
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  /** Called on a miss before the answer is computed. */
  beginMiss(key: string, tags: string[], ttlMs: number): Promise<StoreAnswer>;
  invalidate(tags: string[]): Promise<void>;
}

/** Tags of the cache's own, beside the purge tags of content changes. */
export const CACHE_TAGS = {
  /** Comment lists not limited to named articles: any approved comment may change them. */
  anyComments: 'comments',
  /** What page views change (the popular list), evicted when a batch of views is written. */
  views: 'views',
} as const;

// What an entry costs beyond its bytes: the LRU's bookkeeping, the object, each tag's index entry.
const ENTRY_OVERHEAD_BYTES = 256;
const TAG_OVERHEAD_BYTES = 96;

interface MemoryEntry extends CachedResponse {
  tags: string[];
}

export function memoryStore(maxBytes: number) {
  const keysByTag = new Map<string, Set<string>>();
  const lastInvalidation = new Map<string, number>();
  let clock = 0;
  const entries = new LRUCache<string, MemoryEntry>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) =>
      entry.body.length +
      entry.etag.length +
      key.length +
      ENTRY_OVERHEAD_BYTES +
      TAG_OVERHEAD_BYTES * entry.tags.length,
    // However an entry goes (evicted, expired, invalidated, replaced), its tags forget it.
    dispose: (entry, key) => {
      for (const tag of entry.tags) {
        const keys = keysByTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) keysByTag.delete(tag);
      }
    },
  });

  return {
    get(key: string): CachedResponse | undefined {
      return entries.get(key);
    },

    async beginMiss(key: string, tags: string[], ttlMs: number): Promise<StoreAnswer> {
      const began = clock;
      return async ({ etag, body }) => {
        if (tags.some((tag) => (lastInvalidation.get(tag) ?? -1) > began)) return false;
        entries.set(key, { etag, body, tags }, { ttl: ttlMs });
        // An entry larger than the whole bound is not kept.
        if (!entries.has(key)) return false;
        for (const tag of tags) {
          if (!keysByTag.has(tag)) keysByTag.set(tag, new Set());
          keysByTag.get(tag)!.add(key);
        }
        return true;
      };
    },

    async invalidate(tags: string[]): Promise<void> {
      clock += 1;
      for (const tag of tags) {
        lastInvalidation.set(tag, clock);
        for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
      }
    },

    /** What the cache holds: entries, their counted bytes, and tag index entries. */
    stats() {
      const indexed = [...keysByTag.values()].reduce((sum, keys) => sum + keys.size, 0);
      return { entries: entries.size, bytes: entries.calculatedSize, indexed };
    },
  };
}

const ENTRY_PREFIX = 'api-cache:entry:';
const TAG_PREFIX = 'api-cache:tag:';
const VERSION_PREFIX = 'api-cache:version:';

// KEYS: the entry, then each tag's key set, then each tag's version; ARGV: the value, its TTL in
// ms, then the versions read when the miss began. A tag's set lives as long as its longest entry.
const STORE_SCRIPT = `
local n = (#KEYS - 1) / 2
for i = 1, n do
  if (redis.call('GET', KEYS[1 + n + i]) or '0') ~= ARGV[2 + i] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 1, n do
  redis.call('SADD', KEYS[1 + i], KEYS[1])
  if redis.call('PTTL', KEYS[1 + i]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1 + i], ARGV[2]) end
end
return 1`;

// KEYS: pairs of a tag's key set and its version. Deletes the tag's entries, counts the change.
const INVALIDATE_SCRIPT = `
for i = 1, #KEYS, 2 do
  local keys = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #keys, 500 do redis.call('DEL', unpack(keys, j, math.min(j + 499, #keys))) end
  redis.call('DEL', KEYS[i])
  redis.call('INCR', KEYS[i + 1])
end
return 1`;

const skipStore: StoreAnswer = async () => false;

export function redisStore(client: Redis, log: Core.Strapi['log']): ResponseStore {
  const ready = () => client.status === 'ready';
  // Evictions that could not reach Redis, sent again once it is back.
  const pending = new Set<string>();

  async function send(tags: string[]): Promise<void> {
    if (!ready()) throw new Error('Redis is not connected');
    const keys = tags.flatMap((tag) => [TAG_PREFIX + tag, VERSION_PREFIX + tag]);
    await client.eval(INVALIDATE_SCRIPT, keys.length, ...keys);
  }

  async function invalidate(tags: string[]): Promise<void> {
    try {
      await send(tags);
    } catch (error) {
      tags.forEach((tag) => pending.add(tag));
      log.warn(`API cache: eviction of ${tags.join(', ')} waits for Redis (${(error as Error).message})`);
    }
  }

  client.on('ready', () => {
    if (!pending.size) return;
    const tags = [...pending];
    pending.clear();
    void invalidate(tags);
  });

  return {
    async get(key) {
      if (!ready()) return undefined;
      try {
        const value = await client.getBuffer(ENTRY_PREFIX + key);
        if (!value) return undefined;
        const newline = value.indexOf(10);
        return { etag: value.subarray(0, newline).toString(), body: value.subarray(newline + 1) };
      } catch {
        return undefined;
      }
    },

    async beginMiss(key, tags, ttlMs) {
      if (!ready()) return skipStore;
      let versions: (string | null)[];
      try {
        versions = await client.mget(tags.map((tag) => VERSION_PREFIX + tag));
      } catch {
        return skipStore;
      }
      return async ({ etag, body }) => {
        const keys = [
          ENTRY_PREFIX + key,
          ...tags.map((tag) => TAG_PREFIX + tag),
          ...tags.map((t) => VERSION_PREFIX + t),
        ];
        const value = Buffer.concat([Buffer.from(`${etag}\n`), body]);
        const stored = await client
          .eval(STORE_SCRIPT, keys.length, ...keys, value, ttlMs, ...versions.map((version) => version ?? '0'))
          .catch(() => 0);
        return stored === 1;
      };
    },

    invalidate,
  };
}

let cache: ResponseStore | undefined;

/** This process's response store, made on first use: in Redis when configured, else in memory. */
export function apiCache(strapi: Core.Strapi): ResponseStore {
  if (cache) return cache;
  const client = cacheRedis(strapi);
  const { maxMegabytes } = strapi.config.get('api-cache') as { maxMegabytes: number };
  cache = client ? redisStore(client, strapi.log) : memoryStore(maxMegabytes * 1024 * 1024);
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

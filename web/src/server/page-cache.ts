/**
 * The server's cache of finished answers (pages, feeds): the cache mechanism the CMS's API cache
 * uses too (@medblog/shared/cache; why our own and not a library is said at the top of
 * shared/src/cache/tagged-cache.ts), with what is the site's own: answers kept with their
 * compressed bytes, which answers are worth keeping and for how long, the fallback page.
 *
 *   fresh (younger than freshMs)          → sent as it is
 *   older, within staleWhileRevalidateMs  → sent, and made again in the background
 *   purged by the CMS, older, or missing  → made now; while the CMS fails or is slow, the last
 *                                           copy is sent instead (stale-if-error)
 *
 * In memory, bounded in bytes. 404s, 410s, redirects and answers marked shortLived (a search's
 * results) are kept shortLifeMs only, here and in Redis: any address can be asked for, and such
 * answers are rarely asked twice.
 *
 * Concurrent requests for one address share one render. A render that started before a purge of
 * what it shows is stored as already purged, so a change is never hidden by an old render.
 *
 * With Redis (pagesInRedis, when REDIS_URL is set), every site server behind the load balancer
 * finds the pages another rendered, and a purge call that reaches one of them reaches all
 * (published on a channel, and recorded per tag so a stored copy older than a purge is not used).
 * Pages may live in a Redis of their own that drops keys when full (REDIS_CACHE_URL,
 * maxmemory-policy allkeys-lru): losing a page costs a render. The purge records and the purge
 * channel stay on the state Redis (REDIS_URL, noeviction): a lost record would let a page older
 * than a purge be served as current. A Redis that is down or slow never fails a page: each server
 * then works from its own memory.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { createRedisTier, createTaggedCache, type RedisTier } from '@medblog/shared/cache';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** Purge tags of what the answer shows (shared/src/purge.ts). */
  tags: string[];
  location?: string;
  /** Kept shortLifeMs only, like every answer other than a 200. */
  shortLived?: boolean;
  /** Made with a stand-in for what the CMS does not have yet: sent, never kept (nor by a CDN). */
  provisional?: boolean;
}

export interface CachedAnswer extends Answer {
  bytes: Buffer;
  brotli: Buffer;
  gzip: Buffer;
  etag: string;
}

export type CacheState = 'hit' | 'stale' | 'miss' | 'stale-if-error' | 'error';

export interface PageCacheOptions {
  maxBytes: number;
  freshMs: number;
  staleWhileRevalidateMs: number;
  /** How long a request waits for a render before the stale copy or `fallback` answers. */
  deadlineMs: number;
  /** How long a 404, a 410, a redirect or a short-lived answer is kept, here and in Redis. */
  shortLifeMs: number;
  /** The Redis tier shared by site servers (pagesInRedis). */
  shared?: RedisTier | null;
}

export interface GetOptions {
  /**
   * Called before this request starts a render of its own (not for a hit, a stale copy or a render
   * already running); what it throws is thrown by `get`, and nothing is rendered.
   */
  beforeRender?: () => Promise<void>;
}

/** No Redis command may hold a reader up longer. */
const COMMAND_TIMEOUT_MS = 200;

/** The page cache's Redis tier: pages on `cacheUrl` (the state Redis unless given), purges on `url`. */
export function pagesInRedis({
  url,
  cacheUrl = url,
  keyPrefix,
  ttlSeconds,
}: {
  /** The state Redis: purge records and the purge channel. */
  url: string;
  cacheUrl?: string;
  keyPrefix: string;
  /** Life of a page in Redis (long enough to serve as the stale copy while the CMS is down). */
  ttlSeconds: number;
}): RedisTier {
  // Commands wait for the connection at most COMMAND_TIMEOUT_MS, then the page goes on without them.
  const options = { keyPrefix, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 };
  const state = new Redis(url, options);
  return createRedisTier({
    state,
    entries: cacheUrl === url ? state : new Redis(cacheUrl, options),
    names: { entry: 'page:', purges: 'page-purged', clock: 'page-clock', channel: 'page-purges' },
    ttlMs: ttlSeconds * 1000,
    listen: true,
    onUnreachable: (error) =>
      console.warn(`Redis is unreachable (${error.message}): pages are cached in this server only meanwhile`),
  });
}

/** Answers worth keeping: a page, a redirect, a "not found". Not a failure of the CMS. */
const cacheable = (answer: Answer) => answer.status < 500 && !answer.provisional;
const isShortLived = (answer: Answer) => answer.status !== 200 || answer.shortLived === true;

function prepare(answer: Answer): CachedAnswer {
  const bytes = Buffer.from(answer.body, 'utf8');
  return {
    ...answer,
    bytes,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip: gzipSync(bytes, { level: 6 }),
    etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"`,
  };
}

/** In Redis a page is its answer as JSON, without the bytes made from it. */
const codec = {
  encode: ({ status, contentType, body, tags, location, shortLived }: CachedAnswer) =>
    Buffer.from(JSON.stringify({ status, contentType, body, tags, location, shortLived })),
  decode: (payload: Buffer) => prepare(JSON.parse(payload.toString()) as Answer),
};

export function createPageCache({
  maxBytes,
  freshMs,
  staleWhileRevalidateMs,
  deadlineMs,
  shortLifeMs,
  shared,
}: PageCacheOptions) {
  const cache = createTaggedCache<CachedAnswer>({
    // The text is kept beside its bytes: V8 stores it in one or two bytes a character, so count two.
    memory: {
      maxBytes,
      sizeOf: (entry) => entry.body.length * 2 + entry.bytes.length + entry.brotli.length + entry.gzip.length,
      // Short-lived answers go when their life ends, not when the byte bound pushes them out.
      sweepMs: Math.max(1000, shortLifeMs),
    },
    keepPurged: true,
    redis: shared,
    codec,
  });

  async function render(produce: () => Promise<Answer>) {
    const answer = await produce();
    return {
      value: prepare(answer),
      tags: answer.tags,
      ttlMs: isShortLived(answer) ? shortLifeMs : undefined,
      cacheable: cacheable(answer),
    };
  }

  async function get(
    key: string,
    produce: () => Promise<Answer>,
    fallback: () => Promise<Answer>,
    { beforeRender }: GetOptions = {},
  ): Promise<{ answer: CachedAnswer; state: CacheState }> {
    // The common case first, at the cost of one lookup.
    const hit = cache.fresh(key, freshMs);
    if (hit) return { answer: hit.value, state: 'hit' };
    const { state, entry } = await cache.serve(key, () => render(produce), {
      freshMs,
      staleWhileRevalidateMs,
      deadlineMs,
      beforeCompute: beforeRender,
      onError: (error, background) =>
        console.error(`${background ? 'Background render' : 'Render'} of ${key} failed:`, error),
    });
    return { answer: entry?.value ?? prepare(await fallback()), state };
  }

  return {
    get,
    /** Marks every answer showing one of `tags` as out of date, on every server; returns how many here. */
    purge: (tags: string[]) => cache.purge(tags).here,
    stats: () => {
      const { entries, bytes } = cache.stats();
      return { entries, bytes };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/**
 * The server's cache of finished answers (pages, feeds), bounded in bytes (lru-cache).
 *
 *   fresh (younger than freshMs)          → sent as it is
 *   older, within staleWhileRevalidateMs  → sent, and made again in the background
 *   purged by the CMS, older, or missing  → made now; while the CMS fails or is slow, the last
 *                                           copy is sent instead (stale-if-error)
 *
 * 404s, 410s, redirects and answers marked shortLived (a search's results) are kept shortLifeMs
 * only, here and in the shared tier: any address can be asked for, and such answers are rarely
 * asked twice.
 *
 * Concurrent requests for one address share one render. A render that started before a purge of
 * what it shows is stored as already purged, so a change is never hidden by an old render.
 * With a shared tier (shared-pages.ts, Redis), servers share their renders and their purges.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { SharedPages } from './shared-pages';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** Purge tags of what the answer shows (shared/src/purge.ts). */
  tags: string[];
  location?: string;
  /** Kept shortLifeMs only, like every answer other than a 200. */
  shortLived?: boolean;
}

export interface CachedAnswer extends Answer {
  bytes: Buffer;
  brotli: Buffer;
  gzip: Buffer;
  etag: string;
  storedAt: number;
  purged: boolean;
}

export type CacheState = 'hit' | 'stale' | 'miss' | 'stale-if-error' | 'error';

export interface PageCacheOptions {
  maxBytes: number;
  freshMs: number;
  staleWhileRevalidateMs: number;
  /** How long a request waits for a render before the stale copy or `fallback` answers. */
  deadlineMs: number;
  /** How long a 404, a 410, a redirect or a short-lived answer is kept, here and in the shared tier. */
  shortLifeMs: number;
  shared?: SharedPages | null;
}

export interface GetOptions {
  /**
   * Called before this request starts a render of its own (not for a hit, a stale copy or a render
   * already running); what it throws is thrown by `get`, and nothing is rendered.
   */
  beforeRender?: () => Promise<void>;
}

/** Answers worth keeping: a page, a redirect, a "not found". Not a failure of the CMS. */
const cacheable = (answer: Answer) => answer.status < 500;
const isShortLived = (answer: Answer) => answer.status !== 200 || answer.shortLived === true;

function prepare(answer: Answer, storedAt: number, purged: boolean): CachedAnswer {
  const bytes = Buffer.from(answer.body, 'utf8');
  return {
    ...answer,
    bytes,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip: gzipSync(bytes, { level: 6 }),
    etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"`,
    storedAt,
    purged,
  };
}

export function createPageCache({
  maxBytes,
  freshMs,
  staleWhileRevalidateMs,
  deadlineMs,
  shortLifeMs,
  shared,
}: PageCacheOptions) {
  const entries = new LRUCache<string, CachedAnswer>({
    maxSize: maxBytes,
    // The text is kept beside its bytes: V8 stores it in one or two bytes a character, so count two.
    sizeCalculation: (entry) =>
      entry.body.length * 2 + entry.bytes.length + entry.brotli.length + entry.gzip.length + 512,
  });
  // lru-cache drops an expired entry only when it is asked for: short-lived answers go when their
  // life ends instead, not when the byte bound pushes them out.
  setInterval(() => entries.purgeStale(), Math.max(1000, shortLifeMs)).unref();
  const rendering = new Map<string, Promise<CachedAnswer>>();
  const purgedAt = new Map<string, number>();

  /** Keeps `answer` here, for its life: without end (the LRU's bound aside), or shortLifeMs. */
  function keep(key: string, answer: CachedAnswer) {
    entries.set(key, answer, isShortLived(answer) ? { ttl: shortLifeMs } : {});
  }

  /** Makes the answer for `key` once, however many requests wait for it, and keeps it if it is worth keeping. */
  function refresh(key: string, produce: () => Promise<Answer>): Promise<CachedAnswer> {
    const running = rendering.get(key);
    if (running) return running;
    const startedAt = Date.now();
    const render = produce()
      .then((answer) => {
        const purgedSince = answer.tags.some((tag) => (purgedAt.get(tag) ?? 0) >= startedAt);
        const prepared = prepare(answer, startedAt, purgedSince);
        const newer = (entries.peek(key)?.storedAt ?? 0) > startedAt;
        if (cacheable(answer) && !newer) {
          keep(key, prepared);
          const ttlSeconds = isShortLived(answer) ? Math.max(1, Math.ceil(shortLifeMs / 1000)) : undefined;
          if (!purgedSince) shared?.set(key, { ...answer, storedAt: startedAt }, ttlSeconds);
        }
        return prepared;
      })
      .finally(() => {
        if (rendering.get(key) === render) rendering.delete(key);
      });
    rendering.set(key, render);
    return render;
  }

  async function get(
    key: string,
    produce: () => Promise<Answer>,
    fallback: () => Promise<Answer>,
    { beforeRender }: GetOptions = {},
  ): Promise<{ answer: CachedAnswer; state: CacheState }> {
    const kept = entries.get(key) ?? (shared ? await fromShared(key) : undefined);
    const age = kept ? Date.now() - kept.storedAt : Infinity;
    if (kept && !kept.purged && age < freshMs) return { answer: kept, state: 'hit' };
    if (kept && !kept.purged && age < freshMs + staleWhileRevalidateMs) {
      refresh(key, produce).catch((error) => console.error(`Background render of ${key} failed:`, error));
      return { answer: kept, state: 'stale' };
    }
    if (beforeRender && !rendering.has(key)) await beforeRender();

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(resolve, deadlineMs, null)));
    try {
      const fresh = await Promise.race([refresh(key, produce), deadline]);
      if (fresh && cacheable(fresh)) return { answer: fresh, state: 'miss' };
      if (kept) return { answer: kept, state: 'stale-if-error' };
      return { answer: fresh ?? prepare(await fallback(), Date.now(), true), state: 'error' };
    } catch (error) {
      console.error(`Render of ${key} failed:`, error);
      if (kept) return { answer: kept, state: 'stale-if-error' };
      return { answer: prepare(await fallback(), Date.now(), true), state: 'error' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Another server's render of `key`, kept here too. */
  async function fromShared(key: string): Promise<CachedAnswer | undefined> {
    const stored = await shared?.get(key);
    if (!stored) return undefined;
    const prepared = prepare(stored, stored.storedAt, false);
    keep(key, prepared);
    return prepared;
  }

  /** Marks every answer showing one of `tags` as out of date, on every server; returns how many here. */
  function purge(tags: string[]): number {
    shared?.purge(tags);
    return purgeHere(tags);
  }

  function purgeHere(tags: string[]): number {
    const now = Date.now();
    for (const tag of tags) purgedAt.set(tag, now);
    // Requests from now on start renders of their own rather than wait for one begun before the change.
    rendering.clear();
    let count = 0;
    for (const entry of entries.values()) {
      if (!entry.purged && entry.tags.some((tag) => tags.includes(tag))) {
        entry.purged = true;
        count += 1;
      }
    }
    return count;
  }

  // Purges that reached another server.
  shared?.onPurge(purgeHere);

  return { get, purge, stats: () => ({ entries: entries.size, bytes: entries.calculatedSize }) };
}

export type PageCache = ReturnType<typeof createPageCache>;

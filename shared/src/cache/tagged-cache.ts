/**
 * One cache mechanism for the CMS's API responses (cms/src/platform/cache/) and the site's pages
 * (web/src/server/page-cache.ts). Node only: imported as `@medblog/shared/cache`, never by the
 * browser bundle (the package's main entry does not export it).
 *
 * Why our own and not a library: bentocache 1.6.1 (tags, L1 with maxSize, L2 Redis, bus, grace,
 * stampede protection) was read and tried. (a) It stamps an entry's createdAt when the factory
 * returns (CacheStack.set: `createdAt: Date.now()`) and a tag invalidation expires entries with
 * createdAt <= its time (TagSystem.isTagInvalidated): an answer whose factory began before an
 * invalidation and ended after it is served as current, which our "purge while computing" rule
 * forbids (tried: getOrSet returns the old value after deleteByTag during its factory). (b) Every
 * get is a promise and checks each tag through a nested getOrSet; measured here (Node 20, memory
 * driver): a getOrSet hit took ~23 µs without tags and ~250 µs with two tags, against ~0.1 µs for
 * the synchronous lru-cache lookup our memory hit is, and the benches' bounds (cached API >= 40%,
 * cached page >= 45% of a raw Node server) leave no room for that. Its tag invalidation times
 * are also clocks compared across instances. So: this module, on lru-cache and ioredis.
 *
 * What it does:
 * - Entries carry tags; a purge of a tag reaches exactly the entries carrying it: they go, or,
 *   with keepPurged, stay marked purged as the copy to send while the origin fails (stale-if-error).
 * - Memory: an LRU bounded in bytes (sizeOf), with a tag index that forgets evicted entries.
 * - Optional Redis tier (./redis-tier.ts) shared by instances: entries in the cache Redis, purge
 *   records in the state Redis, purges published to every instance's memory. Redis down: the
 *   memory (or, without it, the origin) answers; nothing waits for it.
 * - A computation takes a mark before it starts; if a tag of its answer is purged meanwhile, the
 *   answer is not stored as current (memory: kept purged or dropped; Redis: its mark is older
 *   than the purge record, so no instance serves it).
 * - Concurrent computations of one key are one (compute); a purge lets later requests start their own.
 * - `serve`: fresh / stale-while-revalidate / stale-if-error with a deadline, for callers that want it.
 */
import { LRUCache } from 'lru-cache';
import type { RedisTier, StoredEntry } from './redis-tier.js';

export interface CacheEntry<V> {
  value: V;
  tags: string[];
  /** When its computation began (ms since the epoch). */
  storedAt: number;
  /** Purged since it was stored: only a stale copy (kept with keepPurged). */
  purged: boolean;
}

/** What a computation gives: the value, its tags, and whether (and how long) it may be kept. */
export interface Produced<V> {
  value: V;
  tags: string[];
  /** Life in both tiers; without it memory keeps it while it fits, Redis for the tier's ttlMs. */
  ttlMs?: number;
  /** False: given to the waiting requests, never stored (an error of the origin). */
  cacheable?: boolean;
}

export interface Outcome<V> {
  entry: CacheEntry<V>;
  /** Stored as current (a purge during the computation, or an uncacheable value, keeps nothing current). */
  kept: boolean;
  cacheable: boolean;
}

/** The marks a computation takes before it starts. */
export interface Ticket {
  startedAt: number;
  local: number;
  /** The Redis purge clock (null: unknown, the answer stays out of Redis). */
  redis: Promise<number | null> | null;
}

export interface TaggedCacheOptions<V> {
  /**
   * Entries in this process: bounded in bytes as `sizeOf` counts them. Null: none. lru-cache drops
   * an expired entry only when asked for it; with `sweepMs`, expired entries go that often instead
   * (a sweep visits every entry: for caches whose entries have short lives).
   */
  memory?: { maxBytes: number; sizeOf: (value: V, key: string) => number; sweepMs?: number } | null;
  /** Keep purged entries (marked) as stale copies until the bound pushes them out. */
  keepPurged?: boolean;
  redis?: RedisTier | null;
  /** How values go to and come from Redis. */
  codec?: { encode: (value: V) => Buffer; decode: (payload: Buffer, entry: StoredEntry) => V };
}

export type ServeState = 'hit' | 'stale' | 'miss' | 'stale-if-error' | 'error';

export interface ServeOptions {
  freshMs: number;
  staleWhileRevalidateMs: number;
  /** How long a request waits for a computation before a stale copy answers (or 'error'). */
  deadlineMs: number;
  /** Before a computation of this request's own; what it throws is thrown by serve. */
  beforeCompute?: () => Promise<void>;
  onError?: (error: unknown, background: boolean) => void;
}

// What an entry costs beyond what sizeOf counts: the LRU's bookkeeping, the object, each tag's index entry.
const ENTRY_OVERHEAD_BYTES = 256;
const TAG_OVERHEAD_BYTES = 96;

export function createTaggedCache<V>({ memory, keepPurged = false, redis, codec }: TaggedCacheOptions<V>) {
  if (redis && !codec) throw new Error('A Redis tier needs a codec');
  const keysByTag = new Map<string, Set<string>>();
  const entries = memory
    ? new LRUCache<string, CacheEntry<V>>({
        maxSize: memory.maxBytes,
        sizeCalculation: (entry, key) =>
          memory.sizeOf(entry.value, key) + key.length + ENTRY_OVERHEAD_BYTES + TAG_OVERHEAD_BYTES * entry.tags.length,
        // However an entry goes (evicted, expired, purged, replaced), its tags forget it.
        dispose: (entry, key) => {
          for (const tag of entry.tags) {
            const keys = keysByTag.get(tag);
            keys?.delete(key);
            if (keys?.size === 0) keysByTag.delete(tag);
          }
        },
      })
    : null;
  if (entries && memory?.sweepMs) setInterval(() => entries.purgeStale(), memory.sweepMs).unref();

  // This process's purge clock: a purge of a tag records the clock's new value.
  let clock = 0;
  const lastPurge = new Map<string, number>();
  const computing = new Map<string, Promise<Outcome<V> | null>>();

  const purgedSince = (tags: string[], mark: number) => tags.some((tag) => (lastPurge.get(tag) ?? -1) > mark);

  function remember(key: string, entry: CacheEntry<V>, ttlMs?: number): boolean {
    if (!entries) return false;
    entries.set(key, entry, ttlMs === undefined ? {} : { ttl: ttlMs });
    // An entry larger than the whole bound is not kept.
    if (!entries.has(key)) return false;
    for (const tag of entry.tags) {
      if (!keysByTag.has(tag)) keysByTag.set(tag, new Set());
      keysByTag.get(tag)!.add(key);
    }
    return true;
  }

  async function fromRedis(key: string, tags?: string[]): Promise<CacheEntry<V> | undefined> {
    const mark = clock;
    const stored = await redis!.get(key, tags);
    // Purged here while Redis answered: not current.
    if (!stored || purgedSince(stored.tags, mark)) return undefined;
    const value = codec!.decode(stored.payload, stored);
    const entry = { value, tags: stored.tags, storedAt: stored.storedAt, purged: false };
    const life = stored.ttlMs === undefined ? undefined : stored.storedAt + stored.ttlMs - Date.now();
    if (life === undefined || life > 0) remember(key, entry, life);
    return entry;
  }

  /**
   * The entry for `key`, current or (keepPurged) purged. From memory without a promise, so a hit
   * costs no trip through the microtask queue; from Redis (when memory has none) with one.
   * `tags`, when known, lets Redis check purges in the same round trip.
   */
  function get(key: string, tags?: string[]): CacheEntry<V> | undefined | Promise<CacheEntry<V> | undefined> {
    const found = entries?.get(key);
    if (found || !redis) return found;
    return fromRedis(key, tags);
  }

  /** The entry for `key` if memory holds it current and younger than `freshMs`: serve's hit, without a promise. */
  function fresh(key: string, freshMs: number): CacheEntry<V> | undefined {
    const found = entries?.get(key);
    return found && !found.purged && Date.now() - found.storedAt < freshMs ? found : undefined;
  }

  /** Marks taken before a computation starts (the local one at once). */
  function begin(): Ticket {
    return { startedAt: Date.now(), local: clock, redis: redis ? redis.mark() : null };
  }

  /** Stores what a computation begun with `ticket` produced, as current unless a tag was purged since. */
  async function store(key: string, ticket: Ticket, produced: Produced<V>): Promise<Outcome<V>> {
    const { value, tags, ttlMs, cacheable = true } = produced;
    const purged = purgedSince(tags, ticket.local);
    const entry: CacheEntry<V> = { value, tags, storedAt: ticket.startedAt, purged };
    if (!cacheable) return { entry, kept: false, cacheable };
    // Never replaces an entry whose computation began later.
    if ((entries?.peek(key)?.storedAt ?? 0) > ticket.startedAt) return { entry, kept: false, cacheable };
    let kept = false;
    if (!purged || keepPurged) kept = remember(key, entry, ttlMs) && !purged;
    const mark = ticket.redis && (await ticket.redis);
    if (redis && !purged && mark !== null && mark !== undefined) {
      const payload = codec!.encode(value);
      const stored = await redis.set(key, { tags, mark, storedAt: ticket.startedAt, ttlMs, payload }, ttlMs);
      kept ||= stored;
    }
    return { entry, kept, cacheable };
  }

  /**
   * Computes `key` once however many ask at once: a request arriving meanwhile shares the running
   * computation (its own `produce` is not called), unless `join` is false. Null when `produce`
   * gives nothing.
   */
  function compute(
    key: string,
    produce: () => Promise<Produced<V> | null>,
    { join = true }: { join?: boolean } = {},
  ): Promise<Outcome<V> | null> {
    const running = join && computing.get(key);
    if (running) return running;
    const ticket = begin();
    // Without Redis, `produce` starts now; with it, once the Redis mark is taken.
    const produced = ticket.redis ? ticket.redis.then(produce) : produce();
    const outcome = produced
      .then((result) => (result ? store(key, ticket, result) : null))
      .finally(() => {
        if (computing.get(key) === outcome) computing.delete(key);
      });
    computing.set(key, outcome);
    return outcome;
  }

  /** Purges `tags` in this process only (a purge heard from another instance); returns how many entries. */
  function purgeHere(tags: string[]): number {
    clock += 1;
    for (const tag of tags) lastPurge.set(tag, clock);
    // Requests from now on start computations of their own rather than wait for one begun before.
    computing.clear();
    let count = 0;
    for (const tag of tags) {
      for (const key of [...(keysByTag.get(tag) ?? [])]) {
        const entry = entries!.peek(key);
        if (!entry || entry.purged) continue;
        count += 1;
        if (keepPurged) entry.purged = true;
        else entries!.delete(key);
      }
    }
    return count;
  }

  /** Purges `tags` here and, with Redis, on every instance; returns how many entries here. */
  function purge(tags: string[]): { here: number; everywhere: Promise<void> } {
    const here = purgeHere(tags);
    return { here, everywhere: redis ? redis.purge(tags) : Promise.resolve() };
  }

  redis?.onPurge(purgeHere);

  /**
   * The value for `key`: fresh from the cache; stale (within staleWhileRevalidateMs) while it is
   * computed again in the background; else computed now, and while the computation fails, gives
   * an uncacheable value or passes deadlineMs, the last copy (stale-if-error) or 'error'.
   */
  async function serve(
    key: string,
    produce: () => Promise<Produced<V>>,
    { freshMs, staleWhileRevalidateMs, deadlineMs, beforeCompute, onError }: ServeOptions,
  ): Promise<{ state: ServeState; entry?: CacheEntry<V> }> {
    // Not awaited when memory answers: a computation then starts (and takes its mark) in this tick.
    const found = get(key);
    const kept = found instanceof Promise ? await found : found;
    const age = kept ? Date.now() - kept.storedAt : Infinity;
    if (kept && !kept.purged && age < freshMs) return { state: 'hit', entry: kept };
    if (kept && !kept.purged && age < freshMs + staleWhileRevalidateMs) {
      compute(key, produce).catch((error) => onError?.(error, true));
      return { state: 'stale', entry: kept };
    }
    if (beforeCompute && !computing.has(key)) await beforeCompute();

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(resolve, deadlineMs, null)));
    try {
      const outcome = await Promise.race([compute(key, produce), deadline]);
      if (outcome?.cacheable) return { state: 'miss', entry: outcome.entry };
      if (kept) return { state: 'stale-if-error', entry: kept };
      return { state: 'error', entry: outcome?.entry };
    } catch (error) {
      onError?.(error, false);
      return kept ? { state: 'stale-if-error', entry: kept } : { state: 'error' };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get,
    fresh,
    begin,
    store,
    compute,
    serve,
    purge,
    /** Whether a computation of `key` is running. */
    computing: (key: string) => computing.has(key),
    /** What memory holds: entries, their counted bytes, and tag index entries. */
    stats() {
      const indexed = [...keysByTag.values()].reduce((sum, keys) => sum + keys.size, 0);
      return { entries: entries?.size ?? 0, bytes: entries?.calculatedSize ?? 0, indexed };
    },
    close: () => redis?.close() ?? Promise.resolve(),
  };
}

export type TaggedCache<V> = ReturnType<typeof createTaggedCache<V>>;

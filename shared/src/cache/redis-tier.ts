/**
 * The Redis tier of a tagged cache (./tagged-cache.ts), shared by every instance:
 *
 * - entries in the cache Redis (REDIS_CACHE_URL, may evict: allkeys-lru), each with its tags and
 *   the purge clock read when its computation began;
 * - the purge clock and one purge record per tag (the clock's value at its last purge) in the
 *   state Redis (REDIS_URL, noeviction): a lost record would let an entry older than a purge be
 *   served as current; and a channel on which each purge is published to the instances' memory.
 *
 * An entry is current while none of its tags has a purge record newer than its mark: purges need
 * not find the entries they evict, and a computation that began before a purge is never served,
 * wherever it was stored. A counter in Redis, not clocks: instances' clocks may differ.
 * While Redis is unreachable, nothing is read or stored here; purges are sent again once it is back.
 */
import type { Redis } from 'ioredis';

export interface StoredEntry {
  tags: string[];
  /** The purge clock when the computation began. */
  mark: number;
  /** When the computation began (ms since the epoch): the entry's age. */
  storedAt: number;
  /** Its life from storedAt, when it has one of its own. */
  ttlMs?: number;
  payload: Buffer;
}

export interface RedisTierOptions {
  /** The state Redis (noeviction): purge clock, purge records, purge channel. */
  state: Redis;
  /** Where entries live; the state Redis unless given. */
  entries?: Redis;
  /** Key names, after the connections' keyPrefix. */
  names: { entry: string; purges: string; clock: string; channel: string };
  /** Life of an entry stored without one of its own. */
  ttlMs: number;
  /** Subscribes to the purge channel (instances with entries in memory need to hear others' purges). */
  listen?: boolean;
  /** Told once per outage. */
  onUnreachable?: (error: Error) => void;
}

export interface RedisTier {
  /** The purge clock now, or null when Redis cannot say (then nothing computed from now is stored). */
  mark(): Promise<number | null>;
  /** The entry, if stored and current; `tags`, when the caller knows them, saves a round trip. */
  get(key: string, tags?: string[]): Promise<StoredEntry | null>;
  set(key: string, entry: StoredEntry, ttlMs?: number): Promise<boolean>;
  /** Records a purge for every instance, and publishes it. */
  purge(tags: string[]): Promise<void>;
  /** Purges published by other instances. */
  onPurge(listener: (tags: string[]) => void): void;
  close(): Promise<void>;
}

// KEYS: the clock, the purge records. ARGV: the tags. One step, so no mark falls between them.
const PURGE_SCRIPT = `
local now = redis.call('INCR', KEYS[1])
for i = 1, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], now) end
return now`;

const encode = ({ tags, mark, storedAt, ttlMs, payload }: StoredEntry) =>
  Buffer.concat([Buffer.from(`${JSON.stringify([tags, mark, storedAt, ttlMs ?? null])}\n`), payload]);

function decode(value: Buffer): StoredEntry {
  const newline = value.indexOf(10);
  const header = value.subarray(0, newline).toString();
  const [tags, mark, storedAt, ttlMs] = JSON.parse(header) as [string[], number, number, number | null];
  return { tags, mark, storedAt, ttlMs: ttlMs ?? undefined, payload: value.subarray(newline + 1) };
}

export function createRedisTier({
  state,
  entries = state,
  names,
  ttlMs,
  listen = false,
  onUnreachable,
}: RedisTierOptions): RedisTier {
  const instance = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const channel = `${state.options.keyPrefix ?? ''}${names.channel}`;
  const subscriber = listen ? state.duplicate({ commandTimeout: undefined, enableOfflineQueue: true }) : null;
  const listeners: Array<(tags: string[]) => void> = [];
  // Purges that could not reach Redis, sent again once it is back.
  const pending = new Set<string>();
  let warned = false;
  const unreachable = (error: Error) => {
    if (!warned) onUnreachable?.(error);
    warned = true;
  };
  for (const connection of new Set([state, entries, subscriber])) connection?.on('error', unreachable);
  state.on('ready', () => {
    warned = false;
    if (!pending.size) return;
    const tags = [...pending];
    pending.clear();
    void purge(tags);
  });
  subscriber?.subscribe(channel).catch(unreachable);
  subscriber?.on('message', (_channel: string, message: string) => {
    const { from, tags } = JSON.parse(message) as { from: string; tags: string[] };
    if (from !== instance) for (const listener of listeners) listener(tags);
  });

  const entryKey = (key: string) => names.entry + key;

  async function purge(tags: string[]): Promise<void> {
    try {
      await state
        .multi()
        .eval(PURGE_SCRIPT, 2, names.clock, names.purges, ...tags)
        .publish(channel, JSON.stringify({ from: instance, tags }))
        .exec();
    } catch (error) {
      tags.forEach((tag) => pending.add(tag));
      unreachable(error as Error);
    }
  }

  /** Whether one of `tags` was purged after `mark`. */
  const purgedSince = (records: (string | null)[], mark: number) => records.some((at) => Number(at ?? 0) > mark);

  return {
    async mark() {
      try {
        return Number((await state.get(names.clock)) ?? 0);
      } catch (error) {
        unreachable(error as Error);
        return null;
      }
    },

    async get(key, tags) {
      try {
        const [value, known] = await Promise.all([
          entries.getBuffer(entryKey(key)),
          tags?.length ? state.hmget(names.purges, ...tags) : null,
        ]);
        if (!value) return null;
        const entry = decode(value);
        const records =
          known && entry.tags.every((tag) => tags!.includes(tag))
            ? known.filter((_, index) => entry.tags.includes(tags![index]))
            : entry.tags.length
              ? await state.hmget(names.purges, ...entry.tags)
              : [];
        if (!purgedSince(records, entry.mark)) return entry;
        entries.del(entryKey(key)).catch(() => {});
        return null;
      } catch (error) {
        unreachable(error as Error);
        return null;
      }
    },

    async set(key, entry, life = ttlMs) {
      try {
        await entries.set(entryKey(key), encode(entry), 'PX', Math.max(1, Math.round(life)));
        return true;
      } catch (error) {
        unreachable(error as Error);
        return false;
      }
    },

    purge,

    onPurge(listener) {
      listeners.push(listener);
    },

    async close() {
      await Promise.allSettled(
        [...new Set([state, entries, subscriber])].map((connection) => connection?.quit().catch(() => {})),
      );
    },
  };
}

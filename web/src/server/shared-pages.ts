/**
 * The page cache's shared tier, in Redis when REDIS_URL is set: every site server behind the load
 * balancer finds the pages another rendered, and a purge call that reaches one of them reaches
 * all (published on a channel, and kept per tag so a stored copy older than a purge is not used).
 * A Redis that is down or slow never fails a page: each server then works from its own memory.
 *
 * Pages may live in a Redis of their own that drops keys when full (REDIS_CACHE_URL,
 * maxmemory-policy allkeys-lru): losing a page costs a render. The purge records and the purge
 * channel stay on the state Redis (REDIS_URL, noeviction): a lost record would let a page older
 * than a purge be served as current.
 */
import { Redis } from 'ioredis';
import type { Answer } from './page-cache';

export interface StoredAnswer extends Answer {
  storedAt: number;
}

export interface SharedPages {
  get(key: string): Promise<StoredAnswer | null>;
  /** Keeps `answer` for `ttlSeconds`, else for the tier's ttlSeconds. */
  set(key: string, answer: StoredAnswer, ttlSeconds?: number): void;
  /** Records a purge for every server, which each hears through `onPurge`. */
  purge(tags: string[]): void;
  onPurge(listener: (tags: string[]) => void): void;
  close(): Promise<void>;
}

/** No Redis command may hold a reader up longer. */
const COMMAND_TIMEOUT_MS = 200;

export function createSharedPages({
  url,
  cacheUrl = url,
  keyPrefix,
  ttlSeconds,
}: {
  /** The state Redis: purge records and the purge channel. */
  url: string;
  /** Where the pages are kept; the state Redis unless given. */
  cacheUrl?: string;
  keyPrefix: string;
  ttlSeconds: number;
}): SharedPages {
  // Commands wait for the connection at most COMMAND_TIMEOUT_MS, then the page goes on without them.
  const options = { keyPrefix, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 };
  const client = new Redis(url, options);
  const pages = cacheUrl === url ? client : new Redis(cacheUrl, options);
  // Subscriptions need a connection of their own; channel names are not prefixed by ioredis.
  const subscriber = new Redis(url, { ...options, commandTimeout: undefined });
  const channel = `${keyPrefix}page-purges`;
  const pageKey = (key: string) => `page:${key}`;
  let warned = false;
  const quietly = (error: Error) => {
    if (!warned)
      console.warn(`Redis is unreachable (${error.message}): pages are cached in this server only meanwhile`);
    warned = true;
  };
  for (const connection of new Set([client, pages, subscriber])) connection.on('error', quietly);
  client.on('ready', () => (warned = false));

  return {
    async get(key) {
      try {
        const stored = await pages.get(pageKey(key));
        if (!stored) return null;
        const answer = JSON.parse(stored) as StoredAnswer;
        const purges = answer.tags.length ? await client.hmget('page-purged', ...answer.tags) : [];
        // Rendered before a purge of what it shows: out of date for everyone.
        return purges.some((at) => Number(at) >= answer.storedAt) ? null : answer;
      } catch (error) {
        quietly(error as Error);
        return null;
      }
    },
    set(key, answer, life = ttlSeconds) {
      pages.set(pageKey(key), JSON.stringify(answer), 'EX', life).catch(quietly);
    },
    purge(tags) {
      const now = String(Date.now());
      client
        .multi()
        .hset('page-purged', Object.fromEntries(tags.map((tag) => [tag, now])))
        .publish(channel, JSON.stringify(tags))
        .exec()
        .catch(quietly);
    },
    onPurge(listener) {
      subscriber.subscribe(channel).catch(quietly);
      subscriber.on('message', (_channel: string, message: string) => listener(JSON.parse(message) as string[]));
    },
    async close() {
      await Promise.allSettled([...new Set([client, pages, subscriber])].map((connection) => connection.quit()));
    },
  };
}

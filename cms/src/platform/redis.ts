/**
 * The Redis connections of this process (config/redis.ts), created on first use:
 * - `redis`: shared state (rate limits, page views), on REDIS_URL; null when it is unset;
 * - `cacheRedis`: the API's cached answers, on REDIS_CACHE_URL (which may drop keys when full),
 *   the same connection when both URLs are the same.
 * Commands fail at once while Redis is unreachable (no offline queue), so each caller can fall
 * back to this process's memory instead of making a reader wait.
 */
import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

interface RedisSettings {
  url: string;
  cacheUrl: string;
  keyPrefix: string;
}

let client: Redis | null | undefined;
let cacheClient: Redis | null | undefined;

/** What each connection's callers do while it is down. */
const FALLBACK = {
  state: 'each instance counts on its own',
  cache: 'answers are not cached',
};

function connection(strapi: Core.Strapi, url: string, what: keyof typeof FALLBACK): Redis {
  const { keyPrefix } = strapi.config.get('redis') as RedisSettings;
  const made = new Redis(url, { keyPrefix, enableOfflineQueue: false, lazyConnect: true });
  // ioredis reports every failed reconnection; one warning per outage is enough.
  let down = false;
  made.on('error', (error: Error) => {
    if (!down) strapi.log.warn(`Redis (${what}) is unreachable (${error.message}): ${FALLBACK[what]} meanwhile`);
    down = true;
  });
  made.on('ready', () => {
    if (down) strapi.log.info(`Redis (${what}) is reachable again`);
    down = false;
  });
  return made;
}

export function redis(strapi: Core.Strapi): Redis | null {
  if (client !== undefined) return client;
  const { url } = strapi.config.get('redis') as RedisSettings;
  return (client = url ? connection(strapi, url, 'state') : null);
}

export function cacheRedis(strapi: Core.Strapi): Redis | null {
  if (cacheClient !== undefined) return cacheClient;
  const { url, cacheUrl } = strapi.config.get('redis') as RedisSettings;
  if (!cacheUrl) return (cacheClient = null);
  return (cacheClient = cacheUrl === url ? redis(strapi) : connection(strapi, cacheUrl, 'cache'));
}

/**
 * Connects at start-up, so the first requests already share state. A Redis that is down does not
 * stop the CMS: ioredis keeps reconnecting and callers fall back to memory until it is back.
 */
export async function connectRedis(strapi: Core.Strapi): Promise<void> {
  const connections = new Set([redis(strapi), cacheRedis(strapi)]);
  await Promise.all([...connections].map((made) => made?.connect().catch(() => {})));
}

/** On Strapi's destroy: lets pending replies arrive, then closes the connection. */
export async function closeRedis(): Promise<void> {
  const connections = new Set([client, cacheClient]);
  client = cacheClient = undefined;
  await Promise.all([...connections].map((made) => made?.quit().catch(() => made.disconnect())));
}

/**
 * The one Redis connection of this process (config/redis.ts), created on first use; null when
 * REDIS_URL is unset. Commands fail at once while Redis is unreachable (no offline queue), so each
 * caller can fall back to this process's memory instead of making a reader wait.
 */
import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

let client: Redis | null | undefined;

export function redis(strapi: Core.Strapi): Redis | null {
  if (client !== undefined) return client;
  const { url, keyPrefix } = strapi.config.get('redis') as { url: string; keyPrefix: string };
  if (!url) return (client = null);
  const connection = new Redis(url, { keyPrefix, enableOfflineQueue: false, lazyConnect: true });
  // ioredis reports every failed reconnection; one warning per outage is enough.
  let down = false;
  connection.on('error', (error: Error) => {
    if (!down) strapi.log.warn(`Redis is unreachable (${error.message}): each instance counts on its own meanwhile`);
    down = true;
  });
  connection.on('ready', () => {
    if (down) strapi.log.info('Redis is reachable again');
    down = false;
  });
  return (client = connection);
}

/**
 * Connects at start-up, so the first requests already share state. A Redis that is down does not
 * stop the CMS: ioredis keeps reconnecting and callers fall back to memory until it is back.
 */
export async function connectRedis(strapi: Core.Strapi): Promise<void> {
  await redis(strapi)
    ?.connect()
    .catch(() => {});
}

/** On Strapi's destroy: lets pending replies arrive, then closes the connection. */
export async function closeRedis(): Promise<void> {
  const connection = client;
  client = undefined;
  if (!connection) return;
  await connection.quit().catch(() => connection.disconnect());
}

/**
 * Per-visitor limits on public requests (rate-limiter-flexible). A point is taken before the work,
 * atomically, so concurrent requests cannot slip past the limit. Kept in Redis when it is
 * configured (src/platform/redis.ts), so every instance shares one limit; otherwise in memory. Either
 * way each key is dropped when its window ends, so storage stays bounded by one window's visitors.
 */
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redis } from '../redis';
import { utcDay } from '../utils/dates';

export type LimitName =
  | 'comments'
  | 'enquiries'
  | 'views'
  | 'reads'
  | 'subscriptions'
  | 'subscriptionLinks'
  | 'subscriptionAddress'
  | 'insight';

export interface Limit {
  max: number;
  windowSeconds: number;
}

const limiters = new Map<string, RateLimiterAbstract>();

/** The limiter with these options, made once: in Redis when configured, else in memory. */
function limiter(
  strapi: Core.Strapi,
  options: { keyPrefix: string; points: number; duration: number },
): RateLimiterAbstract {
  const name = `${options.keyPrefix}:${options.points}/${options.duration}`;
  let made = limiters.get(name);
  if (!made) {
    const client = redis(strapi);
    const memory = new RateLimiterMemory(options);
    // While Redis is unreachable each instance counts on its own, rather than failing requests.
    made = client ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory }) : memory;
    limiters.set(name, made);
  }
  return made;
}

/** The limiter named in config/anti-abuse.ts; a new one when its settings change. */
export function rateLimiter(strapi: Core.Strapi, name: LimitName): RateLimiterAbstract {
  const { max, windowSeconds } = strapi.config.get(`anti-abuse.${name}`) as Limit;
  return limiter(strapi, { keyPrefix: name, points: max, duration: windowSeconds });
}

/** Takes one point for `key`: 0 when taken, else the seconds until one is free. */
export async function take(limiter: RateLimiterAbstract, key: string, durationSeconds?: number): Promise<number> {
  try {
    await limiter.consume(key, 1, durationSeconds ? { customDuration: durationSeconds } : undefined);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/**
 * True the first time `key` is seen for `name` this UTC day (by any instance, when Redis is
 * configured); remembered until midnight UTC.
 */
export async function firstTimeToday(strapi: Core.Strapi, name: string, key: string, now = new Date()) {
  return withinToday(strapi, name, key, 1, now);
}

/**
 * True for the first `times` times `key` is seen for `name` this UTC day (by any instance, when
 * Redis is configured); remembered until midnight UTC.
 */
export async function withinToday(strapi: Core.Strapi, name: string, key: string, times: number, now = new Date()) {
  const prefix = times === 1 ? `once:${name}` : `daily:${name}`;
  const allowance = limiter(strapi, { keyPrefix: prefix, points: times, duration: 86_400 });
  // Each key lives until midnight, not for the limiter's default day.
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const secondsLeft = Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
  return (await take(allowance, `${utcDay(now)}:${key}`, secondsLeft)) === 0;
}

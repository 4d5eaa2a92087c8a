/**
 * Per-visitor limits on public requests (rate-limiter-flexible). A point is taken before the work,
 * atomically, so concurrent requests cannot slip past the limit. Kept in memory: each key is
 * dropped when its window ends, so memory stays bounded by the visitors of one window.
 */
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type LimitName = 'comments' | 'enquiries' | 'views';

export interface Limit {
  max: number;
  windowSeconds: number;
}

const limiters = new Map<string, RateLimiterAbstract>();

function memoized(name: string, create: () => RateLimiterAbstract): RateLimiterAbstract {
  let limiter = limiters.get(name);
  if (!limiter) limiters.set(name, (limiter = create()));
  return limiter;
}

/** The limiter named in config/anti-abuse.ts; a new one when its settings change. */
export function rateLimiter(strapi: Core.Strapi, name: LimitName): RateLimiterAbstract {
  const { max, windowSeconds } = strapi.config.get(`anti-abuse.${name}`) as Limit;
  return memoized(
    `${name}:${max}/${windowSeconds}`,
    () => new RateLimiterMemory({ keyPrefix: name, points: max, duration: windowSeconds }),
  );
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

/** True the first time `key` is seen for `name` this UTC day; remembered until midnight UTC. */
export async function firstTimeToday(name: string, key: string, now = new Date()): Promise<boolean> {
  const limiter = memoized(
    `once:${name}`,
    () => new RateLimiterMemory({ keyPrefix: `once:${name}`, points: 1, duration: 86_400 }),
  );
  // Each key lives until midnight, not for the limiter's default day.
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const secondsLeft = Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
  return (await take(limiter, `${now.toISOString().slice(0, 10)}:${key}`, secondsLeft)) === 0;
}

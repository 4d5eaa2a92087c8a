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

/** One use per key per UTC day: the first `take` of a key today succeeds, later ones do not. */
export function oncePerDay(name: string): RateLimiterAbstract {
  return memoized(
    `once:${name}`,
    () => new RateLimiterMemory({ keyPrefix: `once:${name}`, points: 1, duration: 86_400 }),
  );
}

export function secondsUntilTomorrow(now = new Date()): number {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
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

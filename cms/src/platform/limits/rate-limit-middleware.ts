/**
 * Route middleware: takes one of this visitor's points for the limit named in config/anti-abuse.ts
 * before the work, or answers 429 with Retry-After. A request refused as invalid (a typo, a 400)
 * gives its point back, so correcting a form does not count against a person.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { rateLimitBody, type RateLimitedAction } from '@medblog/shared';
import { visitorAddress, visitorKey } from '../utils/client';
import { rateLimiter, take, type LimitName } from './rate-limit';
import type { Context, Next } from '../utils/http';

const COUNTED: Record<LimitName, RateLimitedAction> = {
  comments: 'submissions',
  enquiries: 'submissions',
  views: 'requests',
  reads: 'requests',
  subscriptions: 'submissions',
  subscriptionLinks: 'requests',
  subscriptionAddress: 'submissions',
  insight: 'requests',
};

/** The public API's answer over a limit: 429, Retry-After, Strapi's error body; kept by no one. */
export function refuse(ctx: Context, waitSeconds: number, name: LimitName) {
  ctx.set('Retry-After', String(waitSeconds));
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 429;
  ctx.body = rateLimitBody(waitSeconds, COUNTED[name]);
}

export default (config: { name: LimitName }, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const limiter = rateLimiter(strapi, config.name);
    const key = visitorKey(visitorAddress(strapi, ctx));
    const wait = await take(limiter, key);
    if (wait > 0) return refuse(ctx, wait, config.name);
    try {
      await next();
    } catch (error) {
      if (error instanceof errors.ValidationError) await limiter.reward(key, 1);
      throw error;
    }
  };
};

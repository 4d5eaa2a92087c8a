/**
 * Route middleware: answers 429 with Retry-After when this visitor (by hashed IP) reached the limit
 * named in config/anti-abuse.ts. The controller records accepted submissions through
 * `ctx.state.rateLimitKey`, so a typo corrected after a 400 does not count against a person.
 */
import type { Core } from '@strapi/strapi';
import { ipHash } from '../utils/client';
import { retryAfterSeconds, type Limit } from '../anti-abuse/rate-limit';

export default (config: { name: 'comments' | 'enquiries' }, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx, next) => {
    const limit = strapi.config.get(`anti-abuse.${config.name}`) as Limit;
    const key = `${config.name}:${ipHash(ctx.request.ip)}`;
    const wait = retryAfterSeconds(key, limit);
    if (wait > 0) {
      ctx.set('Retry-After', String(wait));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: `Too many submissions from your connection. Please try again in ${Math.ceil(wait / 60)} minute(s).`,
          details: { retryAfterSeconds: wait },
        },
      };
      return;
    }
    ctx.state.rateLimitKey = key;
    await next();
  };
};

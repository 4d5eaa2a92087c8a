/**
 * Global middleware, right after global::api-cache: a per-visitor limit on the public API's reads
 * that cost Strapi a computation. Cached answers never reach it (the cache answers them first), so
 * it counts misses and reads the cache does not keep: every new search, every distinct query
 * string. Over the limit (config/anti-abuse.ts, `reads`): 429 with Retry-After and the API's JSON
 * error body. The visitor is the reader the site server names in its signed header, else the
 * connection (utils/client.ts), so a page's reads count against the reader it is rendered for.
 */
import type { Core } from '@strapi/strapi';
import { rateLimiter, take } from './rate-limit';
import { visitorAddress, visitorKey } from '../utils/client';
import type { Context, Next } from '../utils/http';
import { refuse } from './rate-limit-middleware';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api') as string}/`.toLowerCase();

  return async (ctx: Context, next: Next) => {
    const read = ctx.method === 'GET' || ctx.method === 'HEAD';
    // The path is already lower-case, as the router matches it (canonical-request.ts).
    if (!read || !ctx.path.startsWith(prefix)) return next();
    const limiter = rateLimiter(strapi, 'reads');
    const key = visitorKey(visitorAddress(strapi, ctx));
    const wait = await take(limiter, key);
    if (wait > 0) return refuse(ctx, wait, 'reads');
    await next();
    // The limit is for anonymous readers: a request Strapi authenticated (an API token, a user's
    // JWT) gives its point back. A made-up token is refused by Strapi and keeps its point.
    if ((ctx.state as { auth?: { credentials?: unknown } }).auth?.credentials) await limiter.reward(key, 1);
  };
};

/**
 * Global middleware, first of all: every gate after it sees a content API request as the router
 * will treat it, so no spelling of a request can pass a gate by looking different to it.
 *
 * - The path in lower case. Strapi's routers (@koa/router) match paths whatever their case, so
 *   `/API/comments` reaches the comments route; the middlewares that guard `/api/...` (body
 *   checks, the database check, the response cache) compare strings. Content API paths are
 *   lower-case by design (route names, documentIds, slugs), so nothing is lost.
 * - One answer shape. Strapi changes its answers on request headers (`Strapi-Response-Format: v4`
 *   gives `{ id, attributes }`, `strapi-encode-source-maps` hides markers in the text). The site,
 *   the shared types, the controllers that trim answers and the response cache all know one shape:
 *   those headers are dropped, so an answer depends on its URL (and credentials) alone.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from '../utils/http';

/** Request headers Strapi reads to shape an answer (core-api controller's transformResponse). */
export const RESPONSE_SHAPING_HEADERS = ['strapi-response-format', 'strapi-encode-source-maps'] as const;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).toLowerCase();
  // `/_health` too: the database check answers it only when spelled as the router has it.
  const isRoutedByApi = (lowerPath: string) =>
    lowerPath === prefix || lowerPath.startsWith(`${prefix}/`) || lowerPath === '/_health';

  return async (ctx: Context, next: Next) => {
    const lowerPath = ctx.path.toLowerCase();
    if (!isRoutedByApi(lowerPath)) return next();
    if (lowerPath !== ctx.path) ctx.path = lowerPath;
    for (const name of RESPONSE_SHAPING_HEADERS) delete ctx.request.headers[name];
    return next();
  };
};

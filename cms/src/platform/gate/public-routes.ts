/**
 * The CMS's routes as the public contract (@medblog/shared, public-api.ts) has them: each public
 * route's middlewares (the input gate with the query parameters it takes, and its rate limit),
 * Strapi's core routers' config, and the routes of our own actions.
 */
import {
  ENTRY_QUERY,
  LIST_QUERY,
  PUBLIC_ROUTES,
  publicContentType,
  type PublicRoute,
  type RateLimitName,
} from '@medblog/shared';

/** What the gate (src/platform/gate/public-input.ts) checks on one route. */
export interface PublicInputConfig {
  /** The content type whose public fields the query may name; none for routes that take no fields. */
  uid?: string;
  /** The top-level query parameters the route takes. */
  params: readonly string[];
  /** The `pagination` options it takes, when not all of Strapi's. */
  pagination?: readonly string[];
  /** Its largest page; PAGE_SIZE.max (Strapi's maxLimit) when not given. */
  maxPageSize?: number;
}

export const publicInput = (config: PublicInputConfig) => ({ name: 'global::public-input', config });
export const rateLimit = (name: RateLimitName) => ({ name: 'global::rate-limit', config: { name } });

const CORE_ACTIONS = new Set(['find', 'findOne', 'create', 'update', 'delete']);
const actionName = (route: PublicRoute) => route.action.slice(route.action.lastIndexOf('.') + 1);
const isCore = (route: PublicRoute) => CORE_ACTIONS.has(actionName(route));
const routesOf = (uid: string) => PUBLIC_ROUTES.filter((route) => route.action.startsWith(`${uid}.`));

/** The gate's config for `route`, from the contract. */
export function inputConfig(route: PublicRoute): PublicInputConfig {
  return {
    ...(route.contentType ? { uid: route.contentType } : {}),
    params: route.query,
    ...(route.pagination ? { pagination: route.pagination } : {}),
    ...(route.pageSize ? { maxPageSize: route.pageSize.max } : {}),
  };
}

function middlewaresOf(route: PublicRoute) {
  return [publicInput(inputConfig(route)), ...(route.rateLimit ? [rateLimit(route.rateLimit)] : [])];
}

/**
 * The `config` of Strapi's core router of `uid`: the public routes' middlewares. The core reads of
 * a public content type meet the gate even where the public role may not call them (a comment or a
 * redirect by id), so an API token's requests keep to public fields too.
 */
export function coreRouterConfig(uid: string) {
  const config: Record<string, { middlewares: ReturnType<typeof middlewaresOf> }> = {};
  if (publicContentType(uid)) {
    config.find = { middlewares: [publicInput({ uid, params: LIST_QUERY })] };
    config.findOne = { middlewares: [publicInput({ uid, params: ENTRY_QUERY })] };
  }
  for (const route of routesOf(uid).filter(isCore)) config[actionName(route)] = { middlewares: middlewaresOf(route) };
  return config;
}

/** The routes of `uid`'s own actions (not Strapi's core ones), for its routes file. */
export function extraRoutes(uid: string) {
  return routesOf(uid)
    .filter((route) => !isCore(route))
    .map((route) => ({
      method: route.method,
      // Strapi's router writes path parameters :likeThis.
      path: route.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: route.action,
      config: { middlewares: middlewaresOf(route) },
    }));
}

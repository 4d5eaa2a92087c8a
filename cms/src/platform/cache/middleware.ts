/**
 * Global middleware `global::api-cache` (src/middlewares/api-cache.ts re-exports it): the response
 * cache of the public API (storage and eviction in ./store.ts), and the HTTP caching headers of
 * its answers.
 *
 * - Only anonymous GETs of the public read routes (ROUTES) are cached, and only their 200s. A
 *   request with an Authorization header (a user's JWT or an API token, the only credentials the
 *   content API reads; it reads no cookies) is always answered by Strapi.
 * - The key is the path and the query string with its parameters in one order: two spellings of
 *   one query share an entry.
 * - Every GET answered with JSON carries an ETag, and a matching If-None-Match gets a 304 without
 *   body, whether the answer came from the cache or from Strapi. Cacheable answers tell CDNs how
 *   long they may keep them (Cache-Control: s-maxage, stale-while-revalidate); the rest are
 *   no-store. X-Cache says hit or miss.
 * - Hits are answered before Koa (serveHitsFirst, below), with the headers Strapi's middlewares
 *   gave the same kind of answer (security, CORS for that Origin): nothing else of Strapi runs for
 *   them, which is what makes a hit cheap. Misses, and hits of a kind not seen yet, go through Koa.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { PURGE_TAGS } from '@medblog/shared';
import type { Context, Next } from '../utils/http';
import { apiCache, CACHE_TAGS, type CachedResponse } from './store';

interface CacheSettings {
  enabled: boolean;
  ttlSeconds: number;
  sharedMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}

type QueryPairs = Array<[name: string, value: string | null]>;

/** Cards and article pages show their category and author. */
const ARTICLE_TAGS = [PURGE_TAGS.articles, PURGE_TAGS.categories, PURGE_TAGS.authors];

// A comment list limited to named articles: filters[article][documentId]=…, …[$eq]=…, …[$in][]=….
const ARTICLE_FILTER = /^filters\[article\]\[documentId\](\[\$(eq|in)\])?(\[\d*\])?$/;

/**
 * What a comment list depends on: the comments of the articles its filter names (else any
 * comment), and articles, since a list filtered on its article empties when that is unpublished.
 */
function commentTags(query: QueryPairs): string[] {
  const articles = query.flatMap(([name, value]) => (ARTICLE_FILTER.test(name) && value ? [value] : []));
  const comments = articles.length ? articles.map((id) => PURGE_TAGS.comments(id)) : [CACHE_TAGS.anyComments];
  return [...comments, PURGE_TAGS.articles];
}

interface Route {
  path: RegExp;
  tags: (query: QueryPairs) => string[];
  /** Lives one page-view flush: the popular list changes with views, not only with content. */
  untilViewFlush?: boolean;
}

// Paths after the API prefix; the first match wins (popular before an article's id).
const ROUTES: Route[] = [
  { path: /^\/articles\/popular$/, tags: () => [...ARTICLE_TAGS, CACHE_TAGS.views], untilViewFlush: true },
  { path: /^\/(articles(\/[^/]+)?|search)$/, tags: () => ARTICLE_TAGS },
  { path: /^\/categories(\/[^/]+)?$/, tags: () => [PURGE_TAGS.categories] },
  { path: /^\/authors(\/[^/]+)?$/, tags: () => [PURGE_TAGS.authors] },
  { path: /^\/global$/, tags: () => [PURGE_TAGS.global] },
  { path: /^\/redirects$/, tags: () => [PURGE_TAGS.redirects] },
  { path: /^\/comments$/, tags: commentTags },
];

// Longer URLs are answered but not kept: a crafted query must not take much of the cache.
const MAX_KEY_LENGTH = 8192;
// What a URL means for the cache is worked out once per URL seen lately (parsing and ordering a
// long query costs more than answering its hit); this bounds what those answers take, in bytes.
const LOOKUP_MEMO_BYTES = 4 * 1024 * 1024;

/** `a=1&b` as pairs, decoded as Strapi's query parser decodes them; null when it cannot be decoded. */
function parseQuery(querystring: string): QueryPairs | null {
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    return querystring
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const equals = pair.indexOf('=');
        return equals < 0 ? [decode(pair), null] : [decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))];
      });
  } catch {
    return null;
  }
}

/**
 * The key of a URL: its parameters ordered by their top-level name, each spelled one way. Within a
 * name the order stays (it means something in `sort[0]=…&sort[1]=…` or `sort[a]=…&sort[b]=…`).
 * `a` and `a=` stay apart: Strapi reads the first as null, the second as empty.
 */
function cacheKey(path: string, query: QueryPairs): string {
  const topLevel = (name: string) => name.split('[', 1)[0];
  const ordered = [...query].sort(([a], [b]) => (topLevel(a) < topLevel(b) ? -1 : topLevel(a) > topLevel(b) ? 1 : 0));
  const spelled = ordered.map(([name, value]) =>
    value === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return spelled.length ? `${path}?${spelled.join('&')}` : path;
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** A body Koa would send as JSON (not a stream, a buffer or text). */
const isJsonBody = (body: unknown) => Array.isArray(body) || (body !== null && body?.constructor === Object);

/** Sends `response` (or a 304 when the client holds it) with its caching headers. */
function answer(ctx: Context, response: CachedResponse, cacheControl: string, xCache: 'hit' | 'miss' | null) {
  ctx.status = 200;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = response.body;
  ctx.set('ETag', response.etag);
  ctx.set('Cache-Control', cacheControl);
  if (xCache) ctx.set('X-Cache', xCache);
  if (ctx.fresh) ctx.status = 304;
}

// Per-answer headers, set for each answer; the rest of Strapi's headers are the same for a kind of answer.
// (and never replay a cookie).
const OWN_HEADERS = new Set([
  'content-length',
  'content-type',
  'etag',
  'cache-control',
  'x-cache',
  'date',
  'set-cookie',
]);
// One kind of answer per Origin header value (none, the site's, …); a bound against made-up origins.
const MAX_HEADER_KINDS = 32;

interface CacheEntry {
  key: string;
  tags: string[];
  ttlMs: number;
}
const NOT_CACHEABLE = Symbol('not cacheable');

/** What the middleware and the fast path share: which entry a request reads, and the headers of hits. */
function createLookup(strapi: Core.Strapi) {
  const settings = strapi.config.get('api-cache') as CacheSettings;
  const { flushSeconds } = strapi.config.get('page-views') as { flushSeconds: number };
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const publicControl = `public, max-age=0, s-maxage=${settings.sharedMaxAgeSeconds}, stale-while-revalidate=${settings.staleWhileRevalidateSeconds}`;
  /** Strapi's headers (security, CORS) on a cacheable answer, by the request's Origin. */
  const hitHeaders = new Map<string, Record<string, string>>();

  function entryOf(path: string, querystring: string): CacheEntry | null {
    const route = ROUTES.find((candidate) => candidate.path.test(path.slice(prefix.length)));
    const query = route && parseQuery(querystring);
    if (!query) return null;
    const key = cacheKey(path, query);
    if (key.length > MAX_KEY_LENGTH) return null;
    const ttlMs = (route.untilViewFlush ? flushSeconds : settings.ttlSeconds) * 1000;
    return { key, tags: route.tags(query), ttlMs };
  }
  const memo = new LRUCache<string, CacheEntry | typeof NOT_CACHEABLE>({
    maxSize: LOOKUP_MEMO_BYTES,
    sizeCalculation: (entry, url) => url.length + (entry === NOT_CACHEABLE ? 0 : entry.key.length) + 128,
  });

  return {
    settings,
    prefix,
    publicControl,
    store: apiCache(strapi),
    hitHeaders,
    /** The entry this request reads and writes, or null when it must be answered by Strapi. */
    cacheable(path: string, querystring: string, authorization: string | undefined): CacheEntry | null {
      if (authorization) return null;
      const url = querystring ? `${path}?${querystring}` : path;
      let entry = memo.get(url);
      if (entry === undefined) {
        entry = entryOf(path, querystring) ?? NOT_CACHEABLE;
        if (url.length <= MAX_KEY_LENGTH) memo.set(url, entry);
      }
      return entry === NOT_CACHEABLE ? null : entry;
    },
    rememberHeaders(origin: string, headers: Record<string, unknown>) {
      if (hitHeaders.has(origin) || hitHeaders.size >= MAX_HEADER_KINDS) return;
      hitHeaders.set(
        origin,
        Object.fromEntries(
          Object.entries(headers)
            .filter(([name]) => !OWN_HEADERS.has(name.toLowerCase()))
            .map(([name, value]) => [name, String(value)]),
        ),
      );
    },
  };
}

let lookup: ReturnType<typeof createLookup> | undefined;
const lookupFor = (strapi: Core.Strapi) => (lookup ??= createLookup(strapi));

/**
 * Answers cache hits before Koa: a listener in front of Strapi's own on its HTTP server. Anything
 * it cannot answer whole (a miss, a kind of answer not seen yet, Redis slow or down) goes to Koa.
 */
export function serveHitsFirst(strapi: Core.Strapi): void {
  const server = strapi.server.httpServer;
  const [koa] = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  if (!koa) return;
  const { settings, prefix, publicControl, store, hitHeaders, cacheable } = lookupFor(strapi);
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '';
    const headers = hitHeaders.get(request.headers.origin ?? '');
    if (request.method !== 'GET' || !settings.enabled || !headers || !url.startsWith(`${prefix}/`)) {
      return koa(request, response);
    }
    const queryAt = url.indexOf('?');
    const entry = cacheable(
      queryAt < 0 ? url : url.slice(0, queryAt),
      queryAt < 0 ? '' : url.slice(queryAt + 1),
      request.headers.authorization,
    );
    if (!entry) return koa(request, response);
    const sendHit = (hit: CachedResponse | undefined) => {
      if (!hit) return koa(request, response);
      const notModified = request.headers['if-none-match']?.split(/\s*,\s*/).includes(hit.etag);
      response.writeHead(notModified ? 304 : 200, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        ETag: hit.etag,
        'Cache-Control': publicControl,
        'X-Cache': 'hit',
        ...(notModified ? {} : { 'Content-Length': hit.body.length }),
      });
      response.end(notModified ? undefined : hit.body);
    };
    const found = store.get(entry.key);
    if (found instanceof Promise) found.then(sendHit, () => koa(request, response));
    else sendHit(found);
  });
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { settings, prefix, publicControl, store, cacheable, rememberHeaders } = lookupFor(strapi);
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith(`${prefix}/`)) return next();
    const entry = cacheable(ctx.path, ctx.querystring, ctx.get('Authorization') || undefined);
    if (!entry || !settings.enabled) {
      await next();
      if (ctx.status !== 200 || !isJsonBody(ctx.body)) return;
      answer(ctx, toResponse(ctx.body), entry ? publicControl : 'no-store', entry ? 'miss' : null);
      return;
    }
    const hit = await store.get(entry.key, entry.tags);
    if (hit) return answer(ctx, hit, publicControl, 'hit');

    /**
     * A miss is computed once: a request arriving meanwhile waits for that answer rather than
     * computing it again (a popular URL evicted under load is computed once, not once per reader).
     * It takes the answer only if the store kept it, i.e. no change made it stale meanwhile;
     * otherwise it asks Strapi itself.
     */
    let own = false;
    let failure: { error: unknown } | undefined;
    const produce = async () => {
      own = true;
      try {
        await next();
      } catch (error) {
        failure = { error };
        return null;
      }
      return ctx.status === 200 && isJsonBody(ctx.body) ? toResponse(ctx.body) : null;
    };
    let outcome = await store.compute(entry.key, entry.tags, entry.ttlMs, produce);
    if (!own && outcome?.kept) return answer(ctx, outcome.entry.value, publicControl, 'hit');
    if (!own) outcome = await store.compute(entry.key, entry.tags, entry.ttlMs, produce, { join: false });
    if (failure) throw failure.error;
    if (!outcome) return;
    answer(ctx, outcome.entry.value, publicControl, 'miss');
    // The headers the fast path gives hits of this kind (security, CORS for this Origin).
    rememberHeaders(ctx.get('Origin'), ctx.response.headers);
  };
};

/** A JSON body as the bytes to send and keep, with its ETag. */
function toResponse(value: unknown): CachedResponse {
  const json = JSON.stringify(value);
  // Memory of its own: a small Buffer.from() is a slice of a shared 8 kB slab, all of which a
  // cached entry would keep alive.
  const body = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  body.write(json);
  return { body, etag: etagOf(body) };
}

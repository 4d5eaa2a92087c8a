/**
 * The site's HTTP answers that are not files of the build: pages (rendered by React on the
 * server), feeds, the sitemap and robots.txt, all through the page cache, the reader forms posted
 * without the page's code (form-posts.ts), and the CMS's purge call. scripts/serve.mjs (production) and scripts/dev-server.mjs (development, through Vite)
 * put the static files in front of it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DOCUMENT_ID_PATTERN, PURGE, PURGE_TAGS, rateLimitMessage } from '@medblog/shared';
import { REPLY_PARAM, SENT_PARAM, type FormName } from '@/components/form/posted-form';
import { API_URL } from '@/config/env';
import { COMMENT_FORM_ID } from '@/features/comments/api/comment-form-id';
import { ANSWER_PARAM, asAnswer, HELPFUL_ID } from '@/features/insight/api/helpful';
import { ENQUIRY_FORM_ID } from '@/features/enquiry/api/enquiry-page';
import { SUBSCRIBE_FORM_ID } from '@/features/newsletter/api/topics';
import { loadApiClient } from '@/lib/api-client';
import { paths } from '@/lib/paths';
import { serverConfig } from './config';
import { categoryFeed, robotsTxt, siteFeed, sitemap, type XmlDocument } from './feeds';
import { createPageCache, pagesInRedis, type Answer, type CachedAnswer, type CacheState } from './page-cache';
import {
  contentTypeRefusal,
  createFormClock,
  FORM_BODY_MAX_BYTES,
  formOnArticle,
  formPostedTo,
  fromThisSite,
  LINK_FORMS,
  parseFormBody,
  submitForm,
} from './form-posts';
import { checkPurge } from './purge';
import { findRedirect, type FoundRedirect } from './redirects';
import { renderPage, type HeadAssets } from './render-page';
import { asReader, passReaderToCms } from './visitor-hop';
import { createRenderLimiter, readerAddress, type ProxySettings, type RenderLimit } from './visitors';

const PURGE_BODY_MAX_BYTES = 64 * 1024;
const PREVIEW_PREFIX = paths.preview('');
const HTML = 'text/html; charset=utf-8';

/** The headers every answer of the site carries (static files too). */
export function securityHeaders(apiUrl: string, { development = false } = {}): Record<string, string> {
  const cms = new URL(apiUrl).origin;
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'SAMEORIGIN',
  };
  // Vite's development client injects inline scripts and styles: the policy is for the build.
  if (!development) {
    headers['Content-Security-Policy'] = [
      "default-src 'self'",
      `connect-src 'self' ${cms}`,
      // Covers and avatars come from the CMS, or from the storage it hands out absolute URLs for.
      `img-src 'self' data: https: ${cms}`,
      "style-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; ');
  }
  return headers;
}

function cacheControl(status: number): string {
  const cdn = serverConfig.cdnMaxAgeSeconds;
  // Browsers ask again each time (a 304 when nothing changed); a CDN may keep a copy briefly.
  if (status === 200) return `public, max-age=0, s-maxage=${cdn}, stale-while-revalidate=60, stale-if-error=86400`;
  // Not found, gone or moved for now: the CMS may change that at any moment.
  if (status === 404 || status === 410 || status === 302) return `public, max-age=0, s-maxage=${cdn}`;
  if (status === 301) return 'public, max-age=3600';
  return 'no-store';
}

/** Feeds and other documents made from the CMS's content, by address. */
const DOCUMENTS: Array<[RegExp, (match: RegExpMatchArray) => Promise<XmlDocument>]> = [
  [/^\/feed\.xml$/, () => siteFeed()],
  [/^\/categories\/([^/]+)\/feed\.xml$/, ([, slug]) => categoryFeed(decodeURIComponent(slug!))],
  [/^\/sitemap\.xml$/, () => sitemap()],
  [/^\/robots\.txt$/, async () => robotsTxt()],
];

/**
 * The first segment of every address of the site's own (pages, feeds, the sitemap): the router and
 * these are case-insensitive, so a spelling with capitals is sent to the lower-case address rather
 * than rendered and cached as a page of its own.
 */
const SITE_SEGMENTS = new Set(
  [
    paths.article(''),
    paths.category(''),
    paths.author(''),
    paths.editorialPolicy,
    paths.feed,
    paths.sitemap,
    paths.search,
    paths.enquiry,
    paths.privacy,
    paths.subscribe,
    '/robots.txt',
  ].map((path) => path.split('/')[1]),
);

/**
 * The pages of a subscription's signed link (confirmation and newsletter e-mails): the token in
 * their address is a key to a reader's subscription, so whatever the spelling (capitals, a final
 * "/"), they are rendered for that reader alone, never cached here or on the way, never indexed,
 * and their links do not pass the address on.
 */
const LINK_PAGES = new Set<string>([paths.subscribeConfirm, paths.subscribeManage]);
const linkPageOf = (path: string) => {
  const page = path.replace(/\/+$/, '');
  return LINK_PAGES.has(page) ? page : null;
};
const LINK_PAGE_HEADERS = { 'Referrer-Policy': 'no-referrer' };

/** The page a form leads back to when sent without the page's code, and the page it shows when refused. */
function formPages(form: FormName, url: URL, path: string, fields: URLSearchParams, manageToken?: string) {
  const token = fields.get('token') ?? '';
  const withToken = (page: string, given = token) => `${page}?token=${encodeURIComponent(given)}`;
  switch (form) {
    case 'comment':
      return { sent: `${sitePath(url.pathname)}?${SENT_PARAM}=${form}#${COMMENT_FORM_ID}`, refused: pageUrl(url) };
    case 'helpful': {
      // The answer taken, the note's form follows (with the answer); the note taken, the thanks only.
      const answer = fields.has('note') ? null : asAnswer(fields.get('answer'));
      const answered = answer ? `&${ANSWER_PARAM}=${answer}` : '';
      return {
        sent: `${sitePath(url.pathname)}?${SENT_PARAM}=${form}${answered}#${HELPFUL_ID}`,
        refused: pageUrl(url),
      };
    }
    case 'enquiry':
      return { sent: `${paths.enquiry}?${SENT_PARAM}=${form}#${ENQUIRY_FORM_ID}`, refused: pageUrl(url) };
    case 'subscribe':
      return {
        sent: `${paths.subscribe}?${SENT_PARAM}=${form}#${SUBSCRIBE_FORM_ID}`,
        refused: new URL(paths.subscribe, url.origin),
      };
    case 'subscription-leave':
      return {
        sent: `${paths.subscribeManage}?${SENT_PARAM}=${form}`,
        refused: new URL(withToken(paths.subscribeManage), url.origin),
      };
    default:
      // Confirmed (its lasting manage link from now on) or changed: the manage page shows it as it now is.
      return {
        sent: `${withToken(paths.subscribeManage, manageToken ?? token)}&${SENT_PARAM}=${form}`,
        refused: new URL(withToken(linkPageOf(path) ?? paths.subscribeManage), url.origin),
      };
  }
}

/** What an old address the CMS marks as gone answers: a short page of its own. */
const GONE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>This page has been removed</title></head>
<body><main><h1>This page has been removed</h1><p>It is no longer on the site. <a href="/">Go to the home page</a>.</p></main></body></html>`;

/** A reader over the render limit: a short page of its own, never kept by anyone. */
const tooManyPage = (retryAfterSeconds: number) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Too many pages at once</title></head>
<body><main><h1>Too many pages at once</h1><p>${rateLimitMessage(retryAfterSeconds, 'requests')}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;

/** Thrown before a render for a reader over the render limit. */
class TooManyRenders extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many renders');
  }
}

const unavailableDocument = async (): Promise<Answer> => ({
  status: 503,
  contentType: 'text/plain; charset=utf-8',
  body: 'This document is not available right now. Please try again in a minute.',
  tags: [],
});

/** The base the request target is read against; never shown to anyone. */
const INTERNAL_ORIGIN = 'http://site.internal';

/**
 * The request's target as an address of this site, or null when it cannot be read. A target is a
 * path: "//evil.com/" is the path "//evil.com/", not another host; an absolute target (which
 * proxies send) gives its path and query only.
 */
function requestUrl(target: string): URL | null {
  try {
    if (target.startsWith('/')) return new URL(`${INTERNAL_ORIGIN}${target}`);
    const absolute = new URL(target);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return null;
    return new URL(`${INTERNAL_ORIGIN}${absolute.pathname}${absolute.search}`);
  } catch {
    return null;
  }
}

/**
 * A path of this site as a Location: leading slashes and backslashes fold into one, as browsers
 * read "//evil.com" and "/\evil.com" as another host. ("/.//evil.com/" is "//evil.com/" once the
 * URL parser has removed the dot segment.)
 */
function sitePath(path: string): string {
  return path.replace(/^[/\\]+/, '/');
}

/** A redirect's target: a path of this site made safe, or an absolute address (https, checked by the CMS) as it is. */
const redirectTarget = (location: string) => (/^[/\\]/.test(location) ? sitePath(location) : location);

/** WordPress's addresses by post or page number ("/?p=123"), which the CMS's redirects may map. */
const WORDPRESS_IDS = ['p', 'page_id'];

/**
 * The address a page is rendered and cached for: its path, and the query only where it matters
 * (a search, an old WordPress post number), so tracking parameters (utm_*, fbclid) neither split
 * the cache nor show.
 */
function pageUrl(url: URL): URL {
  const normal = new URL(url.pathname, url.origin);
  const kept = url.pathname === paths.search ? ['q'] : url.pathname === paths.home ? WORDPRESS_IDS : [];
  for (const name of kept) {
    const value = url.searchParams.get(name);
    if (value) normal.searchParams.set(name, value);
  }
  return normal;
}

/** Every %-escape of the path decodes to UTF-8 text (the router and the feeds decode it). */
function wellFormed(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The page of a form's note or of the reply form (posted-form.ts): made for one reader, never
 * cached, so neither a note nor any number of comment ids a visitor makes up reaches the cache.
 * Null for any other address, and for a value the page would not show (which gets the cached page).
 */
function formPage(url: URL, form: FormName | null): URL | null {
  if (!form) return null;
  const page = new URL(url.pathname, url.origin);
  const sent = url.searchParams.get(SENT_PARAM);
  if (sent === form) page.searchParams.set(SENT_PARAM, form);
  if (form === 'comment' && sent === 'helpful') {
    page.searchParams.set(SENT_PARAM, sent);
    const answer = asAnswer(url.searchParams.get(ANSWER_PARAM));
    if (answer) page.searchParams.set(ANSWER_PARAM, answer);
  }
  const reply = url.searchParams.get(REPLY_PARAM);
  if (form === 'comment' && reply && DOCUMENT_ID_PATTERN.test(reply)) page.searchParams.set(REPLY_PARAM, reply);
  return page.search ? page : null;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(request.headers['content-length']) > limit) {
      request.resume(); // unread: the answer closes the connection
      return resolve(null);
    }
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(null);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendText(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    // A body too large is left unread: the connection cannot carry another request.
    ...(status === 413 && { Connection: 'close' }),
  });
  response.end(message);
}

function sendTooMany(request: IncomingMessage, response: ServerResponse, retryAfterSeconds: number) {
  const body = Buffer.from(tooManyPage(retryAfterSeconds));
  response.writeHead(429, {
    'Content-Type': HTML,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'Retry-After': String(retryAfterSeconds),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendAnswer(request: IncomingMessage, response: ServerResponse, answer: CachedAnswer, state: CacheState) {
  response.setHeader('Content-Type', answer.contentType);
  response.setHeader('Cache-Control', answer.provisional ? 'no-store' : cacheControl(answer.status));
  response.setHeader('ETag', answer.etag);
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('X-Cache', state);
  if (answer.location) response.setHeader('Location', answer.location);
  if (answer.status >= 500) response.setHeader('Retry-After', '30');

  if (answer.status === 200 && request.headers['if-none-match'] === answer.etag) {
    response.writeHead(304).end();
    return;
  }
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const [encoding, body] = /\bbr\b/.test(accepted)
    ? ['br', answer.brotli]
    : /\bgzip\b/.test(accepted)
      ? ['gzip', answer.gzip]
      : [undefined, answer.bytes];
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Length', body.length);
  response.writeHead(answer.status).end(request.method === 'HEAD' ? undefined : body);
}

export function createSiteHandler({
  headAssets,
  renderLimit = { max: serverConfig.renderRateMax, windowSeconds: serverConfig.renderRateWindowSeconds },
  proxy = { behindProxy: serverConfig.behindProxy, proxyHops: serverConfig.proxyHops },
}: {
  headAssets: HeadAssets;
  /** Renders per reader and window (settings RENDER_RATE_MAX, RENDER_RATE_WINDOW_SECONDS). */
  renderLimit?: RenderLimit;
  /** Who a reader is (settings BEHIND_PROXY, PROXY_HOPS). */
  proxy?: ProxySettings;
}) {
  if (!serverConfig.purgeSecret)
    console.warn("PURGE_SECRET is not set: the CMS counts every page's reads against this server's own address.");
  // Settled before any request of a reader can be sent: they wait for the same promise, after this.
  void loadApiClient().then((client) => passReaderToCms(client, serverConfig.purgeSecret));
  const renders = createRenderLimiter({
    ...renderLimit,
    redisUrl: serverConfig.redisUrl,
    keyPrefix: serverConfig.redisKeyPrefix,
    salt: serverConfig.purgeSecret || 'medblog',
  });
  const formClock = createFormClock();
  const cache = createPageCache({
    maxBytes: serverConfig.pageCacheBytes,
    freshMs: serverConfig.pageFreshSeconds * 1000,
    staleWhileRevalidateMs: serverConfig.pageStaleSeconds * 1000,
    deadlineMs: serverConfig.renderDeadlineMs,
    shortLifeMs: serverConfig.shortLivedPageSeconds * 1000,
    shared: serverConfig.redisUrl
      ? pagesInRedis({
          url: serverConfig.redisUrl,
          cacheUrl: serverConfig.redisCacheUrl,
          keyPrefix: serverConfig.redisKeyPrefix,
          // Long enough to serve as the stale copy while the CMS is down.
          ttlSeconds: 24 * 3600,
        })
      : null,
  });

  const moved = ({ status, location }: FoundRedirect): Answer => ({
    status,
    location: location && redirectTarget(location),
    contentType: HTML,
    body: status === 410 ? GONE_PAGE : '',
    tags: [PURGE_TAGS.redirects],
  });

  async function page(url: URL): Promise<Answer> {
    // An old post number is looked up first: without a redirect it is just the home page.
    const oldPostNumber = url.pathname === paths.home && url.search;
    const earlyTarget = oldPostNumber ? await findRedirect(url).catch(() => null) : null;
    if (earlyTarget) return moved(earlyTarget);

    const rendered = await renderPage(url, headAssets);
    if (rendered.status === 404) {
      const target = await findRedirect(url).catch(() => null);
      if (target) return moved(target);
    }
    return {
      status: rendered.status,
      location: rendered.location && redirectTarget(rendered.location),
      contentType: HTML,
      body: rendered.html,
      // A "not found" may become a redirect.
      tags: rendered.status === 404 ? [...rendered.tags, PURGE_TAGS.redirects] : rendered.tags,
      // Any text can be searched for, and few searches are made twice.
      shortLived: url.pathname === paths.search && url.searchParams.has('q'),
    };
  }

  async function unavailablePage(url: URL): Promise<Answer> {
    const rendered = await renderPage(url, headAssets, { cms: 'unavailable' });
    return { status: rendered.status, contentType: HTML, body: rendered.html, tags: [] };
  }

  /**
   * A draft's preview: made for each request (never cached: it carries a token and changes with
   * every save), kept out of search engines, and framed only by the CMS's admin.
   */
  async function preview(url: URL, response: ServerResponse) {
    const rendered = await renderPage(url, headAssets);
    const policy = String(response.getHeader('Content-Security-Policy') ?? '');
    if (policy) {
      const admin = new URL(API_URL).origin;
      response.setHeader(
        'Content-Security-Policy',
        policy.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${admin}`),
      );
    }
    response.removeHeader('X-Frame-Options');
    response.writeHead(rendered.status, {
      'Content-Type': HTML,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      // The token stays on this page: links from it do not pass it on.
      'Referrer-Policy': 'no-referrer',
    });
    response.end(rendered.html);
  }

  async function purge(request: IncomingMessage, response: ServerResponse) {
    if (!serverConfig.purgeSecret)
      return sendText(response, 403, 'Purging is not set up on this server (PURGE_SECRET).');
    const body = await readBody(request, PURGE_BODY_MAX_BYTES);
    if (body === null) return sendText(response, 413, `The body is over ${PURGE_BODY_MAX_BYTES} bytes`);
    const header = request.headers[PURGE.signatureHeader];
    const check = checkPurge(
      serverConfig.purgeSecret,
      Array.isArray(header) ? header[0] : header,
      body.toString('utf8'),
    );
    if (!check.ok) return sendText(response, check.status, check.message);
    const purged = cache.purge(check.request.tags);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ purged }));
  }

  /** A page made for one reader (a form's note or a refused form): never kept, by us or anyone on the way. */
  function sendPersonal(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
    response.writeHead(status, {
      'Content-Type': HTML,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      ...headers,
    });
    response.end(html);
  }

  /**
   * A form posted without the page's code: sent, it leads back to its page with the note (303, so
   * a reload does not send it again); refused, the page shows it again with what was typed and why.
   */
  async function formPost(
    form: FormName,
    url: URL,
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
    reader: string,
  ) {
    if (!wellFormed(url.pathname)) return sendText(response, 400, 'The address is not well-formed (bad %-encoding).');
    if (!fromThisSite(request.headers))
      return sendText(response, 403, 'This form can only be sent from a page of this site.');
    const wrongType = contentTypeRefusal(request.headers);
    if (wrongType) return sendText(response, wrongType.status, wrongType.message);
    const body = await readBody(request, FORM_BODY_MAX_BYTES);
    if (body === null) return sendText(response, 413, `The form is over ${FORM_BODY_MAX_BYTES} bytes.`);
    const fields = parseFormBody(body);
    if (!(fields instanceof URLSearchParams)) return sendText(response, fields.status, fields.message);
    if (form === 'comment') form = formOnArticle(fields);
    // Each post costs what a render does, refused or not.
    await admit(reader)();
    const outcome = await submitForm(form, fields, {
      path: url.pathname,
      elapsedMs: formClock.elapsedMs(reader, path),
    });
    const pages = formPages(form, url, path, fields, outcome.sent ? outcome.manageToken : undefined);
    // A signed link's token may be in the address of what follows: it goes nowhere else.
    const linkHeaders = LINK_FORMS.includes(form) ? LINK_PAGE_HEADERS : {};
    if (outcome.sent) {
      response.writeHead(303, { Location: pages.sent, 'Cache-Control': 'no-store', ...linkHeaders });
      return void response.end();
    }
    const rendered = await renderPage(pages.refused, headAssets, {
      postedForm: { ...outcome.postedForm, path: pages.refused.pathname },
    });
    // The page's own trouble (gone, the CMS down) comes first; otherwise the form's.
    const status = rendered.status === 200 ? outcome.status : rendered.status;
    sendPersonal(response, status, rendered.html, {
      ...linkHeaders,
      ...(outcome.retryAfter && { 'Retry-After': outcome.retryAfter }),
    });
  }

  /** Takes one render from the reader's allowance, or refuses with the seconds to wait. */
  const admit = (reader: string) => async () => {
    const wait = await renders.take(reader);
    if (wait > 0) throw new TooManyRenders(wait);
  };

  async function respond(request: IncomingMessage, response: ServerResponse, reader: string): Promise<void> {
    const url = requestUrl(request.url ?? '/');
    if (!url) return sendText(response, 400, 'The address is not well-formed.');
    // Every check below reads the path in lower case: no spelling gets past one, or around it.
    const path = url.pathname.toLowerCase();
    // The address of a mixed-case spelling: its letters in lower case, its %-escapes as they were.
    const lowerCasePath = url.pathname.replace(
      /(%[\dA-F]{2})|[A-Z]/gi,
      (letter, escape?: string) => escape ?? letter.toLowerCase(),
    );
    if (path === PURGE.path) {
      if (request.method === 'POST') return purge(request, response);
      response.setHeader('Allow', 'POST');
      return sendText(response, 405, 'Method not allowed');
    }
    const form = formPostedTo(path);
    if (request.method === 'POST' && form) return formPost(form, url, path, request, response, reader);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', form ? 'GET, HEAD, POST' : 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed');
    }
    if (path === '/_health') return sendText(response, 200, 'ok');
    if (!wellFormed(url.pathname)) return sendText(response, 400, 'The address is not well-formed (bad %-encoding).');
    // Before the redirects of other spellings and of a final "/", which could be cached with the token.
    const linkPage = linkPageOf(path);
    if (linkPage) {
      await admit(reader)();
      const rendered = await renderPage(new URL(linkPage + url.search, url.origin), headAssets);
      return sendPersonal(response, rendered.status, request.method === 'HEAD' ? '' : rendered.html, LINK_PAGE_HEADERS);
    }
    // Files of the build that are not there: no page of the site lives under /assets.
    if (path.startsWith('/assets/')) return sendText(response, 404, 'Not found');
    // Old WordPress addresses end in "/": one address per page. An old address the CMS redirects
    // (stored without its "/") is answered straight with the redirect, not first with the address without it.
    if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
      const withoutSlash = (url.pathname.replace(/\/+$/, '') || '/') + url.search;
      const { answer, state } = await cache.get(
        url.pathname + url.search,
        async () => {
          const target = await findRedirect(url).catch(() => null);
          return target ? moved(target) : moved({ status: 301, location: withoutSlash });
        },
        async () => moved({ status: 301, location: withoutSlash }),
        { beforeRender: admit(reader) },
      );
      return sendAnswer(request, response, answer, state);
    }
    if (path.startsWith(PREVIEW_PREFIX)) {
      await admit(reader)();
      return preview(url, response);
    }
    if (lowerCasePath !== url.pathname && SITE_SEGMENTS.has(path.split('/')[1]!)) {
      response.writeHead(301, { Location: sitePath(lowerCasePath) + url.search, 'Cache-Control': cacheControl(301) });
      return void response.end();
    }

    const beforeRender = admit(reader);
    for (const [pattern, make] of DOCUMENTS) {
      const match = url.pathname.match(pattern);
      if (!match) continue;
      const { answer, state } = await cache.get(url.pathname, () => make(match), unavailableDocument, { beforeRender });
      return sendAnswer(request, response, answer, state);
    }

    // The form's time is counted from here (form-posts.ts).
    if (form && request.method === 'GET') formClock.shown(reader, path);
    const personal = formPage(url, form);
    if (personal) {
      await admit(reader)();
      const rendered = await renderPage(personal, headAssets);
      return sendPersonal(response, rendered.status, request.method === 'HEAD' ? '' : rendered.html);
    }

    const target = pageUrl(url);
    const { answer, state } = await cache.get(
      target.pathname + target.search,
      () => page(target),
      () => unavailablePage(target),
      { beforeRender },
    );
    sendAnswer(request, response, answer, state);
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reader = readerAddress(request, proxy);
    try {
      // The CMS calls made while answering count against this reader (visitor-hop.ts).
      await asReader(reader, () => respond(request, response, reader));
    } catch (error) {
      if (!(error instanceof TooManyRenders)) throw error;
      sendTooMany(request, response, error.retryAfterSeconds);
    }
  };
}

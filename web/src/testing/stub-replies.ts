/**
 * How a stand-in CMS answers: the request as a handler sees it, the replies it may give, and how a
 * request finds its handler. Free of the app's modules, so the CMS's contract test
 * (cms/tests/fake-cms-contract.test.ts) runs the fake CMS's handlers as the site's tests do.
 */
import { rateLimitBody } from '@medblog/shared';
import qs from 'qs';

export interface StubRequest {
  method: string;
  path: string;
  /** The query string parsed back into Strapi's nested parameters. */
  query: Record<string, unknown>;
  url: string;
  /** The JSON body the app sent (POST, PUT), parsed; undefined without one. */
  body?: unknown;
  /** The request's headers, names in lower case. */
  headers: Record<string, string>;
}

export type StubReply = { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: true };
export type StubHandler = (request: StubRequest) => StubReply | Promise<StubReply>;
/** Keyed by "METHOD /path", e.g. "GET /api/articles"; ":name" matches one path segment. */
export type StubRoutes = Record<string, StubHandler>;

export const json = (body: unknown, status = 200): StubReply => ({ status, body });
export const networkError = (): StubReply => ({ networkError: true });
export const strapiError = (status: number, message = 'Internal Server Error'): StubReply =>
  json(
    {
      data: null,
      error: {
        status,
        name: status >= 500 ? 'InternalServerError' : status === 400 ? 'ValidationError' : 'ApplicationError',
        message,
        details: {},
      },
    },
    status,
  );
/** Strapi's 400 naming each bad field, as the CMS answers invalid input. */
export const validationError = (errors: Array<{ path: string[]; message: string }>): StubReply =>
  json(
    {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: errors.map((error) => `${error.path.join('.')}: ${error.message}`).join('; '),
        details: { errors: errors.map((error) => ({ ...error, name: 'ValidationError' })) },
      },
    },
    400,
  );
/** The CMS's answer once a visitor reached the limit of submissions: 429 with Retry-After. */
export const rateLimited = (retryAfterSeconds: number): StubReply => ({
  status: 429,
  headers: { 'retry-after': String(retryAfterSeconds) },
  body: rateLimitBody(retryAfterSeconds),
});
/** A request that never finishes: the page stays in its loading state. */
export const pending = (): Promise<StubReply> => new Promise(() => {});

export function findHandler(routes: StubRoutes, method: string, path: string): StubHandler | undefined {
  return Object.entries(routes).find(([key]) => {
    const [routeMethod, pattern] = key.split(' ');
    return routeMethod === method && new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`).test(path);
  })?.[1];
}

/** A request as handlers see it: `url` absolute, its query string parsed as Strapi parses it. */
export function stubRequest(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): StubRequest {
  const parsed = new URL(url);
  return {
    method,
    path: parsed.pathname,
    query: qs.parse(parsed.search.slice(1), { depth: 10, arrayLimit: 100 }),
    url: parsed.href,
    body,
    headers,
  };
}

/**
 * Stands in for the network under the app's one axios client: each test says how the CMS answers.
 * Everything above the HTTP layer (query building, serialisation, error handling) runs for real.
 */
import { rateLimitBody } from '@medblog/shared';
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse } from 'axios';
import qs from 'qs';
import { apiClient } from '@/lib/api-client';

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
    { data: null, error: { status, name: status >= 500 ? 'InternalServerError' : 'ApplicationError', message } },
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

function findHandler(routes: StubRoutes, method: string, path: string): StubHandler | undefined {
  return Object.entries(routes).find(([key]) => {
    const [routeMethod, pattern] = key.split(' ');
    return routeMethod === method && new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`).test(path);
  })?.[1];
}

const originalAdapter = apiClient.defaults.adapter;

/** Answers the app's requests with `routes`; returns the list of requests made, in order. */
export function stubApi(routes: StubRoutes): StubRequest[] {
  const requests: StubRequest[] = [];
  const adapter: AxiosAdapter = async (config) => {
    const url = new URL(axios.getUri(config));
    const request: StubRequest = {
      method: (config.method ?? 'get').toUpperCase(),
      path: url.pathname,
      query: qs.parse(url.search.slice(1), { depth: 10, arrayLimit: 100 }),
      url: url.href,
      body: typeof config.data === 'string' && config.data ? JSON.parse(config.data) : config.data,
      headers: Object.fromEntries(
        Object.entries(AxiosHeaders.from(config.headers).toJSON()).map(([name, value]) => [
          name.toLowerCase(),
          String(value),
        ]),
      ),
    };
    requests.push(request);
    const handler = findHandler(routes, request.method, request.path);
    const reply = handler ? await handler(request) : strapiError(404, 'Not Found');
    if ('networkError' in reply) throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config);
    const response: AxiosResponse = {
      data: reply.body ?? '',
      status: reply.status,
      statusText: '',
      headers: new AxiosHeaders(reply.headers),
      config,
    };
    if (reply.status >= 400) {
      const code = reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
      throw new AxiosError(`Request failed with status code ${reply.status}`, code, config, undefined, response);
    }
    return response;
  };
  apiClient.defaults.adapter = adapter;
  return requests;
}

export function resetApiStub() {
  apiClient.defaults.adapter = originalAdapter;
}

/**
 * Stands in for the network under the app's one axios client: each test says how the CMS answers.
 * Everything above the HTTP layer (query building, serialisation, error handling) runs for real.
 */
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse } from 'axios';
import { setUpApiClient } from '@/lib/api-client';
import { findHandler, strapiError, stubRequest, type StubRequest, type StubRoutes } from './stub-replies';

export * from './stub-replies';

// The tests' client, made at once: the same settings as the app's, axios loaded already.
const apiClient = setUpApiClient(axios);
const originalAdapter = apiClient.defaults.adapter;

/**
 * The browser's navigator.sendBeacon (jsdom has none), answered by `routes` like the client's
 * requests: the insight beacon's string body arrives as text/plain, read as the CMS reads it.
 */
function stubBeacon(routes: StubRoutes, requests: StubRequest[]) {
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, data?: unknown) => {
      const request = stubRequest('POST', new URL(url, window.location.href).href, JSON.parse(String(data)), {
        'content-type': 'text/plain;charset=UTF-8',
      });
      requests.push(request);
      void findHandler(routes, request.method, request.path)?.(request);
      return true;
    },
  });
}

/** Answers the app's requests (and beacons) with `routes`; returns the list of requests made, in order. */
export function stubApi(routes: StubRoutes): StubRequest[] {
  const requests: StubRequest[] = [];
  if (typeof window !== 'undefined') stubBeacon(routes, requests);
  const adapter: AxiosAdapter = async (config) => {
    const request = stubRequest(
      (config.method ?? 'get').toUpperCase(),
      axios.getUri(config),
      typeof config.data === 'string' && config.data ? JSON.parse(config.data) : config.data,
      Object.fromEntries(
        Object.entries(AxiosHeaders.from(config.headers).toJSON()).map(([name, value]) => [
          name.toLowerCase(),
          String(value),
        ]),
      ),
    );
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
  if (typeof window !== 'undefined') Reflect.deleteProperty(navigator, 'sendBeacon');
}

import type { CollectionResponse } from '@medblog/shared';
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse, AxiosStatic, CreateAxiosDefaults } from 'axios';
import { API_URL } from '@/config/env';

/** The one HTTP client of the app, made from `axios` with the site's settings (and the caller's). */
function createApiClient(axios: AxiosStatic, overrides: CreateAxiosDefaults = {}): AxiosInstance {
  return axios.create({
    baseURL: API_URL,
    timeout: 15_000,
    headers: { Accept: 'application/json' },
    // Strapi reads nested parameters in qs's bracket format (filters[slug][$eq]=x,
    // populate[cover][fields][0]=url), which axios writes itself when asked for array indexes.
    paramsSerializer: { indexes: true },
    ...overrides,
  });
}

let client: Promise<AxiosInstance> | undefined;

/**
 * The client, axios loaded on the first request. In the browser that is never part of the first
 * load (about 21 kB gzip): a page arrives with its data, so the first request waits for a reader's
 * navigation or form.
 */
export function loadApiClient(): Promise<AxiosInstance> {
  return (client ??= import('axios').then(({ default: axios }) => createApiClient(axios)));
}

/** Makes the client at once from the `axios` given (the server's and the tests', which bundle it). */
export function setUpApiClient(axios: AxiosStatic, overrides?: CreateAxiosDefaults): AxiosInstance {
  const instance = createApiClient(axios, overrides);
  client = Promise.resolve(instance);
  return instance;
}

/** Every request to the CMS goes through these. */
export const apiClient = {
  get: async <T>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>> =>
    (await loadApiClient()).get<T>(url, config),
  post: async <T>(url: string, body?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>> =>
    (await loadApiClient()).post<T>(url, body, config),
  put: async <T>(url: string, body?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>> =>
    (await loadApiClient()).put<T>(url, body, config),
};

/** The entry of a collection with this slug (slugs are unique), or null when there is none. */
export async function findBySlug<T>(
  collection: string,
  slug: string,
  params: { fields: readonly string[]; populate: object },
): Promise<T | null> {
  const { data } = await apiClient.get<CollectionResponse<T>>(`/api/${collection}`, {
    params: { ...params, filters: { slug: { $eq: slug } }, pagination: { pageSize: 1 } },
  });
  return data.data[0] ?? null;
}

import type { CollectionResponse } from '@medblog/shared';
import axios from 'axios';
import { API_URL } from '@/config/env';

/** The one HTTP client of the app: every request to the CMS goes through it. */
export const apiClient = axios.create({
  baseURL: API_URL,
  timeout: 15_000,
  headers: { Accept: 'application/json' },
  // Strapi reads nested parameters in qs's bracket format (filters[slug][$eq]=x,
  // populate[cover][fields][0]=url), which axios writes itself when asked for array indexes.
  paramsSerializer: { indexes: true },
});

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

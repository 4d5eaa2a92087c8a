/** Old addresses (from the WordPress site) the CMS maps to new ones: answered 301 by the server. */
import type { CollectionResponse } from '@medblog/shared';
import { apiClient } from '@/lib/api-client';

interface RedirectTarget {
  toPath: string;
}

async function lookUp(fromPath: string): Promise<string | null> {
  const { data } = await apiClient.get<CollectionResponse<RedirectTarget>>('/api/redirects', {
    params: { filters: { fromPath: { $eq: fromPath } }, fields: ['toPath'], pagination: { pageSize: 1 } },
  });
  return data.data[0]?.toPath ?? null;
}

/** Where an unknown address has moved: an exact match with its query first (WordPress's "/?p=12"), then its path. */
export async function findRedirect(url: URL): Promise<string | null> {
  if (url.search) {
    const withQuery = await lookUp(url.pathname + url.search);
    if (withQuery) return withQuery;
  }
  return lookUp(url.pathname);
}

/** Old addresses (from the WordPress site) the CMS maps to new ones: answered 301 by the server. */
import { normaliseRedirectPath, type CollectionResponse, type Redirect } from '@medblog/shared';
import { apiClient } from '@/lib/api-client';

async function lookUp(fromPath: string): Promise<string | null> {
  const { data } = await apiClient.get<CollectionResponse<Pick<Redirect, 'toPath'>>>('/api/redirects', {
    params: { filters: { fromPath: { $eq: fromPath } }, fields: ['toPath'], pagination: { pageSize: 1 } },
  });
  return data.data[0]?.toPath ?? null;
}

/** Where an address has moved: an exact match with its query first (WordPress's "/?p=12"), then its path. */
export async function findRedirect(url: URL): Promise<string | null> {
  if (url.search) {
    const withQuery = await lookUp(normaliseRedirectPath(url.pathname + url.search));
    if (withQuery) return withQuery;
  }
  return lookUp(normaliseRedirectPath(url.pathname));
}

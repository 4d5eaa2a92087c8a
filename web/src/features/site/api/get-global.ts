import type { Global, SingleResponse } from '@medblog/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** The site settings: name, tagline, contacts, social links, footer text and default SEO. */
export async function getGlobal() {
  const { data } = await apiClient.get<SingleResponse<Global>>('/api/global', {
    params: { populate: { socialLinks: true, defaultSeo: { populate: 'shareImage' } } },
  });
  return data.data;
}

export const globalQueryOptions = () =>
  queryOptions({
    queryKey: ['global'],
    queryFn: getGlobal,
    staleTime: 10 * 60_000,
  });

export const useGlobal = () => useQuery(globalQueryOptions());

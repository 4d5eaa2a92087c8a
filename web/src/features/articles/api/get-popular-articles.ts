import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ArticleSummary } from './article-fields';

const POPULAR_LIMIT = 5;

/** The most-read published articles of the last 30 days, counted by the CMS. */
export async function getPopularArticles(limit: number) {
  const { data } = await apiClient.get<{ data: ArticleSummary[] }>('/api/articles/popular', { params: { limit } });
  return data.data;
}

export const popularArticlesQueryOptions = (limit = POPULAR_LIMIT) =>
  queryOptions({
    queryKey: ['articles', 'popular', { limit }],
    queryFn: () => getPopularArticles(limit),
    staleTime: 10 * 60_000,
  });

export const usePopularArticles = () => useQuery(popularArticlesQueryOptions());

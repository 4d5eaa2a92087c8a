import type { CollectionResponse } from '@medblog/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { ARTICLE_PAGE_FIELDS, ARTICLE_PAGE_POPULATE, type ArticleDetail } from './article-fields';

/** The published article with this slug, or null when there is none. */
export async function getArticle(slug: string): Promise<ArticleDetail | null> {
  const { data } = await apiClient.get<CollectionResponse<ArticleDetail>>('/api/articles', {
    params: {
      fields: ARTICLE_PAGE_FIELDS,
      populate: ARTICLE_PAGE_POPULATE,
      filters: { slug: { $eq: slug } },
      pagination: { pageSize: 1 },
    },
  });
  return data.data[0] ?? null;
}

export const articleQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['articles', 'detail', slug],
    queryFn: () => getArticle(slug),
  });

export const useArticle = (slug: string) => useSuspenseQuery(articleQueryOptions(slug));

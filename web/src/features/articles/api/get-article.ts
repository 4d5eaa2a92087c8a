import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { findBySlug } from '@/lib/api-client';
import { ARTICLE_PAGE_FIELDS, ARTICLE_PAGE_POPULATE, type ArticleDetail } from './article-fields';

/** The published article with this slug, or null when there is none. */
export const getArticle = (slug: string) =>
  findBySlug<ArticleDetail>('articles', slug, { fields: ARTICLE_PAGE_FIELDS, populate: ARTICLE_PAGE_POPULATE });

export const articleQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['articles', 'detail', slug],
    queryFn: () => getArticle(slug),
  });

export const useArticle = (slug: string) => useSuspenseQuery(articleQueryOptions(slug));

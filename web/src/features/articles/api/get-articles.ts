import { ARTICLE_CARD, type CollectionResponse } from '@medblog/shared';
import { infiniteQueryOptions, queryOptions, useQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ArticleSummary } from './article-fields';

/** Which published articles a list shows; every list is newest first. */
export interface ArticleFilter {
  featured?: boolean;
  /** A category's slug. */
  category?: string;
  /** An author's slug. */
  author?: string;
  /** Leave out this article (the one being read). */
  excludeSlug?: string;
}

const ARTICLES_PAGE_SIZE = 6;

function toStrapiFilters({ featured, category, author, excludeSlug }: ArticleFilter) {
  return {
    ...(featured && { featured: { $eq: true } }),
    ...(category && { category: { slug: { $eq: category } } }),
    ...(author && { author: { slug: { $eq: author } } }),
    ...(excludeSlug && { slug: { $ne: excludeSlug } }),
  };
}

export async function getArticles(filter: ArticleFilter, page: number, pageSize: number) {
  const { data } = await apiClient.get<CollectionResponse<ArticleSummary>>('/api/articles', {
    params: {
      // displayDate too: the CMS returns the field it sorts on with some filters, so always ask for it.
      fields: [...ARTICLE_CARD.fields, 'displayDate'],
      populate: ARTICLE_CARD.populate,
      filters: toStrapiFilters(filter),
      // Newest first by the date readers are shown: an imported post by its old blog's date, not the import's.
      sort: ['displayDate:desc'],
      pagination: { page, pageSize },
    },
  });
  return data;
}

/** One page of a list: for short lists ("Featured", "More articles"). */
export const articlesQueryOptions = (filter: ArticleFilter, pageSize: number) =>
  queryOptions({
    queryKey: ['articles', 'list', { ...filter, pageSize }],
    queryFn: () => getArticles(filter, 1, pageSize),
  });

/** "More articles": the latest ones other than the one being read. */
export const MORE_ARTICLES_COUNT = 3;
export const moreArticlesQueryOptions = (currentSlug: string) =>
  articlesQueryOptions({ excludeSlug: currentSlug }, MORE_ARTICLES_COUNT);
export const useMoreArticles = (currentSlug: string) => useQuery(moreArticlesQueryOptions(currentSlug));

/** A list the reader pages through with "Load more". */
export const articlesInfiniteQueryOptions = (filter: ArticleFilter) =>
  infiniteQueryOptions({
    queryKey: ['articles', 'list', 'infinite', filter],
    queryFn: ({ pageParam }) => getArticles(filter, pageParam, ARTICLES_PAGE_SIZE),
    initialPageParam: 1,
    getNextPageParam: ({ meta: { pagination } }) =>
      pagination.page < pagination.pageCount ? pagination.page + 1 : undefined,
  });

/** The pages of a list loaded so far (its loader fetched the first). */
export const useArticleFeed = (filter: ArticleFilter) => useSuspenseInfiniteQuery(articlesInfiniteQueryOptions(filter));

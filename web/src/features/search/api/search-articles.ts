import {
  ARTICLE_CARD,
  type Article,
  type Author,
  type Category,
  type CollectionResponse,
  type SearchSnippet,
} from '@medblog/shared';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Image } from '@/lib/media';

/** A search result: the article card's fields (ARTICLE_CARD) and the passage that matched. */
export type SearchResult = Pick<Article, 'id' | 'documentId' | (typeof ARTICLE_CARD.fields)[number]> & {
  cover?: Image | null;
  category?: Pick<Category, 'name' | 'slug'> | null;
  author?: Pick<Author, 'name' | 'slug'> | null;
  snippet: SearchSnippet;
};

const SEARCH_PAGE_SIZE = 6;

/** One page of published articles matching `q`, best match first (the CMS's full-text search). */
export async function searchArticles(q: string, page: number, pageSize: number) {
  const { data } = await apiClient.get<CollectionResponse<SearchResult>>('/api/search', {
    params: { q, pagination: { page, pageSize } },
  });
  return data;
}

export const searchArticlesInfiniteQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: ['search', { q }],
    queryFn: ({ pageParam }) => searchArticles(q, pageParam, SEARCH_PAGE_SIZE),
    initialPageParam: 1,
    getNextPageParam: ({ meta: { pagination } }) =>
      pagination.page < pagination.pageCount ? pagination.page + 1 : undefined,
  });

export const useSearchArticles = (q: string) => useSuspenseInfiniteQuery(searchArticlesInfiniteQueryOptions(q));

import type { CollectionResponse, PublicComment } from '@medblog/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** An approved comment as the article page shows it. */
export type ArticleComment = Pick<PublicComment, 'documentId' | 'authorName' | 'body' | 'createdAt' | 'badge'> & {
  parent?: Pick<PublicComment, 'documentId'> | null;
};

/** The most the CMS returns in one page (its `maxLimit`); a busy article's discussion takes several. */
export const COMMENTS_PAGE_SIZE = 50;

/**
 * One page of the article's approved comments (the CMS never returns others), oldest first, replies
 * with their parent's id. Oldest first means a comment's parent is on its page or an earlier one.
 */
export async function getComments(articleDocumentId: string, page: number) {
  const { data } = await apiClient.get<CollectionResponse<ArticleComment>>('/api/comments', {
    params: {
      filters: { article: { documentId: { $eq: articleDocumentId } } },
      fields: ['authorName', 'body', 'createdAt', 'badge'],
      // The id breaks ties between comments of the same instant, so pages neither overlap nor skip one.
      sort: ['createdAt:asc', 'id:asc'],
      pagination: { page, pageSize: COMMENTS_PAGE_SIZE },
      populate: { parent: { fields: ['documentId'] } },
    },
  });
  return data;
}

/** The article's comments, paged through with "Show more comments"; the first page's total is the full count. */
export const commentsInfiniteQueryOptions = (articleDocumentId: string) =>
  infiniteQueryOptions({
    queryKey: ['comments', 'list', articleDocumentId],
    queryFn: ({ pageParam }) => getComments(articleDocumentId, pageParam),
    initialPageParam: 1,
    getNextPageParam: ({ meta: { pagination } }) =>
      pagination.page < pagination.pageCount ? pagination.page + 1 : undefined,
  });

export const useComments = (articleDocumentId: string) =>
  useInfiniteQuery(commentsInfiniteQueryOptions(articleDocumentId));

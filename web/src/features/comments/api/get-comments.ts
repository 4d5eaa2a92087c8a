import type { CollectionResponse, PublicComment } from '@medblog/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** An approved comment as the article page shows it. */
export type ArticleComment = Pick<PublicComment, 'documentId' | 'authorName' | 'body' | 'createdAt'> & {
  parent?: Pick<PublicComment, 'documentId'> | null;
};

/** More than any article's discussion so far; the count near the title is the full total. */
export const COMMENTS_PAGE_SIZE = 100;

/** The article's approved comments (the CMS never returns others), oldest first, replies with their parent's id. */
export async function getComments(articleDocumentId: string) {
  const { data } = await apiClient.get<CollectionResponse<ArticleComment>>('/api/comments', {
    params: {
      filters: { article: { documentId: { $eq: articleDocumentId } } },
      fields: ['authorName', 'body', 'createdAt'],
      sort: 'createdAt:asc',
      pagination: { pageSize: COMMENTS_PAGE_SIZE },
      populate: { parent: { fields: ['documentId'] } },
    },
  });
  return data;
}

export const commentsQueryOptions = (articleDocumentId: string) =>
  queryOptions({
    queryKey: ['comments', 'list', articleDocumentId],
    queryFn: () => getComments(articleDocumentId),
  });

export const useComments = (articleDocumentId: string) => useQuery(commentsQueryOptions(articleDocumentId));

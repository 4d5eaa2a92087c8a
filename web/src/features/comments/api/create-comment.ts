import type { CommentInput, PublicComment } from '@medblog/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** The CMS's acknowledgement: the comment as stored, always "pending" (spam gets the same answer). */
export type CreatedComment = Pick<PublicComment, 'documentId' | 'authorName' | 'body' | 'createdAt'> & {
  moderationStatus: 'pending';
};

export async function createComment(input: CommentInput): Promise<CreatedComment> {
  const { data } = await apiClient.post<{ data: CreatedComment }>('/api/comments', { data: input });
  return data.data;
}

export const useCreateComment = () => useMutation({ mutationFn: createComment });

/**
 * The comment schema, checked before sending. It brings zod (about 25 kB gzip), so it is
 * downloaded when a reader starts a comment, not with the article.
 */
export const loadCommentRules = () => import('./comment-rules');

import type { CommentInput, PublicComment } from '@medblog/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { commenterKey } from './commenter-key';

/** The CMS's acknowledgement: the comment as stored, always "pending" (spam gets the same answer). */
export type CreatedComment = Pick<PublicComment, 'documentId' | 'authorName' | 'body' | 'createdAt'> & {
  moderationStatus: 'pending';
};

/** Sends a checked comment with this browser's commenter key, which only the CMS ever sees. */
export async function createComment(input: CommentInput): Promise<CreatedComment> {
  const { data } = await apiClient.post<{ data: CreatedComment }>('/api/comments', {
    data: { ...input, commenterKey: commenterKey() },
  });
  return data.data;
}

export const useCreateComment = () => useMutation({ mutationFn: createComment });

/**
 * The comment schema, checked before sending. It brings zod (about 25 kB gzip), so it is
 * downloaded when a reader starts a comment, not with the article.
 */
export const loadCommentRules = () => import('./comment-rules');

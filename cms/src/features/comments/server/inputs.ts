/** What the moderation endpoints accept (conventions of platform/access/admin-inputs.ts). */
import { z } from 'zod';
import { MODERATION_STATUSES, commentInputSchema } from '@medblog/shared';
import { notGivenIfEmpty, oneOf, text, wholeNumber } from '../../../platform/access/admin-inputs';

export const commentQueueQuery = z.object({
  status: z.preprocess(notGivenIfEmpty, oneOf(['all', ...MODERATION_STATUSES]).default('pending')),
  page: wholeNumber(100_000, 1),
  pageSize: wholeNumber(100, 20),
  /** Words in the comment, the author's name or e-mail. */
  q: text(200),
  /** An article's documentId. */
  article: text(100),
  /** One sender's comments: their e-mail, any case. */
  sender: text(254),
});

const documentIdsError = 'must list 1 to 100 comment documentIds';
export const moderateBody = z.object({
  moderationStatus: oneOf(MODERATION_STATUSES),
  documentIds: z
    .array(z.string({ error: documentIdsError }), { error: documentIdsError })
    .min(1, { error: documentIdsError })
    .max(100, { error: documentIdsError }),
});

/** A reply as staff: the text only, held to a reader's comment's rules (length, no HTML). */
export const staffReplyBody = z.object(
  { body: commentInputSchema.shape.body },
  { error: 'The reply must be an object with a body' },
);

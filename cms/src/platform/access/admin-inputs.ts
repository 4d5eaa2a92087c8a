/**
 * What the admin endpoints accept, as zod schemas: `parseInput` (src/utils/validation.ts) turns a
 * mismatch into a 400 naming the parameter. Query values arrive as strings; an empty one
 * (`?topic=`) counts as not given, as the export form sends it.
 */
import { z } from 'zod';
import { ENQUIRY_TOPICS, HANDLING_STATUSES, MODERATION_STATUSES, commentInputSchema } from '@medblog/shared';

const notGivenIfEmpty = (value: unknown) => (value === '' ? undefined : value);

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

export function wholeNumber(max: number, fallback: number) {
  const error = `must be a whole number from 1 to ${max}`;
  return z.preprocess(
    notGivenIfEmpty,
    z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error }).default(fallback),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.preprocess(
  notGivenIfEmpty,
  z
    .string({ error: 'must be a date such as 2026-01-31' })
    .refine((value) => DAY.test(value) && !Number.isNaN(Date.parse(value)), {
      error: 'must be a date such as 2026-01-31',
    })
    .optional(),
);

function text(max: number) {
  const error = `must be a text of at most ${max} characters`;
  return z.preprocess(notGivenIfEmpty, z.string({ error }).trim().max(max, { error }).optional());
}

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

export const enquiryExportQuery = z.object({
  handlingStatus: z.preprocess(notGivenIfEmpty, oneOf(HANDLING_STATUSES).optional()),
  topic: z.preprocess(notGivenIfEmpty, oneOf(ENQUIRY_TOPICS).optional()),
  from: day,
  to: day,
});

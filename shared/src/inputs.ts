/**
 * Validation of everything the public may send. The SPA checks a form with these before sending;
 * the CMS checks every request with the same schemas, so the two cannot drift.
 */
import { z } from 'zod';
import { COMMENTER_KEY, ENQUIRY_TOPICS, LIMITS } from './constants.js';

// A tag such as <b>, </p> or <img src=x>; a lone "<" (as in "a < b") is plain text.
const HTML_TAG = /<\/?[a-z!][^>]*>/i;
// Control characters other than line breaks and tabs; a one-line field refuses those too (and
// Unicode's line separators), so a name cannot add a fake line to a staff e-mail.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]/;

/** A required text: trimmed, not blank, within `max` characters, no HTML. */
function text(label: string, max: number, { oneLine = false } = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((value) => !HTML_TAG.test(value), { error: `${label} must not contain HTML` })
    .refine((value) => !CONTROL_CHARS.test(value), { error: `${label} contains invalid characters` })
    .refine((value) => !oneLine || !LINE_BREAKS.test(value), { error: `${label} must be on one line` });
}

function email(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(LIMITS.email, { error: `${label} must be at most ${LIMITS.email} characters` })
    .pipe(z.email({ error: `${label} must be a valid e-mail address` }));
}

/**
 * What the public API accepts as a documentId: 10 to 40 lowercase letters and digits. Strapi
 * generates 24-character ones; the looser length only refuses what cannot be an id at all.
 */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9]{10,40}$/;

const documentId = (label: string) =>
  z
    .string({ error: `${label} must be the documentId of an existing entry` })
    .regex(DOCUMENT_ID_PATTERN, { error: `${label} must be the documentId of an existing entry` });

/**
 * Fields a form adds so the server can tell people from bots; never stored. `website` is a
 * honeypot: hidden from people, filled by bots. `elapsedMs`: how long the form was open.
 */
export const botCheckShape = {
  website: z.string({ error: 'website must be text' }).max(500).optional(),
  elapsedMs: z.number({ error: 'elapsedMs must be a number' }).nonnegative().optional(),
};
export const BOT_CHECK_FIELDS = Object.keys(botCheckShape) as Array<keyof typeof botCheckShape>;

// Unknown fields (moderationStatus, ids, ...) are dropped, never stored: the server decides them.
export const commentInputSchema = z.object(
  {
    ...botCheckShape,
    article: documentId('article'),
    parent: documentId('parent').nullish(),
    authorName: text('Name', LIMITS.commentAuthorName, { oneLine: true }),
    authorEmail: email('E-mail'),
    body: text('Comment', LIMITS.commentBody),
    // Checked, never trimmed or cut: a key that is not exactly what the site makes is a bug or a probe.
    commenterKey: z
      .string({ error: 'commenterKey must be text' })
      .regex(COMMENTER_KEY.pattern, {
        error: 'commenterKey must be the 43 characters (A-Z, a-z, 0-9, - and _) the comment form makes',
      })
      .optional(),
  },
  { error: 'The comment must be an object' },
);
export type CommentInput = z.input<typeof commentInputSchema>;

/** International format: an optional +, then digits with spaces, dots, dashes or brackets; 7 to 15 digits (E.164). */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9 ().-]+$/.test(value) && /^\d{7,15}$/.test(value.replace(/\D/g, ''));
}

const phone = z
  .string({ error: 'Phone must be text' })
  .trim()
  .max(LIMITS.phone, { error: `Phone must be at most ${LIMITS.phone} characters` })
  .refine((value) => value === '' || isPhoneNumber(value), {
    error: 'Phone must be a phone number such as +91 98765 43210',
  });

export const enquiryInputSchema = z.object(
  {
    ...botCheckShape,
    name: text('Name', LIMITS.enquiryName, { oneLine: true }),
    email: email('E-mail'),
    phone: phone.nullish(),
    topic: z.enum(ENQUIRY_TOPICS, { error: `Topic must be one of: ${ENQUIRY_TOPICS.join(', ')}` }),
    message: text('Message', LIMITS.enquiryMessage),
    consent: z.literal(true, { error: 'Consent is required to send an enquiry' }),
    sourcePath: z
      .string({ error: 'sourcePath must be text' })
      .max(LIMITS.sourcePath, { error: `sourcePath must be at most ${LIMITS.sourcePath} characters` })
      // eslint-disable-next-line no-control-regex -- a path never holds control characters
      .regex(/^\/[^\s<>\u0000-\u001F\u007F]*$/, { error: 'sourcePath must be a path on this site, starting with /' })
      .nullish(),
  },
  { error: 'The enquiry must be an object' },
);
export type EnquiryInput = z.input<typeof enquiryInputSchema>;

export interface FieldError {
  /** The field, e.g. ['authorEmail']; empty for an error about the whole input. */
  path: string[];
  message: string;
}

/** Flattens a schema's issues into one message per field, as the API and the forms show them. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
}

/** First error message of each field, keyed by field name: what a form shows beside each input. */
export function errorsByField(errors: FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { path, message } of errors) {
    const key = path[0] ?? '_';
    byField[key] ??= message;
  }
  return byField;
}

/** How often a subscriber hears from the site: each new article of their topics, or a weekly digest. */
export const SUBSCRIPTION_FREQUENCIES = ['each-article', 'weekly'] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];

/** A category's slug, as the topics of a subscription name them. */
const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** At most this many topics in one subscription (there are far fewer categories). */
export const SUBSCRIPTION_TOPICS_MAX = 50;

const subscriptionTopics = z
  .array(
    z
      .string({ error: 'Each topic must be the slug of a category' })
      .max(LIMITS.categorySlug, { error: 'Each topic must be the slug of a category' })
      .regex(CATEGORY_SLUG, { error: 'Each topic must be the slug of a category' }),
    { error: 'Topics must be a list of category slugs' },
  )
  .max(SUBSCRIPTION_TOPICS_MAX, { error: `Topics may name at most ${SUBSCRIPTION_TOPICS_MAX} categories` });

const subscriptionFrequency = z.enum(SUBSCRIPTION_FREQUENCIES, {
  error: `Frequency must be one of: ${SUBSCRIPTION_FREQUENCIES.join(', ')}`,
});

/**
 * A signed link's token (from a confirmation or a newsletter e-mail): URL-safe characters only, so
 * it can stand in a link as it is.
 */
export const SUBSCRIPTION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,400}(\.[A-Za-z0-9_-]{20,200})?$/;
const subscriptionToken = z
  .string({ error: 'The link is not complete: open it from the e-mail again' })
  .regex(SUBSCRIPTION_TOKEN_PATTERN, { error: 'The link is not complete: open it from the e-mail again' });

/**
 * `POST /api/subscriptions`: an address, the topics it wants (category slugs; none: every topic)
 * and how often. Always answered 202 alike, whatever the address's state.
 */
export const subscribeInputSchema = z.object(
  {
    ...botCheckShape,
    email: email('E-mail'),
    topics: subscriptionTopics.optional(),
    frequency: subscriptionFrequency,
  },
  { error: 'The subscription must be an object' },
);
export type SubscribeInput = z.input<typeof subscribeInputSchema>;

/** `POST /api/subscriptions/confirm`, `/manage` and `/leave`: the token of the reader's signed link. */
export const subscriptionTokenInputSchema = z.object(
  { token: subscriptionToken },
  { error: 'The request must be an object' },
);
export type SubscriptionTokenInput = z.input<typeof subscriptionTokenInputSchema>;

/** `PUT /api/subscriptions/manage`: new topics and frequency, with the signed link's token. */
export const subscriptionChangeInputSchema = z.object(
  { token: subscriptionToken, topics: subscriptionTopics, frequency: subscriptionFrequency },
  { error: 'The change must be an object' },
);
export type SubscriptionChangeInput = z.input<typeof subscriptionChangeInputSchema>;

/**
 * Validation of everything the public may send. The SPA checks a form with these before sending;
 * the CMS checks every request with the same schemas, so the two cannot drift.
 */
import { z } from 'zod';
import {
  COMMENTER_KEY,
  ENQUIRY_TOPICS,
  INSIGHT_LIMITS,
  INSIGHT_PAGE_TYPES,
  LIMITS,
  VITAL_METRICS,
  type VitalMetric,
} from './constants.js';

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

// ---------------------------------------------------------------------------------------------
// The insight beacon (POST /api/insight): what readers' browsers report, counted as daily
// aggregates only (cms/src/features/insight). Strict: an unknown field is a 400 naming it, so a
// client cannot send more than the CMS will keep.

/** A hostname as a referrer may name it: letters, digits, dashes, dots. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The domain of a referrer given as a URL (`https://www.google.com/search?q=x`) or a bare domain
 * (`google.com`): lower case, without `www.` and port; null when it names no site (not http(s)).
 * Only this is ever kept of a referrer.
 */
export function referrerDomain(referrer: string): string | null {
  const value = referrer.trim().toLowerCase();
  if (!value) return null;
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:/.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    host = url.hostname;
  } else {
    host = value.split(/[/:?#]/)[0] ?? '';
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return HOSTNAME.test(host) ? host : null;
}

/** A search as the CMS counts it: trimmed, lower case, inner spaces collapsed to one. */
export function normaliseSearchQuery(query: string): string {
  return query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** An e-mail address anywhere in a text. */
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** A run of digits with phone separators between them (7 to 15 digits make a phone number, E.164). */
const DIGIT_RUNS = /\+?\d[\d ().-]*\d/g;

/**
 * True when a text holds what may be a person's e-mail address or phone number: such a search is
 * never stored, and such parts of a note are removed before it is.
 */
export function looksPersonal(text: string): boolean {
  if (EMAIL_LIKE.test(text)) return true;
  return [...text.matchAll(DIGIT_RUNS)].some(([run]) => run.replace(/\D/g, '').length >= 7);
}

/** `text` with e-mail addresses and phone numbers replaced by "[removed]". */
export function removePersonalDetails(text: string): string {
  return text
    .replace(new RegExp(EMAIL_LIKE.source, 'g'), '[removed]')
    .replace(DIGIT_RUNS, (run) => (run.replace(/\D/g, '').length >= 7 ? '[removed]' : run));
}

const unknownKeys = (what: string) => (issue: { code?: string; keys?: string[]; input?: unknown }) =>
  issue.code === 'unrecognized_keys'
    ? `${what} takes no field ${issue.keys!.map((key) => `"${key}"`).join(', ')}`
    : `${what} must be an object`;

const pageType = z.enum(INSIGHT_PAGE_TYPES, { error: `pageType must be one of: ${INSIGHT_PAGE_TYPES.join(', ')}` });
const insightArticle = documentId('article').optional();
const insightSlug = z
  .string({ error: 'slug must be text' })
  .max(INSIGHT_LIMITS.slugLength, { error: `slug must be at most ${INSIGHT_LIMITS.slugLength} characters` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug must be an article's slug" })
  .optional();
const needsArticle = (event: { article?: string; slug?: string }) => Boolean(event.article || event.slug);
const ARTICLE_NEEDED = { error: 'article (its documentId) or slug is required', path: ['article'] };

/** `view`: a page was shown. An article page names its article; the referrer's domain and the screen width are counted. */
const insightViewSchema = z
  .strictObject(
    {
      type: z.literal('view'),
      pageType,
      article: insightArticle,
      slug: insightSlug,
      referrer: z
        .string({ error: 'referrer must be text' })
        .max(INSIGHT_LIMITS.referrerLength, {
          error: `referrer must be at most ${INSIGHT_LIMITS.referrerLength} characters`,
        })
        .optional(),
      viewportWidth: z
        .number({ error: 'viewportWidth must be a number (px)' })
        .int({ error: 'viewportWidth must be a whole number (px)' })
        .min(0, { error: 'viewportWidth must be at least 0' })
        .max(INSIGHT_LIMITS.maxViewportPx, { error: `viewportWidth must be at most ${INSIGHT_LIMITS.maxViewportPx}` })
        .optional(),
    },
    { error: unknownKeys('A view') },
  )
  .refine((event) => event.pageType !== 'article' || needsArticle(event), ARTICLE_NEEDED);

/** `helpful`: "Was this page helpful?" answered, with an optional "What was missing?" note. */
const insightHelpfulSchema = z
  .strictObject(
    {
      type: z.literal('helpful'),
      article: insightArticle,
      slug: insightSlug,
      answer: z.enum(['yes', 'no'], { error: 'answer must be yes or no' }),
      note: z
        .string({ error: 'note must be text' })
        .trim()
        .max(INSIGHT_LIMITS.noteLength, { error: `note must be at most ${INSIGHT_LIMITS.noteLength} characters` })
        .refine((value) => !HTML_TAG.test(value), { error: 'note must not contain HTML' })
        .refine((value) => !CONTROL_CHARS.test(value), { error: 'note contains invalid characters' })
        .optional(),
    },
    { error: unknownKeys('A helpful answer') },
  )
  .refine(needsArticle, ARTICLE_NEEDED);

/** `search`: a search and how many results it found. */
const insightSearchSchema = z.strictObject(
  {
    type: z.literal('search'),
    query: z
      .string({ error: 'query must be text' })
      .max(INSIGHT_LIMITS.queryLength, { error: `query must be at most ${INSIGHT_LIMITS.queryLength} characters` })
      .refine((value) => !CONTROL_CHARS.test(value), { error: 'query contains invalid characters' }),
    results: z
      .number({ error: 'results must be a number' })
      .int({ error: 'results must be a whole number' })
      .min(0, { error: 'results must be at least 0' })
      .max(INSIGHT_LIMITS.maxResults, { error: `results must be at most ${INSIGHT_LIMITS.maxResults}` }),
  },
  { error: unknownKeys('A search') },
);

/** `vital`: one of the page's speed measures, as the web-vitals library reports it. */
const insightVitalSchema = z
  .strictObject(
    {
      type: z.literal('vital'),
      name: z.enum(VITAL_METRICS, { error: `name must be one of: ${VITAL_METRICS.join(', ')}` }),
      value: z
        .number({ error: 'value must be a number' })
        .min(0, { error: 'value must be at least 0' })
        .refine(Number.isFinite, { error: 'value must be a finite number' }),
      pageType,
    },
    { error: unknownKeys('A speed measure') },
  )
  .superRefine((event, context) => {
    const max = INSIGHT_LIMITS.vitalMax[event.name as VitalMetric];
    if (event.value > max)
      context.addIssue({ code: 'custom', path: ['value'], message: `value of ${event.name} must be at most ${max}` });
  });

const INSIGHT_EVENT_TYPES = ['view', 'helpful', 'search', 'vital'] as const;

export const insightEventSchema = z.discriminatedUnion(
  'type',
  [insightViewSchema, insightHelpfulSchema, insightSearchSchema, insightVitalSchema],
  { error: `type must be one of: ${INSIGHT_EVENT_TYPES.join(', ')}` },
);
export type InsightEvent = z.infer<typeof insightEventSchema>;

/**
 * `POST /api/insight`: `{ "data": { "events": [...] } }`, 1 to INSIGHT_LIMITS.maxEvents events, as
 * JSON or as text/plain (navigator.sendBeacon with a string). Answered 204, whatever was kept.
 */
export const insightBeaconSchema = z.strictObject(
  {
    events: z
      .array(insightEventSchema, { error: 'events must be a list of events' })
      .min(1, { error: 'events must hold at least one event' })
      .max(INSIGHT_LIMITS.maxEvents, { error: `events must hold at most ${INSIGHT_LIMITS.maxEvents} events` }),
  },
  { error: unknownKeys('The beacon') },
);
export type InsightBeacon = z.input<typeof insightBeaconSchema>;

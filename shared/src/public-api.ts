/**
 * The public API, written once: every route a visitor without a login may call, the query
 * parameters each takes, the fields of each content type the public may name and read, and the
 * limits. The CMS makes from it the public role's permissions, its routes and their input checks
 * (cms/src/platform/gate: public-routes, openapi, public-input) and the OpenAPI document it serves at
 * GET /api/openapi.json; `pnpm contract:readme` prints the README's tables from it; the site's
 * stand-in CMS (web/src/testing/fake-cms.ts) pages as it says.
 *
 * It lives in this package rather than in the CMS because it is plain data that the site and its
 * tests read too, made from this package's field lists and input schemas.
 */
import type { z } from 'zod';
import { INSIGHT_LIMITS, SEARCH } from './constants.js';
import { PUBLIC_FIELDS } from './fields.js';
import {
  commentInputSchema,
  enquiryInputSchema,
  insightBeaconSchema,
  SUBSCRIPTION_FREQUENCIES,
  subscribeInputSchema,
  subscriptionChangeInputSchema,
  subscriptionTokenInputSchema,
} from './inputs.js';

/** Where the content API is mounted (Strapi's api.rest.prefix). */
export const API_PREFIX = '/api';

/**
 * Page sizes of every list, Strapi's `api.rest` defaultLimit and maxLimit (cms/config/api.ts reads
 * them): a larger `pageSize` or `limit` is read as the maximum, as Strapi itself does.
 */
export const PAGE_SIZE = { default: 10, max: 50 } as const;

/**
 * The site's locales, one today. The i18n plugin Strapi 5 always loads holds the default `en`
 * only and no content type is localized, so `locale=en` is accepted and changes nothing.
 */
export const SITE_LOCALES = ['en'] as const;
export type SiteLocale = (typeof SITE_LOCALES)[number];

export const QUERY_LIMITS = {
  /** populate[a][populate][b][populate][c]: no deeper. */
  populateDepth: 3,
  /** `_q`, the words looked for in public text fields. */
  textSearchLength: 200,
  /** Items of `$and`, `$or`, `$in`…: the query parser turns longer lists into objects (its arrayLimit), which Strapi cannot run. */
  listItems: 100,
  /** The largest `pagination[page]` or `pagination[start]`. */
  largestPage: 1_000_000,
} as const;

/** `GET /api/articles/popular?limit=`. */
export const POPULAR_LIMIT = { default: 5, max: 20 } as const;

/** What `filters` may use after a field name (and `$and`, `$or`, `$not` to combine conditions). */
export const FILTER_OPERATORS = {
  /** Compared with one value: a number or a boolean where the field is one. */
  scalar: ['$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte'],
  /** Text fields only. */
  text: [
    '$contains',
    '$notContains',
    '$containsi',
    '$notContainsi',
    '$startsWith',
    '$startsWithi',
    '$endsWith',
    '$endsWithi',
  ],
  list: ['$in', '$notIn'],
  range: ['$between'],
  presence: ['$null', '$notNull'],
  /** Lists of filters. */
  logical: ['$and', '$or'],
  negation: ['$not'],
} as const;

/** `pagination[...]`: pages (`page`, `pageSize`) or offsets (`start`, `limit`), and `withCount` (true or false). */
export const PAGINATION_OPTIONS = ['page', 'pageSize', 'start', 'limit', 'withCount'] as const;
export type PaginationOption = (typeof PAGINATION_OPTIONS)[number];
/** The smallest value of each numeric option; the largest page or start is QUERY_LIMITS.largestPage. */
export const PAGINATION_MINIMUMS = { page: 1, pageSize: 1, start: 0, limit: 1 } as const;

/** Fields every entry has beside its content (a component has only `id`). */
export const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'] as const;

/**
 * Through a relation to content the public may not read in full (an article, which may have a
 * draft; a comment, which may not be approved) only these may be matched.
 */
export const IDENTITY_FIELDS = ['documentId', 'slug'] as const;

export interface PublicContentType {
  /** The name of its schema in the OpenAPI document. */
  schema: string;
  /** The fields the public may name (filters, sort, fields, populate) and read. */
  fields: readonly string[];
  /** Why only part of it is public; filters through a relation to it may match identity fields only. */
  partlyPublic?: string;
  /** Relations answered as the related entry's `id` and `documentId` only. */
  identityOnly?: readonly string[];
  /** Worked out on each read, not stored: in every answer, never in a query. */
  computed?: Readonly<Record<string, { type: 'date-time'; nullable: true; description: string }>>;
}

/** Every content type a public answer holds, with its public fields. Enquiries are never read. */
export const PUBLIC_CONTENT_TYPES = {
  'api::article.article': {
    schema: 'Article',
    fields: PUBLIC_FIELDS.article,
    partlyPublic: 'only the published version of an article is public',
    computed: {
      commentsCloseAt: {
        type: 'date-time',
        nullable: true,
        description: 'When new comments stop being accepted; null: never.',
      },
    },
  },
  'api::category.category': { schema: 'Category', fields: PUBLIC_FIELDS.category },
  'api::author.author': { schema: 'Author', fields: PUBLIC_FIELDS.author },
  'api::comment.comment': {
    schema: 'Comment',
    fields: PUBLIC_FIELDS.comment,
    partlyPublic: 'only approved comments are public',
    // The controller shows a reply's parent as its identity alone, and only while it is approved.
    identityOnly: ['parent'],
  },
  'api::global.global': { schema: 'Global', fields: PUBLIC_FIELDS.global },
  'api::redirect.redirect': { schema: 'Redirect', fields: PUBLIC_FIELDS.redirect },
  'shared.seo': { schema: 'Seo', fields: PUBLIC_FIELDS.seo },
  'shared.social-link': { schema: 'SocialLink', fields: PUBLIC_FIELDS.socialLink },
  'shared.reference': { schema: 'Reference', fields: PUBLIC_FIELDS.reference },
  // What a reader-facing page may ask of an image (Strapi answers a populated image in full).
  'plugin::upload.file': {
    schema: 'Media',
    fields: ['id', 'documentId', 'url', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime', 'name'],
  },
} as const satisfies Record<string, PublicContentType>;
export type PublicContentTypeUid = keyof typeof PUBLIC_CONTENT_TYPES;

/** The public side of `uid`, or undefined when the public may not read it. */
export function publicContentType(uid: string): PublicContentType | undefined {
  return Object.hasOwn(PUBLIC_CONTENT_TYPES, uid) ? PUBLIC_CONTENT_TYPES[uid as PublicContentTypeUid] : undefined;
}

export const QUERY_PARAMETERS = {
  filters: `Conditions on public fields, \`filters[slug][$eq]=…\`, and through relations, \`filters[category][slug][$eq]=…\`; operators follow a field name, \`$and\`, \`$or\` and \`$not\` combine conditions; lists of at most ${QUERY_LIMITS.listItems}. Through a relation to an article or a comment only \`documentId\` and \`slug\` may be matched, on the published article.`,
  sort: 'Public fields to order by, `sort=publishedAt:desc` or `sort[0]=title:asc`.',
  fields: 'The public fields to answer with, `fields[0]=title&fields[1]=slug`; relations come with `populate`.',
  populate: `Relations, images and components to include, \`populate[category][fields][0]=name\`, nested at most ${QUERY_LIMITS.populateDepth} levels; \`populate=*\` at the top level only. An image takes \`fields\` only.`,
  pagination: `\`page\` and \`pageSize\` (default ${PAGE_SIZE.default}; above ${PAGE_SIZE.max} read as ${PAGE_SIZE.max}), or \`start\` and \`limit\` (the same); \`withCount\`.`,
  status: 'Only `published`: drafts are never public.',
  _q: `Words looked for in the public text fields, at most ${QUERY_LIMITS.textSearchLength} characters.`,
  locale: `One of the site's locales: ${SITE_LOCALES.join(', ')}.`,
  q: `The words to search for (required), at most ${SEARCH.maxQueryLength} characters.`,
  limit: `How many articles, 1 to ${POPULAR_LIMIT.max} (default ${POPULAR_LIMIT.default}).`,
  token:
    "The signed token of the link (required): on a preview, the one the editor's Preview button signs for this article (an hour); on an unsubscribe, the one of the subscriber's e-mail.",
} as const;
export type QueryParameter = keyof typeof QUERY_PARAMETERS;

/** What a list takes; a single entry takes fewer. */
export const LIST_QUERY = ['filters', 'sort', 'fields', 'populate', 'pagination', 'status', '_q', 'locale'] as const;
export const ENTRY_QUERY = ['fields', 'populate', 'status', 'locale'] as const;

/** JSON Schema of an answer that is not a content type's entry. */
type JsonSchema = { readonly [keyword: string]: unknown };

const dateTime = { type: 'string', format: 'date-time' } as const;

/** A passage of an article around the words a search matched (SearchSnippet in content.ts). */
export const SEARCH_SNIPPET_SCHEMA = {
  type: 'object',
  description: 'Plain text around the matched words; `highlights` are [start, end) offsets into it (UTF-16).',
  properties: {
    text: { type: 'string' },
    highlights: {
      type: 'array',
      items: {
        type: 'object',
        properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
        required: ['start', 'end'],
        additionalProperties: false,
      },
    },
  },
  required: ['text', 'highlights'],
  additionalProperties: false,
} as const;

export type PublicAnswer =
  /** `data`: entries; `meta.pagination`. */
  | { status: 200; shape: 'list' }
  /** `data`: one entry. */
  | { status: 200; shape: 'entry' }
  /** `data`: entries; no pagination. */
  | { status: 200; shape: 'unpaged-list' }
  /** `data`: entries, each with a `snippet`; `meta.pagination`. */
  | { status: 200; shape: 'search-results' }
  /** `data`: what `receipt` describes, never the stored record. */
  | { status: 200 | 201 | 202; shape: 'receipt'; receipt: JsonSchema }
  /** A redirect (`Location`) to a page of the site. */
  | { status: 303; shape: 'redirect' }
  | { status: 204; shape: 'none' }
  | { status: 200; shape: 'openapi-document' };

export type RateLimitName = 'comments' | 'enquiries' | 'views' | 'subscriptions' | 'subscriptionLinks' | 'insight';

export interface PublicRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** After API_PREFIX, with path parameters written {likeThis}. */
  path: string;
  /** The users-permissions action the public role is given for it (Strapi's route handler). */
  action: string;
  summary: string;
  /** The query parameters it takes: any other is a 400 naming it. */
  query: readonly QueryParameter[];
  /** The `pagination` options it takes, when not all of them. */
  pagination?: readonly PaginationOption[];
  /** Its page sizes, when not PAGE_SIZE's. */
  pageSize?: { readonly default: number; readonly max: number };
  /** The content type whose public fields the query may name and the answer holds. */
  contentType?: PublicContentTypeUid;
  /** What the request body's `data` must be. */
  body?: z.ZodObject;
  /**
   * How the body may come, when not as the public API's other bodies (JSON of at most
   * PUBLIC_BODY_MAX_BYTES): a smaller limit in bytes, and text/plain taken as JSON too (what
   * navigator.sendBeacon sends with a string, without a CORS preflight).
   */
  bodyFormat?: { maxBytes: number; plainText: boolean };
  answer: PublicAnswer;
  /** The per-visitor limit it counts against (cms/config/anti-abuse.ts). */
  rateLimit?: RateLimitName;
  /** Anonymous 200s are kept by the CMS's response cache and may be kept by a CDN. */
  cacheable: boolean;
}

const ARTICLE = 'api::article.article';
const SUBSCRIBER = 'api::subscriber.subscriber';

/** `{ message }`: what the subscription routes answer when there is nothing else to say. */
const MESSAGE_SCHEMA = {
  type: 'object',
  properties: { message: { type: 'string' } },
  required: ['message'],
  additionalProperties: false,
} as const;

/** A subscription as its own signed link shows it (SubscriptionSettings in content.ts). */
const SUBSCRIPTION_SETTINGS_SCHEMA = {
  type: 'object',
  description: "Only to the holder of the subscription's signed link; `topics` empty: every topic.",
  properties: {
    email: { type: 'string', format: 'email' },
    topics: { type: 'array', items: { type: 'string' } },
    frequency: { type: 'string', enum: SUBSCRIPTION_FREQUENCIES },
    choices: {
      type: 'array',
      items: {
        type: 'object',
        properties: { slug: { type: 'string' }, name: { type: 'string' } },
        required: ['slug', 'name'],
        additionalProperties: false,
      },
    },
  },
  required: ['email', 'topics', 'frequency', 'choices'],
  additionalProperties: false,
} as const;

/** Every route the public may call; every other route answers 403. */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    method: 'GET',
    path: '/articles',
    action: `${ARTICLE}.find`,
    summary: 'Published articles',
    query: LIST_QUERY,
    contentType: ARTICLE,
    answer: { status: 200, shape: 'list' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/articles/{documentId}',
    action: `${ARTICLE}.findOne`,
    summary: 'A published article',
    query: ENTRY_QUERY,
    contentType: ARTICLE,
    answer: { status: 200, shape: 'entry' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/articles/popular',
    action: `${ARTICLE}.popular`,
    summary: 'The most read published articles, as cards',
    query: ['limit'],
    contentType: ARTICLE,
    answer: { status: 200, shape: 'unpaged-list' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/search',
    action: `${ARTICLE}.search`,
    summary: 'Full-text search of published articles, best match first, as cards with a snippet',
    query: ['q', 'pagination'],
    pagination: ['page', 'pageSize'],
    pageSize: { default: SEARCH.defaultPageSize, max: SEARCH.maxPageSize },
    contentType: ARTICLE,
    answer: { status: 200, shape: 'search-results' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/preview/articles/{documentId}',
    action: `${ARTICLE}.preview`,
    summary: "An article's draft, for the site's preview page: only with a preview token for it",
    query: [...ENTRY_QUERY, 'token'],
    contentType: ARTICLE,
    answer: { status: 200, shape: 'entry' },
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/articles/{documentId}/views',
    action: `${ARTICLE}.view`,
    summary: 'Count a page view of a published article (once per visitor per article per UTC day)',
    query: [],
    answer: { status: 204, shape: 'none' },
    rateLimit: 'views',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/insight',
    action: 'api::insight.insight.collect',
    summary: `What readers' browsers report, counted as daily figures only (page views with their referring site and screen kind, "Was this page helpful?", searches that found nothing, page speed): 1 to ${INSIGHT_LIMITS.maxEvents} events, at most ${INSIGHT_LIMITS.maxBodyBytes} bytes, as JSON or text/plain`,
    query: [],
    body: insightBeaconSchema,
    bodyFormat: { maxBytes: INSIGHT_LIMITS.maxBodyBytes, plainText: true },
    answer: { status: 204, shape: 'none' },
    rateLimit: 'insight',
    cacheable: false,
  },
  {
    method: 'GET',
    path: '/categories',
    action: 'api::category.category.find',
    summary: 'Categories',
    query: LIST_QUERY,
    contentType: 'api::category.category',
    answer: { status: 200, shape: 'list' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/categories/{documentId}',
    action: 'api::category.category.findOne',
    summary: 'A category',
    query: ENTRY_QUERY,
    contentType: 'api::category.category',
    answer: { status: 200, shape: 'entry' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/authors',
    action: 'api::author.author.find',
    summary: 'Authors',
    query: LIST_QUERY,
    contentType: 'api::author.author',
    answer: { status: 200, shape: 'list' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/authors/{documentId}',
    action: 'api::author.author.findOne',
    summary: 'An author',
    query: ENTRY_QUERY,
    contentType: 'api::author.author',
    answer: { status: 200, shape: 'entry' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/global',
    action: 'api::global.global.find',
    summary: 'The site settings',
    query: ENTRY_QUERY,
    contentType: 'api::global.global',
    answer: { status: 200, shape: 'entry' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/redirects',
    action: 'api::redirect.redirect.find',
    summary: 'Where old addresses of the site lead',
    query: LIST_QUERY,
    contentType: 'api::redirect.redirect',
    answer: { status: 200, shape: 'list' },
    cacheable: true,
  },
  {
    method: 'GET',
    path: '/comments',
    action: 'api::comment.comment.find',
    summary: 'Approved comments',
    query: LIST_QUERY,
    contentType: 'api::comment.comment',
    answer: { status: 200, shape: 'list' },
    cacheable: true,
  },
  {
    method: 'POST',
    path: '/comments',
    action: 'api::comment.comment.create',
    summary: 'Send a comment: stored as pending until a moderator approves it',
    query: [],
    body: commentInputSchema,
    answer: {
      status: 201,
      shape: 'receipt',
      receipt: {
        type: 'object',
        description: 'The comment as sent, always "pending" (spam gets the same answer).',
        properties: {
          documentId: { type: 'string' },
          authorName: { type: 'string' },
          body: { type: 'string' },
          createdAt: dateTime,
          moderationStatus: { const: 'pending' },
        },
        required: ['documentId', 'authorName', 'body', 'createdAt', 'moderationStatus'],
        additionalProperties: false,
      },
    },
    rateLimit: 'comments',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/enquiries',
    action: 'api::enquiry.enquiry.create',
    summary: 'Send an enquiry to the staff',
    query: [],
    body: enquiryInputSchema,
    answer: {
      status: 201,
      shape: 'receipt',
      receipt: {
        type: 'object',
        description: 'An acknowledgement, never the stored enquiry.',
        properties: { documentId: { type: 'string' }, topic: { type: 'string' }, receivedAt: dateTime },
        required: ['documentId', 'topic', 'receivedAt'],
        additionalProperties: false,
      },
    },
    rateLimit: 'enquiries',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/subscriptions',
    action: `${SUBSCRIBER}.subscribe`,
    summary:
      'Subscribe an address to new articles or a weekly digest: a confirmation e-mail is sent (double opt-in); the same answer for every address',
    query: [],
    body: subscribeInputSchema,
    answer: { status: 202, shape: 'receipt', receipt: MESSAGE_SCHEMA },
    rateLimit: 'subscriptions',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/subscriptions/confirm',
    action: `${SUBSCRIBER}.confirm`,
    summary: "Confirm a subscription with the token of its confirmation e-mail's link (valid 48 hours)",
    query: [],
    body: subscriptionTokenInputSchema,
    answer: { status: 200, shape: 'receipt', receipt: SUBSCRIPTION_SETTINGS_SCHEMA },
    rateLimit: 'subscriptionLinks',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/subscriptions/manage',
    action: `${SUBSCRIBER}.settings`,
    summary: "A subscription's settings, with the token of its manage link",
    query: [],
    body: subscriptionTokenInputSchema,
    answer: { status: 200, shape: 'receipt', receipt: SUBSCRIPTION_SETTINGS_SCHEMA },
    rateLimit: 'subscriptionLinks',
    cacheable: false,
  },
  {
    method: 'PUT',
    path: '/subscriptions/manage',
    action: `${SUBSCRIBER}.change`,
    summary: "Change a subscription's topics and frequency, with the token of its manage link",
    query: [],
    body: subscriptionChangeInputSchema,
    answer: { status: 200, shape: 'receipt', receipt: SUBSCRIPTION_SETTINGS_SCHEMA },
    rateLimit: 'subscriptionLinks',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/subscriptions/leave',
    action: `${SUBSCRIBER}.leave`,
    summary: 'Leave: the subscription and its address are deleted',
    query: [],
    body: subscriptionTokenInputSchema,
    answer: { status: 200, shape: 'receipt', receipt: MESSAGE_SCHEMA },
    rateLimit: 'subscriptionLinks',
    cacheable: false,
  },
  {
    method: 'POST',
    path: '/subscriptions/unsubscribe',
    action: `${SUBSCRIBER}.unsubscribe`,
    summary:
      'One-click unsubscribe (RFC 8058), the List-Unsubscribe address of every newsletter e-mail: the body `List-Unsubscribe=One-Click` (form-encoded) or none; deletes the subscription',
    query: ['token'],
    answer: { status: 200, shape: 'receipt', receipt: MESSAGE_SCHEMA },
    rateLimit: 'subscriptionLinks',
    cacheable: false,
  },
  {
    method: 'GET',
    path: '/subscriptions/unsubscribe',
    action: `${SUBSCRIBER}.unsubscribePage`,
    summary:
      "The List-Unsubscribe address opened in a browser (or by a link scanner): never unsubscribes, redirects to the site's manage page",
    query: ['token'],
    answer: { status: 303, shape: 'redirect' },
    cacheable: false,
  },
  {
    method: 'GET',
    path: '/openapi.json',
    action: 'api::openapi.openapi.document',
    summary: 'This description of the public API (OpenAPI 3.1)',
    query: [],
    answer: { status: 200, shape: 'openapi-document' },
    cacheable: false,
  },
];

/** The permission actions of the users-permissions public role: exactly these. */
export const PUBLIC_ACTIONS: readonly string[] = PUBLIC_ROUTES.map((route) => route.action);

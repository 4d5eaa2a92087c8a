/**
 * Shapes of the public content API (Strapi 5 REST: flattened attributes, `documentId`).
 * Private fields (authorEmail, ipHash, userAgent, internalNotes, registrationNumber) never appear here: the public
 * API never returns them.
 */
import type {
  Audience,
  CommentBadge,
  EnquiryTopic,
  InsightPageType,
  SocialPlatform,
  VitalMetric,
} from './constants.js';
import type { SubscriptionFrequency } from './inputs.js';

export interface Entity {
  id: number;
  documentId: string;
}

export interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

export interface MediaFormat {
  url: string;
  width: number;
  height: number;
  mime?: string;
}

export interface Media extends Entity {
  url: string;
  alternativeText: string | null;
  caption?: string | null;
  width: number | null;
  height: number | null;
  mime?: string;
  formats?: Partial<Record<'thumbnail' | 'small' | 'medium' | 'large', MediaFormat>> | null;
}

/** Strapi "blocks" rich text (the article body). */
export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;
export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
export type ListNode = {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: Array<ListItemNode | ListNode>;
};
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | ListNode
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; language?: string; children: TextNode[] }
  | {
      type: 'image';
      image: Pick<Media, 'url' | 'alternativeText' | 'width' | 'height'> & { caption?: string | null };
      children: TextNode[];
    };

export interface Seo {
  id?: number;
  metaTitle: string | null;
  metaDescription: string | null;
  shareImage?: Media | null;
}

export interface SocialLink {
  id?: number;
  platform: SocialPlatform;
  url: string;
}

/** A source an article cites; the site links the DOI or PMID when there is one, else the URL. */
export interface Reference {
  id?: number;
  citation: string;
  url: string | null;
  /** Such as 10.1136/bmj.m1234, without https://doi.org/. */
  doi: string | null;
  /** A PubMed ID: digits only. */
  pmid: string | null;
}

export interface Category extends Entity, Timestamps {
  name: string;
  slug: string;
  description: string | null;
}

export interface Author extends Entity, Timestamps {
  name: string;
  slug: string;
  jobTitle: string | null;
  bio: string | null;
  avatar?: Media | null;
  /** Degrees and qualifications, such as "MBBS, MD (Paediatrics)". */
  credentials: string | null;
}

/** Worked out by the CMS on each read, not stored: when the moderation setting closes comments. */
export interface CommentsWindow {
  /** When new comments stop being accepted (ISO date-time); null: never, or not set. */
  commentsCloseAt: string | null;
}

export interface Article extends Entity, Timestamps, CommentsWindow {
  title: string;
  slug: string;
  excerpt: string | null;
  cover?: Media | null;
  body?: Block[] | null;
  category?: Category | null;
  author?: Author | null;
  relatedArticles?: Article[];
  seo?: Seo | null;
  featured: boolean;
  commentsEnabled: boolean;
  readingTimeMinutes: number | null;
  /** When the post first appeared on the old blog (imported posts); the date readers are shown. */
  originalPublishedAt: string | null;
  /** originalPublishedAt when there is one, otherwise publishedAt: what every list is ordered by. */
  displayDate: string;
  /** Who checked the article's medical content: one of the authors. */
  reviewer?: Author | null;
  /** Dates as YYYY-MM-DD. */
  lastReviewedAt: string | null;
  nextReviewDueAt: string | null;
  references?: Reference[];
  conflictOfInterest: string | null;
  audience: Audience | null;
  publishedAt: string;
}

/** The date an article is shown and published with: its original one when it was imported. */
export function articleDate(article: Pick<Article, 'publishedAt'> & { originalPublishedAt?: string | null }): string {
  return article.originalPublishedAt ?? article.publishedAt;
}

/** A comment as the public sees it: approved only, no e-mail, IP or user agent. */
export interface PublicComment extends Entity, Timestamps {
  authorName: string;
  body: string;
  moderationStatus: 'approved';
  moderatedAt: string | null;
  parent?: Pick<PublicComment, 'id' | 'documentId'> | null;
  /** Set by the CMS on a reply a staff member or the article's author wrote from the moderation screen. */
  badge: CommentBadge | null;
  article?: Pick<Article, 'id' | 'documentId' | 'slug' | 'title'> | null;
}

export interface Global extends Entity, Timestamps {
  siteName: string;
  tagline: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  socialLinks?: SocialLink[];
  footerText: string | null;
  defaultSeo?: Seo | null;
  /** Shown on every article. */
  disclaimer: string | null;
}

/**
 * How the site answers a redirect, by the value the CMS stores (Strapi's enumeration values may
 * not start with a digit): moved for good, moved for now, or gone (toPath unused).
 */
export const REDIRECT_CODES = { 'permanent-301': 301, 'temporary-302': 302, 'gone-410': 410 } as const;
export type RedirectCode = keyof typeof REDIRECT_CODES;

/**
 * An old address of the site (a WordPress path, say) and what it now answers: a 301 or 302 to
 * `toPath`, or 410 Gone.
 */
export interface Redirect extends Entity, Timestamps {
  /** A path on the site, maybe with a query (`/?p=123`), stored as `normaliseRedirectPath` gives it. */
  fromPath: string;
  /** A path on the site or an absolute https URL. */
  toPath: string;
  /** null on redirects saved before there was a choice: those are 301s. */
  code: RedirectCode | null;
}

/** What the public gets back after sending an enquiry: an acknowledgement, never the stored record. */
export interface EnquiryAcknowledgement {
  data: { documentId: string; topic: EnquiryTopic; receivedAt: string };
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface CollectionResponse<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export interface SingleResponse<T> {
  data: T;
  meta: Record<string, unknown>;
}

/** Strapi's error body, as returned for 400, 403, 404 and 429. */
export interface ApiErrorBody {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details?: { errors?: Array<{ path: string[]; message: string; name?: string }> };
  };
}

/**
 * A passage of an article around the words a search matched, as plain text; `highlights` are the
 * matched ranges, [start, end) offsets into `text` as JavaScript indexes strings (UTF-16).
 */
export interface SearchSnippet {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

/** `POST /api/subscriptions`: the same answer for every address (it reveals nothing about one). */
export interface SubscribeAcknowledgement {
  message: string;
}

/**
 * A subscription as its own signed link shows it (confirm, manage): only to the holder of that
 * link, never in a list or a cache. `topics`: category slugs; empty means every topic.
 */
export interface SubscriptionSettings {
  email: string;
  topics: string[];
  frequency: SubscriptionFrequency;
  /** The categories a reader can choose from, for the manage page. */
  choices: Array<{ slug: string; name: string }>;
}

/**
 * `POST /api/subscriptions/confirm`: the settings, and the token of the subscription's manage link
 * (the confirmation link's own token expires; this one lasts as long as the subscription).
 */
export interface SubscriptionConfirmation extends SubscriptionSettings {
  manageToken: string;
}

/**
 * What the editors' Readers page shows for a period (cms/src/features/insight/server/readers.ts):
 * daily figures only, never a reader. Days are UTC days (YYYY-MM-DD), oldest first.
 */
export const READERS_PERIODS = [7, 30, 90] as const;
export type ReadersPeriod = (typeof READERS_PERIODS)[number];
/** The period the Readers page opens on, and the endpoints' when none is asked for. */
export const DEFAULT_READERS_PERIOD: ReadersPeriod = 30;
/** The tables of the Readers page, each downloadable as CSV. */
export const READERS_TABLES = ['articles', 'content-gaps', 'referrers', 'speed'] as const;
export type ReadersTable = (typeof READERS_TABLES)[number];

export interface ReadersArticle {
  documentId: string;
  title: string;
  slug: string | null;
  /** Page views (once per reader per day), the period's total and each day's (as `ReadersReport.days`). */
  views: number;
  dailyViews: number[];
  /** Of the views the beacon reported with a screen width. */
  phoneViews: number;
  desktopViews: number;
  helpfulYes: number;
  helpfulNo: number;
  /** Yes of all answers, 0 to 100 rounded; null without answers. */
  helpfulPercent: number | null;
  /** Readers' comments sent in the period (spam and staff replies left out) and enquiries sent from its page. */
  comments: number;
  enquiries: number;
}

/** A search that found nothing, shown only once at least 3 different readers asked it on one day. */
export interface ContentGap {
  query: string;
  /** Searches in the period and the sum of each day's different readers. */
  searches: number;
  visitors: number;
  lastAsked: string;
}

export interface ReferringSite {
  domain: string;
  /** Readers arriving from it (once per reader per domain per day). */
  visitors: number;
}

export type VitalRating = 'good' | 'needs-improvement' | 'poor';

export interface PageSpeed {
  pageType: InsightPageType;
  metric: VitalMetric;
  /** The 75th percentile of the period (ms; CLS a score), null without measures. */
  p75: number | null;
  rating: VitalRating | null;
  samples: number;
  /** Google's thresholds: at most `good` is good, above `poor` is poor. */
  good: number;
  poor: number;
  unit: 'ms' | 'score';
  /** Each day's 75th percentile (as `ReadersReport.days`), null on a day without measures. */
  daily: Array<number | null>;
}

export interface ReadersReport {
  period: ReadersPeriod;
  /** The period's days, oldest first, today last. */
  days: string[];
  articles: ReadersArticle[];
  contentGaps: ContentGap[];
  referrers: ReferringSite[];
  speed: PageSpeed[];
}

/** The answer of GET /medblog/insight/readers (admin only). */
export interface ReadersAnswer {
  data: ReadersReport;
  /** False for an Author: their own articles only, no referring sites or speed. */
  meta: { siteWide: boolean };
}

/** What an article's edit view shows: its last 30 days' figures and latest "What was missing?" notes. */
export interface ArticleReaders extends Omit<ReadersArticle, 'title' | 'slug'> {
  period: 30;
  days: string[];
  /** Newest first; private to editors. */
  notes: Array<{ day: string; answer: 'yes' | 'no'; note: string; createdAt: string }>;
}

/** How an article's e-mail to subscribers went, for its edit view (admin only). */
export interface ArticleEmailStatus {
  /** 'not-published' (not yet: publishing will send it), 'off' (never e-mailed), 'sending', 'done'. */
  state: 'not-published' | 'off' | 'sending' | 'done';
  queuedAt: string | null;
  sent: number;
  failed: number;
  queued: number;
  skipped: number;
}

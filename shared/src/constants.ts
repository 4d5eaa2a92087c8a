/** Values of the enumerations in the content model. The CMS schemas must list exactly these. */

export const ENQUIRY_TOPICS = [
  'general',
  'medical-training',
  'internships',
  'usmle-preparation',
  'international-collaborations',
  'clinical-partnerships',
] as const;
export type EnquiryTopic = (typeof ENQUIRY_TOPICS)[number];

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** Who a staff reply speaks for, set by the CMS only: any staff member, or the article's own author. */
export const COMMENT_BADGES = ['staff', 'author'] as const;
export type CommentBadge = (typeof COMMENT_BADGES)[number];

/** Where an enquiry stands; one that looks automated is filed as suspected spam, apart from those staff closed. */
export const HANDLING_STATUSES = ['new', 'in-progress', 'closed', 'suspected-spam'] as const;
export type HandlingStatus = (typeof HANDLING_STATUSES)[number];

/** Whom an article is written for (its medical audience). */
export const AUDIENCES = ['students', 'doctors', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SOCIAL_PLATFORMS = ['instagram', 'facebook', 'linkedin', 'youtube', 'x'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** Length limits of the content model, enforced by the CMS schemas and the input schemas alike. */
export const LIMITS = {
  articleTitle: 160,
  articleExcerpt: 320,
  seoMetaTitle: 60,
  seoMetaDescription: 160,
  commentAuthorName: 80,
  commentBody: 4000,
  enquiryName: 120,
  enquiryMessage: 5000,
  email: 254,
  phone: 24,
  sourcePath: 300,
  categorySlug: 100,
} as const;

/**
 * The secret a reader's browser keeps and sends with each comment, so that the CMS can tell that
 * browser from anyone else using the same e-mail address (the trusted-commenter rule): 32 random
 * bytes written in base64url, without padding, which is always 43 characters.
 */
export const COMMENTER_KEY = {
  bytes: 32,
  pattern: /^[A-Za-z0-9_-]{43}$/,
} as const;

/** What `GET /api/search` takes: the site's search box stops at the same length. */
export const SEARCH = {
  maxQueryLength: 200,
  maxPageSize: 50,
  defaultPageSize: 10,
} as const;

/** The kinds of page the site's insight beacon reports (POST /api/insight). */
export const INSIGHT_PAGE_TYPES = ['home', 'article', 'category', 'search', 'other'] as const;
export type InsightPageType = (typeof INSIGHT_PAGE_TYPES)[number];

/** The real-reader speed measures (the `web-vitals` library's names). */
export const VITAL_METRICS = ['LCP', 'INP', 'CLS', 'TTFB'] as const;
export type VitalMetric = (typeof VITAL_METRICS)[number];

/**
 * Google's thresholds of each measure at the 75th percentile: at most `good` is good, above `poor`
 * is poor, between needs improvement. Milliseconds, except CLS (a score without unit).
 */
export const VITAL_THRESHOLDS: Readonly<Record<VitalMetric, { good: number; poor: number; unit: 'ms' | 'score' }>> = {
  LCP: { good: 2500, poor: 4000, unit: 'ms' },
  INP: { good: 200, poor: 500, unit: 'ms' },
  CLS: { good: 0.1, poor: 0.25, unit: 'score' },
  TTFB: { good: 800, poor: 1800, unit: 'ms' },
};

/** What one beacon (POST /api/insight) may hold; more is a 400 (a larger body a 413). */
export const INSIGHT_LIMITS = {
  /** Events in one beacon. */
  maxEvents: 50,
  /** The whole request body, in bytes (before the public API's general PUBLIC_BODY_MAX_BYTES). */
  maxBodyBytes: 16 * 1024,
  /** "What was missing?" under "Was this page helpful?". */
  noteLength: 500,
  /** A search as typed (the search box's own limit). */
  queryLength: SEARCH.maxQueryLength,
  /** A referrer, as a domain or a whole URL (only its domain is kept). */
  referrerLength: 2048,
  /** An article's slug, when the page names its article by slug. */
  slugLength: 200,
  /** The screen width read as a phone below this (px), a desktop from it. */
  phoneBelowPx: 768,
  /** The widest viewport taken (px). */
  maxViewportPx: 20_000,
  /** The most results a search can report. */
  maxResults: 1_000_000,
  /** The largest value of each measure taken (a minute for a time; CLS beyond 50 is a broken page). */
  vitalMax: { LCP: 60_000, INP: 60_000, CLS: 50, TTFB: 60_000 } as Readonly<Record<VitalMetric, number>>,
} as const;

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

/**
 * What people read for each value of the content model's enumerations: the reader site, the admin
 * screens, the CSV export and the notification e-mails all take their wording from here.
 */
import type {
  Audience,
  CommentBadge,
  EnquiryTopic,
  HandlingStatus,
  InsightPageType,
  ModerationStatus,
  SocialPlatform,
} from './constants.js';
import type { RedirectCode, VitalRating } from './content.js';
import type { SubscriptionFrequency } from './inputs.js';

export const ENQUIRY_TOPIC_LABELS: Record<EnquiryTopic, string> = {
  general: 'General question',
  'medical-training': 'Medical training',
  internships: 'Internships',
  'usmle-preparation': 'USMLE preparation',
  'international-collaborations': 'International collaborations',
  'clinical-partnerships': 'Clinical partnerships',
};

export const MODERATION_STATUS_LABELS: Record<ModerationStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
};

export const COMMENT_BADGE_LABELS: Record<CommentBadge, string> = {
  staff: 'Staff',
  author: 'Author',
};

export const HANDLING_STATUS_LABELS: Record<HandlingStatus, string> = {
  new: 'New',
  'in-progress': 'In progress',
  closed: 'Closed',
  'suspected-spam': 'Suspected spam',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  students: 'Medical students',
  doctors: 'Doctors',
  public: 'The general public',
};

export const SOCIAL_PLATFORM_LABELS: Record<SocialPlatform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  x: 'X (Twitter)',
};

export const REDIRECT_CODE_LABELS: Record<RedirectCode, string> = {
  'permanent-301': 'Moved for good (301)',
  'temporary-302': 'Moved for now (302)',
  'gone-410': 'Removed (410)',
};

export const SUBSCRIPTION_FREQUENCY_LABELS: Record<SubscriptionFrequency, string> = {
  'each-article': 'Each new article',
  weekly: 'Weekly digest',
};

/**
 * A subscriber's state: `pending` until the reader opens the confirmation link; `bouncing` once
 * their mail server has refused our e-mails for good twice (nothing more is sent to them).
 */
export const SUBSCRIBER_STATUS_LABELS: Record<'pending' | 'active' | 'bouncing', string> = {
  pending: 'Waiting for confirmation',
  active: 'Subscribed',
  bouncing: 'Address refuses our e-mails',
};

/** How a real-reader speed figure compares with Google's thresholds (the Readers page, its CSV). */
export const VITAL_RATING_LABELS: Record<VitalRating, string> = {
  good: 'Good',
  'needs-improvement': 'Needs improvement',
  poor: 'Poor',
};

/** The kinds of page the insight beacon reports, as the Readers page names them. */
export const INSIGHT_PAGE_TYPE_LABELS: Record<InsightPageType, string> = {
  home: 'Home page',
  article: 'Article pages',
  category: 'Category pages',
  search: 'Search page',
  other: 'Other pages',
};

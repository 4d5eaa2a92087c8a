/**
 * For each enumeration field's name, the name people read for each of its values, in the content
 * manager's lists and edit views ("In progress", stored as "in-progress"). A field name means the
 * same choices in every content type and component that has it (value-labels.test.ts checks all).
 */
import {
  AUDIENCE_LABELS,
  COMMENT_BADGE_LABELS,
  ENQUIRY_TOPIC_LABELS,
  HANDLING_STATUS_LABELS,
  MODERATION_STATUS_LABELS,
  REDIRECT_CODE_LABELS,
  SOCIAL_PLATFORM_LABELS,
  SUBSCRIBER_STATUS_LABELS,
  SUBSCRIPTION_FREQUENCY_LABELS,
} from '@medblog/shared';

export const VALUE_LABELS: Record<string, Record<string, string>> = {
  topic: ENQUIRY_TOPIC_LABELS,
  handlingStatus: HANDLING_STATUS_LABELS,
  moderationStatus: MODERATION_STATUS_LABELS,
  badge: COMMENT_BADGE_LABELS,
  audience: AUDIENCE_LABELS,
  code: REDIRECT_CODE_LABELS,
  platform: SOCIAL_PLATFORM_LABELS,
  frequency: SUBSCRIPTION_FREQUENCY_LABELS,
  subscriberStatus: SUBSCRIBER_STATUS_LABELS,
  digestDay: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  },
};

/** The enquiry screen's pure parts: the reply e-mail and the received date, as staff read them. */
import { ENQUIRY_TOPIC_LABELS, type EnquiryTopic } from '@medblog/shared';

export function topicLabel(topic: string | undefined): string {
  return ENQUIRY_TOPIC_LABELS[topic as EnquiryTopic] ?? topic ?? '';
}

/** `mailto:` the sender, the subject naming the enquiry's topic. */
export function replyMailto(enquiry: { email: string; topic?: string }): string {
  const subject = `Your enquiry: ${topicLabel(enquiry.topic) || 'your message'}`;
  return `mailto:${encodeURIComponent(enquiry.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}`;
}

const received = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

/** "2 March 2026 at 01:30" in the browser's time zone. */
export function receivedAt(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : received.format(date);
}

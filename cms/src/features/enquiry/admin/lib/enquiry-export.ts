/**
 * The export screen's pure parts: the request built from the filters, the day a date picker
 * means and the words around the download.
 */
import {
  ENQUIRY_TOPIC_LABELS,
  ENQUIRY_TOPICS,
  HANDLING_STATUS_LABELS,
  HANDLING_STATUSES,
  type EnquiryTopic,
  type HandlingStatus,
} from '@medblog/shared';

export const ANY = 'any';

export interface ExportFilters {
  handlingStatus: HandlingStatus | typeof ANY;
  topic: EnquiryTopic | typeof ANY;
  from?: Date;
  to?: Date;
}

export const HANDLING_STATUS_OPTIONS = [
  { value: ANY, label: 'All statuses' },
  ...HANDLING_STATUSES.map((status) => ({ value: status, label: HANDLING_STATUS_LABELS[status] })),
];

export const TOPIC_OPTIONS = [
  { value: ANY, label: 'All topics' },
  ...ENQUIRY_TOPICS.map((topic) => ({ value: topic, label: ENQUIRY_TOPIC_LABELS[topic] })),
];

/** The calendar day the user picked, as YYYY-MM-DD (the picker gives local midnight). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An error to show under "Received to" when the range is backwards, else undefined. */
export function rangeError(filters: Pick<ExportFilters, 'from' | 'to'>): string | undefined {
  if (filters.from && filters.to && isoDay(filters.from) > isoDay(filters.to)) {
    return 'Must be the same day as "Received from" or later.';
  }
  return undefined;
}

/**
 * `/medblog/enquiries/export?...` with only the filters that are set; `count` for the number of
 * enquiries they match.
 */
export function exportPath(filters: ExportFilters, endpoint: 'export' | 'count' = 'export'): string {
  const query = new URLSearchParams();
  if (filters.handlingStatus !== ANY) query.set('handlingStatus', filters.handlingStatus);
  if (filters.topic !== ANY) query.set('topic', filters.topic);
  if (filters.from) query.set('from', isoDay(filters.from));
  if (filters.to) query.set('to', isoDay(filters.to));
  const search = query.toString();
  return `/medblog/enquiries/${endpoint}${search ? `?${search}` : ''}`;
}

/** "12 enquiries match", before the download. */
export function matchingSummary(count: number): string {
  if (count === 0) return 'No enquiry matches these filters.';
  return `${count} ${count === 1 ? 'enquiry matches' : 'enquiries match'} these filters.`;
}

/** What a refused export (403) says when the server gives no message. */
export const FORBIDDEN_EXPORT = 'Your role may not read enquiries.';

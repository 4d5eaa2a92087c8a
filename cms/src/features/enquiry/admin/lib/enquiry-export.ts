/**
 * The export screen's pure parts: the request built from the filters, the day a date picker
 * means, the file name the server sends and how many enquiries the file holds.
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

/** The file name from a Content-Disposition header, or a dated default. */
export function downloadFileName(contentDisposition: string | null | undefined, today = new Date()): string {
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition ?? '');
  if (utf8) {
    try {
      return safeFileName(decodeURIComponent(utf8[1].trim()));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(contentDisposition ?? '');
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? safeFileName(name) : `enquiries-${today.toISOString().slice(0, 10)}.csv`;
}

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** How many enquiries the export holds, from the server's `X-Total-Count` header (undefined if absent). */
export function exportedCount(totalCountHeader: string | null | undefined): number | undefined {
  const count = totalCountHeader && /^\d+$/.test(totalCountHeader.trim()) ? Number(totalCountHeader) : NaN;
  return Number.isSafeInteger(count) ? count : undefined;
}

/** "12 enquiries match", before the download. */
export function matchingSummary(count: number): string {
  if (count === 0) return 'No enquiry matches these filters.';
  return `${count} ${count === 1 ? 'enquiry matches' : 'enquiries match'} these filters.`;
}

/** The message of a Strapi error body (`{ error: { message } }`) read from a failed download. */
export function errorMessageFromBody(body: string, status: number): string {
  try {
    const message = JSON.parse(body)?.error?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: fall through
  }
  if (status === 401) return 'Your session has ended: log in again.';
  if (status === 403) return 'Your role may not read enquiries.';
  return `The server answered ${status}.`;
}

/**
 * The Subscribers screen's pure parts: the answers of /medblog/subscribers..., the requests, and
 * the words the screen shows.
 */
import { errorMessageFromBody } from '../../../../platform/admin/csv-download';

export const SUBSCRIBER = 'api::subscriber.subscriber';
export const READ_SUBSCRIBERS = 'plugin::content-manager.explorer.read';
export const DELETE_SUBSCRIBERS = 'plugin::content-manager.explorer.delete';
/** Who sees the screen: whoever may read subscribers (addresses too) or publish articles (counts only). */
export const SEE_SUBSCRIBER_COUNTS = [
  { action: READ_SUBSCRIBERS, subject: SUBSCRIBER },
  { action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' },
];
export const PAGE_SIZE = 20;
/** As the server takes it: an address is at most 254 characters. */
export const SEARCH_MAX = 254;

export interface SubscriberCounts {
  total: number;
  byStatus: Array<{ status: string; label: string; count: number }>;
  /** Active subscribers only. */
  byFrequency: Array<{ frequency: string; label: string; count: number }>;
  /** Active subscribers who chose no topic (every article reaches them). */
  everyTopic: number;
  /** Per category: the active subscribers a new article in it reaches. */
  byTopic: Array<{ slug: string; name: string; count: number }>;
}

export interface ListedSubscriber {
  documentId: string;
  email: string;
  subscriberStatus: 'pending' | 'active' | 'bouncing';
  frequency: 'each-article' | 'weekly';
  topics: string[];
  confirmedAt: string | null;
  createdAt: string;
}

export interface SubscriberList {
  data: ListedSubscriber[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

/** `/medblog/subscribers?q=...&page=...&pageSize=...`, without an empty search. */
export function listPath(q: string, page: number, pageSize = PAGE_SIZE): string {
  const query = new URLSearchParams();
  if (q.trim()) query.set('q', q.trim());
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  return `/medblog/subscribers?${query}`;
}

/** A subscriber's topics by their categories' names: "All topics" when they chose none. */
export function topicNames(topics: string[], categories: Array<{ slug: string; name: string }>): string {
  if (!topics.length) return 'All topics';
  const names = new Map(categories.map((c) => [c.slug, c.name]));
  return topics.map((slug) => names.get(slug) ?? slug).join(', ');
}

/** "3 subscribers match "gmail"", above the table. */
export function resultSummary(total: number, q: string): string {
  const who = `${total} ${total === 1 ? 'subscriber' : 'subscribers'}`;
  if (!q.trim()) return total === 0 ? 'Nobody has subscribed yet.' : `${who}, newest first.`;
  if (total === 0) return `No address contains “${q.trim()}”.`;
  return `${who} ${total === 1 ? 'has' : 'have'} an address containing “${q.trim()}”, newest first.`;
}

/** What the confirm dialog says before a removal. */
export function removalWarning(email: string): string {
  return `${email} will be deleted and forgotten: no e-mail goes to it any more, nothing about this reader is kept, and it cannot be undone. The reader may subscribe again on the site.`;
}

/** The message of a Strapi error body (`{ error: { message } }`), or a sentence for the status. */
export function errorMessage(body: unknown, status: number | undefined): string {
  return errorMessageFromBody(body, status, 'Your role may not see subscribers’ addresses.');
}

/**
 * The Readers page's and panel's pure parts: the requests to /medblog/insight/..., and the words
 * and numbers the screens show (ratings, units, shares, the text equivalent of each chart).
 */
import {
  INSIGHT_PAGE_TYPE_LABELS,
  VITAL_RATING_LABELS,
  type PageSpeed,
  type ReadersPeriod,
  type ReadersTable,
  type VitalRating,
} from '@medblog/shared';
import { errorMessageFromBody } from '../../../../platform/admin/csv-download';

export const ARTICLE = 'api::article.article';
/** Who sees the Readers page and the edit view's panel: whoever may read articles in the content manager. */
export const SEE_READERS = [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE }];

export const readersPath = (period: ReadersPeriod) => `/medblog/insight/readers?period=${period}`;
export const articleReadersPath = (documentId: string) => `/medblog/insight/articles/${encodeURIComponent(documentId)}`;
export const exportPath = (table: ReadersTable, period: ReadersPeriod) =>
  `/medblog/insight/export?table=${table}&period=${period}`;

const number = (value: number) => value.toLocaleString('en-GB');
export const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

/** "67% helpful (2 yes, 1 no)", or "No answers yet". */
export function helpfulText(yes: number, no: number, percent: number | null): string {
  if (percent === null) return 'No answers yet';
  return `${percent}% helpful (${number(yes)} yes, ${number(no)} no)`;
}

/** "62% on phones", of the views whose screen the beacon reported; null without any. */
export function phoneShareText(phone: number, desktop: number): string | null {
  const all = phone + desktop;
  if (!all) return null;
  const share = Math.round((100 * phone) / all);
  return `${share}% phone, ${100 - share}% desktop`;
}

/** A speed figure in its unit: "2.1 s", "180 ms", "0.12". */
export function speedValue(value: number | null, unit: PageSpeed['unit']): string {
  if (value === null) return 'No measures';
  if (unit === 'score') return value.toFixed(2);
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** "Good: at most 2.5 s; poor: over 4.0 s". */
export function thresholdsText(speed: Pick<PageSpeed, 'good' | 'poor' | 'unit'>): string {
  return `Good up to ${speedValue(speed.good, speed.unit)}, poor over ${speedValue(speed.poor, speed.unit)}`;
}

/** What each measure is, for an editor who does not know the acronyms. */
export const METRIC_NAMES: Record<PageSpeed['metric'], string> = {
  LCP: 'Main content shown',
  INP: 'Answer to a tap or click',
  CLS: 'Layout shifting',
  TTFB: 'First answer of the server',
};

export const ratingLabel = (rating: VitalRating | null) => (rating ? VITAL_RATING_LABELS[rating] : 'No measures');
export const pageTypeLabel = (pageType: PageSpeed['pageType']) => INSIGHT_PAGE_TYPE_LABELS[pageType] ?? pageType;

/** The design system's colours of a rating: green, amber, red; grey without measures. */
export function ratingColours(rating: VitalRating | null): { textColor: string; backgroundColor: string } {
  switch (rating) {
    case 'good':
      return { textColor: 'success700', backgroundColor: 'success100' };
    case 'needs-improvement':
      return { textColor: 'warning700', backgroundColor: 'warning100' };
    case 'poor':
      return { textColor: 'danger700', backgroundColor: 'danger100' };
    default:
      return { textColor: 'neutral700', backgroundColor: 'neutral150' };
  }
}

const dayName = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * A trend line's text equivalent: "Views per day from 8 Nov to 7 Dec: 10 in all, most 7 on 17 Nov,
 * 3 on the last day."
 */
export function trendText(days: string[], values: number[]): string {
  if (!days.length) return 'No days';
  const total = values.reduce((sum, value) => sum + value, 0);
  const span = `Views per day from ${dayName(days[0])} to ${dayName(days[days.length - 1])}`;
  if (!total) return `${span}: none.`;
  const most = Math.max(...values);
  const mostDay = days[values.indexOf(most)];
  return `${span}: ${number(total)} in all, most ${number(most)} on ${dayName(mostDay)}, ${number(values[values.length - 1])} on the last day.`;
}

/** A day as the page shows it: "7 Dec 2026". */
export function dayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The title of a draft started from a content gap: the query, its first letter capitalised. */
export function draftTitle(query: string): string {
  const text = query.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message of a Strapi error body (`{ error: { message } }`), or a sentence for the status. */
export function errorMessage(body: unknown, status: number | undefined): string {
  return errorMessageFromBody(body, status, 'Your role may not see these figures.');
}

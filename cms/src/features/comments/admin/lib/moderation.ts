/**
 * The moderation screen's vocabulary and wording: statuses, tab labels, what a decision is called
 * and the notification a moderator sees after one. Pure, so it is unit tested.
 */
import { MODERATION_STATUS_LABELS, contentManagerEntryPath, type ModerationStatus } from '@medblog/shared';

export type StatusFilter = ModerationStatus | 'all';

/** Tabs in the order a moderator works: the queue first. */
export const STATUS_FILTERS: readonly StatusFilter[] = ['pending', 'approved', 'rejected', 'spam', 'all'];

export const STATUS_LABELS: Record<StatusFilter, string> = { ...MODERATION_STATUS_LABELS, all: 'All' };

export const EMPTY_MESSAGES: Record<StatusFilter, string> = {
  pending: 'Nothing waiting for moderation',
  approved: 'No approved comments',
  rejected: 'No rejected comments',
  spam: 'No comments marked as spam',
  all: 'No comments yet',
};

/** The decisions offered on each comment and on a selection, in button order. */
export type Decision = Exclude<ModerationStatus, 'pending'>;
export const DECISIONS: readonly Decision[] = ['approved', 'rejected', 'spam'];

/** Visible button text for a decision on one comment, and for a selection. */
export const DECISION_BUTTON: Record<Decision, { one: string; selection: string }> = {
  approved: { one: 'Approve', selection: 'Approve selected' },
  rejected: { one: 'Reject', selection: 'Reject selected' },
  spam: { one: 'Spam', selection: 'Mark selected as spam' },
};

/** Accessible name of a row's decision button: it starts with, or contains, the visible text. */
export function decisionLabel(decision: Decision, authorName: string): string {
  const who = authorName.trim() || 'anonymous';
  if (decision === 'approved') return `Approve comment by ${who}`;
  if (decision === 'rejected') return `Reject comment by ${who}`;
  return `Mark comment by ${who} as spam`;
}

const PAST_TENSE: Record<ModerationStatus, string> = {
  approved: 'approved',
  rejected: 'rejected',
  spam: 'marked as spam',
  pending: 'moved back to pending',
};

function comments(count: number): string {
  return `${count} ${count === 1 ? 'comment' : 'comments'}`;
}

/**
 * What the moderator is told after a decision: "2 comments approved". When the server changed
 * fewer comments than were asked (another moderator deleted one, or the role may not change it),
 * the notification says so instead of claiming success.
 */
export function decisionOutcome(
  decision: ModerationStatus,
  requested: number,
  updated: number,
): { type: 'success' | 'warning'; message: string } {
  if (updated === 0) {
    return {
      type: 'warning',
      message: 'No comment was changed: they may have been deleted, or your role may not moderate them.',
    };
  }
  const message = `${comments(updated)} ${PAST_TENSE[decision]}`;
  if (updated < requested) {
    const missed = requested - updated;
    return {
      type: 'warning',
      message: `${message}; ${missed} could not be changed (deleted, or not yours to moderate).`,
    };
  }
  return { type: 'success', message };
}

/** "3 comments waiting for moderation", for the page header. */
export function pendingSummary(pending: number | undefined): string {
  if (pending === undefined) return 'Comments appear on the site only after a moderator approves them.';
  if (pending === 0) return 'Nothing waiting for moderation. Comments appear on the site only after approval.';
  return `${comments(pending)} waiting for moderation. Comments appear on the site only after approval.`;
}

export function parseStatusFilter(value: unknown): StatusFilter {
  return STATUS_FILTERS.includes(value as StatusFilter) ? (value as StatusFilter) : 'pending';
}

export const PAGE_SIZES = ['10', '20', '50', '100'] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** A positive whole number from the URL, or the fallback (never above max). */
export function parsePositiveInt(value: unknown, fallback: number, max = 100_000): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

/** What narrows the queue: words of the text, name or e-mail; one article; one sender's e-mail. */
export interface QueueSearch {
  q?: string;
  article?: string;
  sender?: string;
}

/** The queue request's path: `/medblog/comments?status=pending&page=1&pageSize=20&q=...`. */
export function commentsPath(status: StatusFilter, page: number, pageSize: number, search: QueueSearch = {}): string {
  const query = new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) });
  for (const [name, value] of Object.entries(search)) if (value) query.set(name, value);
  return `/medblog/comments?${query.toString()}`;
}

/** The moderation keys, in the order the legend shows them. */
export const KEYS = [
  { key: 'j', does: 'next' },
  { key: 'k', does: 'previous' },
  { key: 'x', does: 'select' },
  { key: 'a', does: 'approve' },
  { key: 'r', does: 'reject' },
  { key: 's', does: 'spam' },
] as const;

export type KeyCommand = 'next' | 'previous' | 'select' | Decision;

const KEY_COMMANDS: Record<string, KeyCommand> = {
  j: 'next',
  k: 'previous',
  x: 'select',
  a: 'approved',
  r: 'rejected',
  s: 'spam',
};

/**
 * The command a key press means on the moderation screen, or undefined: never while the moderator
 * types in a field, nor with Ctrl, Alt or Cmd (the browser's own shortcuts).
 */
export function keyCommand(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): KeyCommand | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const target = event.target as HTMLElement | null;
  if (target?.closest?.('input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"]')) {
    return undefined;
  }
  return KEY_COMMANDS[event.key];
}

/** The admin path of an article's edit view in the content manager (relative to /admin). */
export function articleEditPath(documentId: string): string {
  return contentManagerEntryPath('api::article.article', documentId);
}

/** A short, single-line extract of a text (for the comment a reply answers). */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

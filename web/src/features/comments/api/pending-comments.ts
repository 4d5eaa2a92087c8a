import { useCallback, useEffect, useState } from 'react';
import type { ArticleComment } from './get-comments';

/**
 * The reader's own comments that await moderation, kept in this browser only (never sent
 * anywhere) so the reader sees what they wrote until it is published. A comment leaves the list
 * when it appears among the approved ones, or after 30 days (it was rejected, or never reviewed).
 */
export interface PendingComment {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  /** The documentId of the comment it answers. */
  parent: string | null;
}

const STORAGE_PREFIX = 'medblog:pending-comments:';
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

function read(articleDocumentId: string): PendingComment[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + articleDocumentId) ?? '[]');
    const oldest = Date.now() - MAX_AGE_MS;
    // Written by this code, but storage is the reader's: keep only entries that still make sense.
    return Array.isArray(stored)
      ? stored.filter(
          (entry: PendingComment) =>
            typeof entry?.documentId === 'string' &&
            typeof entry.body === 'string' &&
            Date.parse(entry.createdAt) > oldest,
        )
      : [];
  } catch {
    return []; // storage blocked or damaged: nothing to show
  }
}

function write(articleDocumentId: string, comments: PendingComment[]) {
  try {
    if (comments.length) localStorage.setItem(STORAGE_PREFIX + articleDocumentId, JSON.stringify(comments));
    else localStorage.removeItem(STORAGE_PREFIX + articleDocumentId);
  } catch {
    // storage blocked (private mode): the comment is still sent, just not remembered here
  }
}

/** This reader's pending comments on the article; `approved` (once loaded) retires the published ones. */
export function usePendingComments(articleDocumentId: string, approved: ArticleComment[] | undefined) {
  // Storage is the browser's: the server renders none, and they appear once the page runs.
  const [pending, setPending] = useState<PendingComment[]>([]);

  useEffect(() => {
    const stored = read(articleDocumentId);
    if (!approved) return setPending(stored);
    const published = new Set(approved.map((comment) => comment.documentId));
    const kept = stored.filter((comment) => !published.has(comment.documentId));
    write(articleDocumentId, kept);
    setPending(kept);
  }, [articleDocumentId, approved]);

  const add = useCallback(
    (comment: PendingComment) => {
      const next = [...read(articleDocumentId), comment];
      write(articleDocumentId, next);
      setPending(next);
    },
    [articleDocumentId],
  );

  // Until the effect above has run, a comment may be both published and remembered: show it once.
  const published = new Set(approved?.map((comment) => comment.documentId));
  return { pending: pending.filter((comment) => !published.has(comment.documentId)), add };
}

import { useEffect, useState } from 'react';

// setTimeout's longest wait; a later close is checked again when the reader comes back.
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Whether the article takes new comments: enabled, and its `commentsCloseAt` (from the CMS's
 * moderation setting) not passed. The server's render and the browser's take-over judge by
 * `fetchedAt`, the time the page's data was fetched (the same in both, so the HTML matches);
 * then the browser's clock decides, and the form goes when the time comes.
 */
export function useCommentsOpen(commentsEnabled: boolean, commentsCloseAt: string | null, fetchedAt: number) {
  const closesAt = commentsCloseAt ? Date.parse(commentsCloseAt) : Number.POSITIVE_INFINITY;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const wait = closesAt - Date.now();
    if (!Number.isFinite(wait) || wait <= 0 || wait > MAX_WAIT_MS) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [closesAt]);
  return commentsEnabled && (now ?? fetchedAt) < closesAt;
}

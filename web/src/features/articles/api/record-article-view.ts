import { useEffect } from 'react';
import { apiClient } from '@/lib/api-client';

const STORAGE_PREFIX = 'medblog:viewed:';

export async function recordArticleView(documentId: string) {
  await apiClient.post(`/api/articles/${encodeURIComponent(documentId)}/views`);
}

/** Today's date in the reader's time zone, as YYYY-MM-DD. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Forgets the marks of earlier days, so storage holds at most one day of reads. */
function forgetEarlierDays(storage: Storage, day: string) {
  for (const key of Object.keys(storage)) {
    if (key.startsWith(STORAGE_PREFIX) && !key.endsWith(`:${day}`)) storage.removeItem(key);
  }
}

/**
 * Counts one view of the article per browser per day for "Popular posts". It runs after the page
 * has rendered and never affects it: no personal data is sent, and failures are ignored.
 */
export function useRecordArticleView(documentId: string, { enabled = true } = {}) {
  useEffect(() => {
    if (!enabled) return;
    const day = today();
    const key = `${STORAGE_PREFIX}${documentId}:${day}`;
    try {
      if (localStorage.getItem(key)) return;
      // Mark before sending, so a second render of the same page cannot count twice.
      localStorage.setItem(key, '1');
      forgetEarlierDays(localStorage, day);
    } catch {
      return; // storage blocked (private mode, strict settings): rather not count than count every visit
    }
    recordArticleView(documentId).catch(() => localStorage.removeItem(key));
  }, [documentId, enabled]);
}

import { COMMENTER_KEY } from '@medblog/shared';

/**
 * The commenter key: a random secret this browser keeps and sends with each comment, so that the
 * CMS can tell the reader whose comment a moderator approved from anyone who types the same e-mail
 * address (README, "the trusted-commenter rule").
 *
 * It lives in localStorage, not in a cookie: only a comment needs it, so it never travels with page
 * requests (where it would tag a named commenter's every visit in the logs of each server and CDN
 * on the way, and could keep shared caches from serving them), and neither another host of the
 * domain nor a plain-http answer can plant a key of its choosing, as they could with a cookie.
 */
const STORAGE_KEY = 'medblog:commenter-key';

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(COMMENTER_KEY.bytes));
  // base64url without padding: the 43 characters the comment schema takes.
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * This browser's key, made with its first comment. None when storage is blocked: a key that cannot
 * be kept would prove nothing next time, and the comment simply waits for a moderator.
 */
export function commenterKey(): string | undefined {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept && COMMENTER_KEY.pattern.test(kept)) return kept;
    const made = newKey();
    localStorage.setItem(STORAGE_KEY, made);
    return made;
  } catch {
    return undefined;
  }
}

/**
 * The public API's answer when a visitor reached a rate limit: the CMS sends it, the site shows its
 * message (or builds the same one when a 429 came without a body), the site's tests fake it.
 */

/** What a limit counts: form submissions (comments, enquiries) or requests (page views). */
export type RateLimitedAction = 'submissions' | 'requests';

/** "Too many submissions from your connection. Please try again in 9 minute(s)." */
export function rateLimitMessage(retryAfterSeconds: number, counted: RateLimitedAction = 'submissions'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${counted} from your connection. Please try again in ${minutes} minute(s).`;
}

/** Strapi's error body for a 429; send it with a Retry-After header of the same seconds. */
export function rateLimitBody(retryAfterSeconds: number, counted: RateLimitedAction = 'submissions') {
  return {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: rateLimitMessage(retryAfterSeconds, counted),
      details: { retryAfterSeconds },
    },
  };
}

import { LIMITS } from '@medblog/shared';

/**
 * Where a reader was when they wrote to us, sent with the enquiry as `sourcePath` so staff know
 * what they were reading: a path on this site (with its query), within the CMS's limit.
 */
export function sourcePathOf(path: string): string {
  return path.startsWith('/') ? path.slice(0, LIMITS.sourcePath) : '/';
}

/** The page this document was opened from, when it is a page of this site (a full page load). */
export function referrerPath(): string | null {
  if (typeof document === 'undefined' || !document.referrer) return null;
  try {
    const url = new URL(document.referrer);
    return url.origin === window.location.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** Links to the Quick Enquiry page pass the page they are on (the referrer only knows full page loads). */
export interface EnquiryLinkState {
  from?: string;
}

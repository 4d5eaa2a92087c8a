/**
 * The purge call the CMS makes to the site's server after a change readers can see, so the
 * server's cached pages and feeds stop showing the old content (see web/server and
 * cms/src/platform/site-purge.ts).
 *
 *   POST <site>/_purge   Content-Type: application/json   X-Medblog-Signature: t=<unix seconds>,v1=<hex>
 *   { "tags": ["articles", "comments:<article documentId>"] }
 *
 * v1 is the HMAC-SHA256, keyed with PURGE_SECRET, of `${t}.${body}` (the exact bytes sent). The
 * site refuses an unsigned call, a wrong signature, and one signed more than
 * PURGE.maxAgeSeconds away from its own clock.
 */
export const PURGE = {
  path: '/_purge',
  signatureHeader: 'x-medblog-signature',
  maxAgeSeconds: 300,
} as const;

/**
 * What a cached page depends on, and what a change touches. A page is purged when it carries
 * one of the change's tags.
 */
export const PURGE_TAGS = {
  /** Any article's published version: its page and every list or card that may show it. */
  articles: 'articles',
  categories: 'categories',
  authors: 'authors',
  /** The site settings: the header, footer and default tags of every page. */
  global: 'global',
  redirects: 'redirects',
  /** The approved comments of one article (by its documentId). */
  comments: (articleDocumentId: string) => `comments:${articleDocumentId}`,
} as const;

export interface PurgeRequest {
  tags: string[];
}

/** The text the signature covers. */
export const purgeSignedText = (timestamp: number, body: string) => `${timestamp}.${body}`;

/**
 * Addresses inside the Strapi admin. Paths are relative to the admin's base (`/admin`), as the
 * admin's own router links want them; `adminUrl` makes the absolute address an e-mail needs.
 */

/** Our own admin screens (`app.addMenuLink({ to })` takes them without a leading slash). */
export const ADMIN_SCREENS = {
  moderation: 'moderation',
  enquiryExport: 'enquiry-export',
  reviewsDue: 'reviews-due',
  subscribers: 'subscribers',
  readers: 'readers',
} as const;

export function moderationScreenPath(): string {
  return `/${ADMIN_SCREENS.moderation}`;
}

/** The content manager's list of a collection type, e.g. `api::enquiry.enquiry`. */
export function contentManagerListPath(uid: string): string {
  return `/content-manager/collection-types/${uid}`;
}

/**
 * The content manager's list of the articles whose next medical review is due on or before `today`
 * (YYYY-MM-DD), the most overdue first: a saved filter, as the list's own filter menu writes it.
 * The same path asks the content manager's API for them (`pageSize` 1 when only the total counts).
 */
export function reviewsDueListPath(today: string, pageSize = 20): string {
  const query = new URLSearchParams({
    page: '1',
    pageSize: String(pageSize),
    sort: 'nextReviewDueAt:ASC',
    'filters[$and][0][nextReviewDueAt][$lte]': today,
  });
  return `${contentManagerListPath('api::article.article')}?${query}`;
}

/** The content manager's edit view of one entry. */
export function contentManagerEntryPath(uid: string, documentId: string): string {
  return `${contentManagerListPath(uid)}/${encodeURIComponent(documentId)}`;
}

/** `https://cms.example.org` + `/moderation` → `https://cms.example.org/admin/moderation`. */
export function adminUrl(cmsUrl: string, path: string): string {
  return `${cmsUrl.replace(/\/+$/, '')}/admin${path}`;
}

/**
 * A comment's place on the reader site, for the moderation screen's "View on site":
 * `https://site.example/articles/<slug>#comment-<documentId>`.
 */
export function commentOnSiteUrl(siteUrl: string, articleSlug: string, commentDocumentId: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/articles/${encodeURIComponent(articleSlug)}#comment-${encodeURIComponent(commentDocumentId)}`;
}

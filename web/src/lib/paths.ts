/**
 * Every address of the reader site, in one place: links, redirects, canonical URLs and the
 * router's own patterns (`paths.article(':slug')`) are built from these.
 */
export const paths = {
  home: '/',
  article: (slug: string) => `/articles/${slug}`,
  category: (slug: string) => `/categories/${slug}`,
  author: (slug: string) => `/authors/${slug}`,
  editorialPolicy: '/editorial-policy',
  feed: '/feed.xml',
  categoryFeed: (slug: string) => `/categories/${slug}/feed.xml`,
  sitemap: '/sitemap.xml',
  search: '/search',
  enquiry: '/enquiry',
  privacy: '/privacy',
  /** The subscribe form's own page. */
  subscribe: '/subscribe',
  /** Confirmation e-mails link here with a signed token: never cached, never indexed. */
  subscribeConfirm: '/subscribe/confirm',
  /** Newsletter e-mails link here with a signed token: never cached, never indexed. */
  subscribeManage: '/subscribe/manage',
  /** Where the manage page's "leave" form posts without the page's code. */
  subscribeLeave: '/subscribe/leave',
  /** An article's draft, for its editor (the CMS's Preview button links here with a token). */
  preview: (documentId: string) => `/preview/${documentId}`,
} as const;

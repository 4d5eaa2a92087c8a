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
  /** An article's draft, for its editor (the CMS's Preview button links here with a token). */
  preview: (documentId: string) => `/preview/${documentId}`,
} as const;

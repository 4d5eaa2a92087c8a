/**
 * What an article card shows (lists, "Read also", "Popular posts"): the CMS's popular endpoint
 * returns exactly this, and the site asks for exactly this. Never the body, so a page of cards
 * stays a few kilobytes.
 */

/** The fields of an image a page needs to show it at the right size. */
export const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'] as const;

export const ARTICLE_CARD = {
  fields: ['title', 'slug', 'excerpt', 'publishedAt', 'originalPublishedAt', 'readingTimeMinutes', 'featured'],
  populate: {
    cover: { fields: IMAGE_FIELDS },
    category: { fields: ['name', 'slug'] },
    author: { fields: ['name', 'slug'] },
  },
} as const;

/**
 * The content fields of each public shape, as values: the CMS tests compare them with the Strapi
 * schemas, and the compiler checks that each list names every field of its type. Changing a type
 * without the schema (or the reverse) fails a test.
 */
import type {
  Article,
  Author,
  Category,
  CommentsWindow,
  Entity,
  Global,
  PublicComment,
  Redirect,
  Reference,
  Seo,
  SocialLink,
  Timestamps,
} from './content.js';

// CommentsWindow is computed on each read, not a stored field.
type ContentKeys<T> = Exclude<keyof T, keyof Entity | keyof Timestamps | keyof CommentsWindow | 'publishedAt'>;

/** Accepts a list of keys only when it names every content key of T. */
function allFieldsOf<T>() {
  return <const K extends readonly ContentKeys<T>[]>(
    keys: K & ([ContentKeys<T>] extends [K[number]] ? unknown : { missing: Exclude<ContentKeys<T>, K[number]> }),
  ): K => keys;
}

export const PUBLIC_FIELDS = {
  article: allFieldsOf<Article>()([
    'title',
    'slug',
    'excerpt',
    'cover',
    'body',
    'category',
    'author',
    'relatedArticles',
    'seo',
    'featured',
    'commentsEnabled',
    'readingTimeMinutes',
    'originalPublishedAt',
    'displayDate',
    'reviewer',
    'lastReviewedAt',
    'nextReviewDueAt',
    'references',
    'conflictOfInterest',
    'audience',
  ]),
  category: allFieldsOf<Category>()(['name', 'slug', 'description']),
  author: allFieldsOf<Author>()(['name', 'slug', 'jobTitle', 'bio', 'avatar', 'credentials']),
  comment: allFieldsOf<PublicComment>()([
    'article',
    'parent',
    'authorName',
    'body',
    'moderationStatus',
    'moderatedAt',
    'badge',
  ]),
  global: allFieldsOf<Global>()([
    'siteName',
    'tagline',
    'contactEmail',
    'contactPhone',
    'socialLinks',
    'footerText',
    'defaultSeo',
    'disclaimer',
  ]),
  redirect: allFieldsOf<Redirect>()(['fromPath', 'toPath', 'code']),
  seo: allFieldsOf<Seo>()(['metaTitle', 'metaDescription', 'shareImage']),
  socialLink: allFieldsOf<SocialLink>()(['platform', 'url']),
  reference: allFieldsOf<Reference>()(['citation', 'url', 'doi', 'pmid']),
} as const;

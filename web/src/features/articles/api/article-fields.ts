/**
 * What each view asks the CMS for: only the fields and relations it shows. Lists never ask for
 * `body` (the long part of an article), so a page of cards stays a few kilobytes.
 */
import type { Article, Author, Category } from '@medblog/shared';
import type { Image } from '@/lib/media';

const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'];

export const ARTICLE_LIST_FIELDS = ['title', 'slug', 'excerpt', 'publishedAt', 'readingTimeMinutes', 'featured'];

export const ARTICLE_LIST_POPULATE = {
  cover: { fields: IMAGE_FIELDS },
  category: { fields: ['name', 'slug'] },
  author: { fields: ['name', 'slug'] },
};

export const ARTICLE_PAGE_FIELDS = [...ARTICLE_LIST_FIELDS, 'body', 'commentsEnabled'];

export const ARTICLE_PAGE_POPULATE = {
  cover: { fields: IMAGE_FIELDS },
  category: { fields: ['name', 'slug'] },
  author: { fields: ['name', 'slug', 'jobTitle'], populate: { avatar: { fields: IMAGE_FIELDS } } },
  relatedArticles: { fields: ARTICLE_LIST_FIELDS, populate: { cover: { fields: IMAGE_FIELDS } } },
  seo: { populate: { shareImage: { fields: IMAGE_FIELDS } } },
};

type ListFields = Pick<Article, 'id' | 'documentId' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'readingTimeMinutes' | 'featured'>;

/** An article as lists show it (cards, "Read also", "Popular posts"). */
export type ArticleSummary = ListFields & {
  cover?: Image | null;
  category?: Pick<Category, 'name' | 'slug'> | null;
  author?: Pick<Author, 'name' | 'slug'> | null;
};

/** An article as its own page shows it. */
export type ArticleDetail = Omit<ArticleSummary, 'author'> &
  Pick<Article, 'body' | 'commentsEnabled' | 'seo'> & {
    author?: (Pick<Author, 'name' | 'slug' | 'jobTitle'> & { avatar?: Image | null }) | null;
    relatedArticles?: Array<ListFields & { cover?: Image | null }>;
  };

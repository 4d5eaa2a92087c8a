/**
 * What an article's own page asks the CMS for: only the fields and relations it shows. Lists ask
 * for ARTICLE_CARD (in @medblog/shared, shared with the CMS's popular endpoint), never for `body`.
 */
import { ARTICLE_CARD, IMAGE_FIELDS, type Article, type Author, type Category } from '@medblog/shared';
import type { Image } from '@/lib/media';

export const ARTICLE_PAGE_FIELDS = [...ARTICLE_CARD.fields, 'body', 'commentsEnabled'];

export const ARTICLE_PAGE_POPULATE = {
  cover: { fields: IMAGE_FIELDS },
  category: { fields: ['name', 'slug'] },
  author: { fields: ['name', 'slug', 'jobTitle'], populate: { avatar: { fields: IMAGE_FIELDS } } },
  relatedArticles: { fields: ARTICLE_CARD.fields, populate: { cover: { fields: IMAGE_FIELDS } } },
  seo: { populate: { shareImage: { fields: IMAGE_FIELDS } } },
};

type ListFields = Pick<Article, 'id' | 'documentId' | (typeof ARTICLE_CARD.fields)[number]>;

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

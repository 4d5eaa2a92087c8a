/**
 * What an article's own page asks the CMS for: only the fields and relations it shows. Lists ask
 * for ARTICLE_CARD (in @medblog/shared, shared with the CMS's popular endpoint), never for `body`.
 */
import { ARTICLE_CARD, IMAGE_FIELDS, type Article, type Author, type Category } from '@medblog/shared';
import type { Image } from '@/lib/media';

/** The review trail and sources under an article's title and at its end. */
const TRUST_FIELDS = ['lastReviewedAt', 'nextReviewDueAt', 'conflictOfInterest', 'audience'] as const;

export const ARTICLE_PAGE_FIELDS = [...ARTICLE_CARD.fields, 'body', 'commentsEnabled', 'updatedAt', ...TRUST_FIELDS];

/** How a person is named on an article: as its author or its reviewer. */
const PERSON_FIELDS = ['name', 'slug', 'jobTitle', 'credentials'] as const;

export const ARTICLE_PAGE_POPULATE = {
  cover: { fields: IMAGE_FIELDS },
  category: { fields: ['name', 'slug'] },
  author: { fields: PERSON_FIELDS, populate: { avatar: { fields: IMAGE_FIELDS } } },
  relatedArticles: { fields: ARTICLE_CARD.fields, populate: { cover: { fields: IMAGE_FIELDS } } },
  seo: { populate: { shareImage: { fields: IMAGE_FIELDS } } },
  reviewer: { fields: PERSON_FIELDS },
  references: { fields: ['citation', 'url', 'doi', 'pmid'] },
};

type ListFields = Pick<Article, 'id' | 'documentId' | (typeof ARTICLE_CARD.fields)[number]>;

/** An article as lists show it (cards, "Read also", "Popular posts"). */
export type ArticleSummary = ListFields & {
  cover?: Image | null;
  category?: Pick<Category, 'name' | 'slug'> | null;
  author?: Pick<Author, 'name' | 'slug'> | null;
};

/** The author or reviewer of an article, as its page names them. */
export type ArticlePerson = Pick<Author, (typeof PERSON_FIELDS)[number]>;

/** An article as its own page shows it. */
export type ArticleDetail = Omit<ArticleSummary, 'author'> &
  Pick<
    Article,
    'body' | 'commentsEnabled' | 'commentsCloseAt' | 'seo' | 'updatedAt' | 'references' | (typeof TRUST_FIELDS)[number]
  > & {
    author?: (ArticlePerson & { avatar?: Image | null }) | null;
    reviewer?: ArticlePerson | null;
    relatedArticles?: Array<ListFields & { cover?: Image | null }>;
  };

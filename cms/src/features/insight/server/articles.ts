/**
 * The published article a beacon names, by documentId or slug, looked up for a whole beacon in one
 * query and remembered for a minute (a popular article's readers cost no query each). An event
 * naming no published article is dropped: a page cached before its article was unpublished, or a
 * made-up id, counts nothing.
 */
import type { Core } from '@strapi/strapi';

const REMEMBER_MS = 60_000;
/** Names remembered at most; past it the memory starts again (made-up names cannot grow it). */
const REMEMBER_MAX = 10_000;

export interface ArticleRef {
  article?: string;
  slug?: string;
}

export function createArticleResolver(strapi: Core.Strapi) {
  let known = new Map<string, { documentId: string | null; until: number }>();
  const keyOf = (ref: ArticleRef) => (ref.article ? `id:${ref.article}` : `slug:${ref.slug}`);

  return {
    /** The documentId of each ref's published article (null: none), by ref key. */
    async resolve(refs: ArticleRef[], now = Date.now()): Promise<(ref: ArticleRef) => string | null> {
      const missing = refs.filter((ref) => (ref.article || ref.slug) && !((known.get(keyOf(ref))?.until ?? 0) > now));
      if (missing.length) {
        const ids = [...new Set(missing.flatMap((ref) => (ref.article ? [ref.article] : [])))];
        const slugs = [...new Set(missing.flatMap((ref) => (!ref.article && ref.slug ? [ref.slug] : [])))];
        const found = (await strapi.db.query('api::article.article').findMany({
          select: ['documentId', 'slug'],
          where: {
            publishedAt: { $notNull: true },
            $or: [{ documentId: { $in: ids } }, { slug: { $in: slugs } }],
          },
        })) as Array<{ documentId: string; slug: string | null }>;
        if (known.size + missing.length > REMEMBER_MAX) known = new Map();
        for (const ref of missing) {
          const match = found.find((row) => (ref.article ? row.documentId === ref.article : row.slug === ref.slug));
          known.set(keyOf(ref), { documentId: match?.documentId ?? null, until: now + REMEMBER_MS });
        }
      }
      return (ref) => (ref.article || ref.slug ? (known.get(keyOf(ref))?.documentId ?? null) : null);
    },
  };
}

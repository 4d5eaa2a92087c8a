/**
 * Fields the server fills on every save, whoever saves (admin, REST, seed): slugs, and for
 * articles the reading time and, when the editor leaves it empty, the excerpt.
 * A Document Service middleware rather than lifecycle hooks: with draft & publish an article has
 * two rows, and hooks would fire on each.
 */
import type { Core } from '@strapi/strapi';
import { LIMITS } from '@medblog/shared';
import { excerptFrom, isMadeExcerpt, readingTimeMinutes } from '../../../platform/blocks';
import { slugify } from './slug';

/** Content types with a slug, and the field each slug is made from. */
const SLUG_SOURCES: Record<string, { source: string; fallback: string }> = {
  'api::article.article': { source: 'title', fallback: 'article' },
  'api::category.category': { source: 'name', fallback: 'category' },
  'api::author.author': { source: 'name', fallback: 'author' },
};

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string, documentId?: string): Promise<string> {
  const taken = await strapi.db.query(uid).findMany({
    select: ['slug', 'documentId'],
    where: { slug: { $startsWith: base } },
  });
  return freeSlug(base, new Set(taken.filter((row) => row.documentId !== documentId).map((row) => row.slug)));
}

/** `base`, or `base-2`, `base-3`… whichever is not in `used` first (also for bulk writers, such as the importer). */
export function freeSlug(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/**
 * Whether the article's excerpt is the server's to make: empty, or made earlier from the body (the
 * stored one or the one being saved), so that it follows the body instead of keeping an old cut.
 */
async function excerptIsMade(strapi: Core.Strapi, data: Record<string, unknown>, documentId?: string) {
  const stored = documentId
    ? await strapi.db
        .query('api::article.article')
        .findOne({ select: ['excerpt', 'body'], where: { documentId, publishedAt: null } })
    : null;
  const excerpt = 'excerpt' in data ? data.excerpt : stored?.excerpt;
  if (typeof excerpt !== 'string' || !excerpt.trim()) return true;
  const max = LIMITS.articleExcerpt;
  return isMadeExcerpt(excerpt, data.body, max) || (stored !== null && isMadeExcerpt(excerpt, stored.body, max));
}

export function registerComputedFields(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const slugSource = SLUG_SOURCES[context.uid];
    if (!slugSource || (context.action !== 'create' && context.action !== 'update')) return next();

    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!data) return next();

    const wantsSlug = context.action === 'create' ? !data.slug : 'slug' in data && !data.slug;
    if (wantsSlug) {
      let source = data[slugSource.source];
      if (!source && params.documentId) {
        const existing = await strapi.db.query(context.uid).findOne({ where: { documentId: params.documentId } });
        source = existing?.[slugSource.source];
      }
      data.slug = slugify(String(source ?? '')) || slugSource.fallback;
    }
    if (typeof data.slug === 'string' && data.slug) {
      data.slug = await uniqueSlug(strapi, context.uid, slugify(data.slug) || slugSource.fallback, params.documentId);
    }

    if (context.uid === 'api::article.article' && 'body' in data) {
      fillArticleFields(data, await excerptIsMade(strapi, data, params.documentId));
    }
    return next();
  });
}

/**
 * An article's reading time and, when the excerpt is the server's to make, the excerpt, from
 * `data.body` (also for bulk writers, such as the importer: a new entry's excerpt is made when empty).
 */
export function fillArticleFields(
  data: Record<string, unknown>,
  makeExcerpt = typeof data.excerpt !== 'string' || !data.excerpt.trim(),
): void {
  data.readingTimeMinutes = readingTimeMinutes(data.body);
  if (makeExcerpt) data.excerpt = excerptFrom(data.body, LIMITS.articleExcerpt);
}

/**
 * Comments close automatically: the moderation setting "Close comments after (days)" (empty: never)
 * counts from the date the article shows readers (its original date when imported, else when it
 * was last published). The public article answers carry `commentsCloseAt`, a fixed time rather
 * than an "open" flag, so a cached answer stays true after that time passes; the setting's changes
 * evict the cached articles and purge the site's pages.
 */
import type { Core } from '@strapi/strapi';
import { PURGE_TAGS, articleDate } from '@medblog/shared';
import { announceChange } from '../../../platform/content-changes';

const ARTICLE = 'api::article.article';
const SETTING = 'api::moderation-setting.moderation-setting';
const DAY_MS = 24 * 60 * 60 * 1000;

interface Dated {
  publishedAt?: string | Date | null;
  originalPublishedAt?: string | Date | null;
}

/** The setting's number of days, or null when comments never close by themselves. */
export async function closeCommentsAfterDays(strapi: Core.Strapi): Promise<number | null> {
  // The query engine rather than the Document Service: every public article answer asks this, and
  // a single type without drafts needs no transaction around one read.
  const settings = await strapi.db.query(SETTING).findOne({ select: ['closeCommentsAfterDays'] });
  return (settings?.closeCommentsAfterDays as number | null | undefined) ?? null;
}

export function commentsCloseAt(article: Dated, days: number | null): string | null {
  if (days === null || !article.publishedAt) return null;
  const shown = articleDate({
    publishedAt: new Date(article.publishedAt).toISOString(),
    originalPublishedAt: article.originalPublishedAt ? new Date(article.originalPublishedAt).toISOString() : null,
  });
  return new Date(Date.parse(shown) + days * DAY_MS).toISOString();
}

/** Adds `commentsCloseAt` to each article of a public answer (whatever fields it asked for). */
export async function addCommentsWindow(
  strapi: Core.Strapi,
  articles: Array<{ documentId?: string; commentsCloseAt?: string | null }>,
): Promise<void> {
  const days = articles.length ? await closeCommentsAfterDays(strapi) : null;
  // The dates are read here: a request's `fields` may have left them out.
  const dates =
    days === null
      ? []
      : await strapi.db.query(ARTICLE).findMany({
          select: ['documentId', 'publishedAt', 'originalPublishedAt'],
          where: {
            documentId: { $in: articles.map((article) => article.documentId) },
            publishedAt: { $notNull: true },
          },
        });
  const byId = new Map(dates.map((row: Dated & { documentId: string }) => [row.documentId, row]));
  for (const article of articles) {
    const dated = byId.get(article.documentId ?? '');
    article.commentsCloseAt = dated ? commentsCloseAt(dated, days) : null;
  }
}

/** Whether a published article's comments have closed by the setting. */
export async function commentsClosedByTime(strapi: Core.Strapi, article: Dated): Promise<boolean> {
  const closeAt = commentsCloseAt(article, await closeCommentsAfterDays(strapi));
  return closeAt !== null && Date.now() >= Date.parse(closeAt);
}

/** A change of the setting changes every article's `commentsCloseAt`: their answers and pages go. */
export function registerCommentsWindowChanges(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SETTING || !['create', 'update', 'delete'].includes(context.action)) return next();
    const before = await closeCommentsAfterDays(strapi);
    const result = await next();
    if ((await closeCommentsAfterDays(strapi)) !== before) announceChange(strapi, [PURGE_TAGS.articles]);
    return result;
  });
}

import { factories } from '@strapi/strapi';
import { ARTICLE_CARD } from '@medblog/shared';
import { rankArticles, rebuildSearchIndex, searchSnippets } from '../../../features/search/server/search-index';
import { createViewCounter, VIEWS_TABLE } from '../../../features/articles/server/page-views';
import { utcDay } from '../../../platform/utils/dates';
import { fillArticleFields, freeSlug } from '../../../features/articles/server/computed-fields';
import { slugify } from '../../../features/articles/server/slug';
import { NO_ADMIN, recordFirstVersions } from '../../../features/history/server/revisions';
import type { ImportSteps } from '../../../features/import/server/importer';

type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
// Strapi's query types want mutable arrays; the shared definition is read-only (as const) so that
// its field names stay checked. Same object, writable type.
const CARD_QUERY = ARTICLE_CARD as Writable<typeof ARTICLE_CARD>;

const POPULAR_WINDOW_DAYS = 30;

export default factories.createCoreService('api::article.article', ({ strapi }) => {
  /** The cards of the published articles among `documentIds`, by documentId. */
  async function publishedCards(documentIds: string[]) {
    const cards = documentIds.length
      ? await strapi
          .documents('api::article.article')
          .findMany({ ...CARD_QUERY, status: 'published', filters: { documentId: { $in: documentIds } } })
      : [];
    return new Map(cards.map((card) => [card.documentId, card]));
  }

  const views = createViewCounter(strapi);

  // For the importer: what the Document Service's middlewares would do for an entry it writes itself.
  const importSteps: ImportSteps = {
    slugify: (text) => slugify(text),
    freeSlug,
    fillArticleFields: (data) => fillArticleFields(data),
    recordFirstVersions,
    rebuildSearchIndex,
    importerName: NO_ADMIN.import,
  };

  return {
    importSteps: () => importSteps,

    async isPublished(documentId: string): Promise<boolean> {
      return Boolean(
        await strapi.documents('api::article.article').findOne({ documentId, status: 'published', fields: ['id'] }),
      );
    },

    /** Counts a view today (UTC); it reaches the table with the next flush. */
    async addView(documentId: string): Promise<void> {
      await views.add(documentId, utcDay(new Date()));
    },

    /** Writes the views counted so far (tests call it before reading the table). */
    flushViews: () => views.flush(),
    startViewFlushing: () => views.start(),
    stopViewFlushing: () => views.stop(),

    /**
     * The most-read published articles of the last 30 days, most read first; topped up with the
     * latest articles while there are not enough views (a new site still shows a full list).
     */
    async popular(limit: number) {
      const { rows } = await strapi.db.connection.raw(
        `SELECT article_document_id AS "documentId", SUM(views)::int AS views FROM ${VIEWS_TABLE}
       WHERE day > CURRENT_DATE - ${POPULAR_WINDOW_DAYS}
       GROUP BY article_document_id ORDER BY views DESC, article_document_id LIMIT ?`,
        [limit * 2],
      );
      const ranked: string[] = rows.map((row: { documentId: string }) => row.documentId);
      const viewed = await publishedCards(ranked);
      const result = ranked.flatMap((documentId) => viewed.get(documentId) ?? []).slice(0, limit);
      if (result.length < limit) {
        const latest = await strapi.documents('api::article.article').findMany({
          ...CARD_QUERY,
          status: 'published',
          filters: { documentId: { $notIn: result.map((a) => a.documentId) } },
          sort: 'displayDate:desc',
          limit: limit - result.length,
        });
        result.push(...latest);
      }
      return result;
    },

    /**
     * One page of published articles matching `q`, best first, as cards with a snippet each.
     * Ranking and snippets come from PostgreSQL (features/search/server/search-index.ts), cards from the
     * Document Service, published versions only; snippets and cards are read side by side.
     */
    async search(q: string, page: number, pageSize: number) {
      const ranked = await rankArticles(strapi, q, page, pageSize);
      const [snippets, cards] = await Promise.all([searchSnippets(strapi, ranked), publishedCards(ranked.documentIds)]);
      // An article unpublished between the reads is left out rather than shown half.
      const results = ranked.documentIds.flatMap((documentId) => {
        const card = cards.get(documentId);
        return card ? [{ card, snippet: snippets.get(documentId) ?? { text: '', highlights: [] } }] : [];
      });
      return { total: ranked.total, results };
    },
  };
});

import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN, POPULAR_LIMIT, type SearchSnippet } from '@medblog/shared';
import { visitorAddress, visitorKey } from '../../../platform/utils/client';
import { firstTimeToday } from '../../../platform/limits/rate-limit';
import { checkPreviewToken } from '../../../features/preview/server/token';
import { addCommentsWindow } from '../../../features/comments/server/comments-window';
import { searchPagination, searchText } from '../../../features/search/server/search-query';

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  // The public sees published articles only, whatever `status` a client asks for, each with when
  // its comments close.
  async find(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    const response = await super.find(ctx);
    await addCommentsWindow(strapi, response.data ?? []);
    return response;
  },

  async findOne(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    const response = await super.findOne(ctx);
    if (response?.data) await addCommentsWindow(strapi, [response.data]);
    return response;
  },

  /**
   * GET /api/preview/articles/:documentId?token=…&fields…&populate…: the article's draft as its
   * page shows it, for the holder of a preview token for this article (src/features/preview/server/token.ts).
   */
  async preview(ctx) {
    const { documentId } = ctx.params;
    const check = checkPreviewToken(ctx.query.token, documentId);
    if (check === 'expired') return ctx.unauthorized('This preview link has expired: open Preview again in the editor');
    if (check === 'other-document') return ctx.forbidden('This preview link is for another article');
    if (check !== 'valid') return ctx.unauthorized('This preview link is not valid');

    const model = strapi.getModel('api::article.article');
    const { token: _token, ...query } = ctx.query;
    const { fields, populate } = (await strapi.contentAPI.sanitize.query(query, model, { auth: ctx.state.auth })) as {
      fields?: string[];
      populate?: object;
    };
    const draft = await strapi
      .documents('api::article.article')
      .findOne({ documentId, status: 'draft', fields, populate } as never);
    if (!draft) return ctx.notFound('No article has this documentId');
    return { data: await strapi.contentAPI.sanitize.output(draft, model, { auth: ctx.state.auth }), meta: {} };
  },

  /** GET /api/articles/popular?limit=5 */
  async popular(ctx) {
    const raw = ctx.query.limit ?? String(POPULAR_LIMIT.default);
    const limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > POPULAR_LIMIT.max) {
      throw new errors.ValidationError(`limit: must be a whole number from 1 to ${POPULAR_LIMIT.max}`);
    }
    const data = await strapi.service('api::article.article').popular(limit);
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.getModel('api::article.article'), {
      auth: ctx.state.auth,
    });
    return { data: sanitized, meta: {} };
  },

  /** GET /api/search?q=...&pagination[page]=1&pagination[pageSize]=10: published articles, best first. */
  async search(ctx) {
    const q = searchText(ctx.query.q);
    const { page, pageSize } = searchPagination(ctx.query.pagination);
    const { total, results }: { total: number; results: { card: object; snippet: SearchSnippet }[] } = await strapi
      .service('api::article.article')
      .search(q, page, pageSize);
    const model = strapi.getModel('api::article.article');
    const data = await Promise.all(
      results.map(async ({ card, snippet }) => ({
        ...((await strapi.contentAPI.sanitize.output(card, model, { auth: ctx.state.auth })) as object),
        snippet,
      })),
    );
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /**
   * POST /api/articles/:documentId/views: a page view, counted once per visitor per article per
   * UTC day. The visitor is remembered until midnight only as a salted hash, never the address.
   */
  async view(ctx) {
    const { documentId } = ctx.params;
    const articles = strapi.service('api::article.article');
    if (!DOCUMENT_ID_PATTERN.test(documentId) || !(await articles.isPublished(documentId))) {
      return ctx.notFound('No published article has this documentId');
    }
    if (await firstTimeToday(strapi, 'article-view', `${documentId}:${visitorKey(visitorAddress(strapi, ctx))}`)) {
      await articles.addView(documentId);
    }
    ctx.status = 204;
  },
}));

import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN } from '@medblog/shared';
import { visitorKey } from '../../../utils/client';
import { oncePerDay, secondsUntilTomorrow, take } from '../../../anti-abuse/rate-limit';

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  // The public sees published articles only, whatever `status` a client asks for.
  async find(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return super.find(ctx);
  },

  async findOne(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return super.findOne(ctx);
  },

  /** GET /api/articles/popular?limit=5 */
  async popular(ctx) {
    const raw = ctx.query.limit ?? '5';
    const limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
      throw new errors.ValidationError('limit: must be a whole number from 1 to 20');
    }
    const data = await strapi.service('api::article.article').popular(limit);
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.getModel('api::article.article'), {
      auth: ctx.state.auth,
    });
    return { data: sanitized, meta: {} };
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
    const today = new Date().toISOString().slice(0, 10);
    const firstToday =
      (await take(
        oncePerDay('article-view'),
        `${today}:${documentId}:${visitorKey(ctx.request.ip)}`,
        secondsUntilTomorrow(),
      )) === 0;
    if (firstToday) await articles.addView(documentId);
    ctx.status = 204;
  },
}));

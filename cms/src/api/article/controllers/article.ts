import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

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
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.getModel('api::article.article'), { auth: ctx.state.auth });
    return { data: sanitized, meta: {} };
  },

  /** POST /api/articles/:documentId/views: one page view (the browser sends one per article per day). */
  async view(ctx) {
    const { documentId } = ctx.params;
    if (!DOCUMENT_ID.test(documentId) || !(await strapi.service('api::article.article').recordView(documentId))) {
      return ctx.notFound('No published article has this documentId');
    }
    ctx.status = 204;
  },
}));

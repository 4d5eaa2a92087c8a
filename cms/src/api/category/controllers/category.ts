import { factories } from '@strapi/strapi';
import { topicsInUse } from '../../../features/articles/server/topics-in-use';

/**
 * Readers are shown only the topics that have a published article: an empty topic is neither in
 * the lists (the site's topic bar, the sitemap) nor a page of its own until its first article is
 * published. Editors see every topic in the admin, which does not use these routes.
 */
export default factories.createCoreController('api::category.category', ({ strapi }) => ({
  async find(ctx) {
    const inUse = { id: { $in: await topicsInUse(strapi) } };
    const { filters } = ctx.query;
    ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, inUse] } : inUse };
    return super.find(ctx);
  },

  async findOne(ctx) {
    const response = await super.findOne(ctx);
    if (response?.data && !(await topicsInUse(strapi)).includes(response.data.id as number)) return ctx.notFound();
    return response;
  },
}));

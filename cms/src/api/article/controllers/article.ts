import { factories } from '@strapi/strapi';

// The public sees published articles only, whatever `status` a client asks for.
export default factories.createCoreController('api::article.article', () => ({
  async find(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return super.find(ctx);
  },
  async findOne(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return super.findOne(ctx);
  },
}));

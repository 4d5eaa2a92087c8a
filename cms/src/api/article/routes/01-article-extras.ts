import { publicInput, rateLimit } from '../../../utils/public-routes';

// Registered before the core routes (files load in name order), so /articles/popular is not
// taken for an article id.
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/popular',
      handler: 'api::article.article.popular',
      config: { middlewares: [publicInput({ params: ['limit'] })] },
    },
    {
      method: 'GET',
      path: '/search',
      handler: 'api::article.article.search',
      config: { middlewares: [publicInput({ params: ['q', 'pagination'] })] },
    },
    {
      method: 'POST',
      path: '/articles/:documentId/views',
      handler: 'api::article.article.view',
      config: { middlewares: [publicInput({ params: [] }), rateLimit('views')] },
    },
  ],
};

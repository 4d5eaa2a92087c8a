import { ENTRY_PARAMS } from '../../../middlewares/public-input';
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
      // An article's draft, for the site's preview page: only with a preview token for it.
      method: 'GET',
      path: '/preview/articles/:documentId',
      handler: 'api::article.article.preview',
      config: { middlewares: [publicInput({ uid: 'api::article.article', params: [...ENTRY_PARAMS, 'token'] })] },
    },
    {
      method: 'POST',
      path: '/articles/:documentId/views',
      handler: 'api::article.article.view',
      config: { middlewares: [publicInput({ params: [] }), rateLimit('views')] },
    },
  ],
};

// Registered before the core routes (files load in name order), so /articles/popular is not
// taken for an article id.
export default {
  routes: [
    { method: 'GET', path: '/articles/popular', handler: 'api::article.article.popular' },
    { method: 'POST', path: '/articles/:documentId/views', handler: 'api::article.article.view' },
  ],
};

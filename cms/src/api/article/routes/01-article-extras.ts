import { extraRoutes } from '../../../platform/gate/public-routes';

// Registered before the core routes (files load in name order), so /articles/popular is not
// taken for an article id.
export default { routes: extraRoutes('api::article.article') };

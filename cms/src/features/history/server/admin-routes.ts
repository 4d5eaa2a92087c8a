/** An article's history screen's endpoints (under /medblog, see platform/access/admin-api.ts). */
import { allowedTo, type AdminRoute } from '../../../platform/access/admin-api';
import articleHistory from './article-history';

const ARTICLE = 'api::article.article';

export const historyAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles/:documentId/versions',
    controller: articleHistory,
    action: 'list',
    config: allowedTo('read', ARTICLE),
  },
  {
    method: 'GET',
    path: '/articles/:documentId/versions/compare',
    controller: articleHistory,
    action: 'compare',
    config: allowedTo('read', ARTICLE),
  },
  {
    method: 'POST',
    path: '/articles/:documentId/versions/:version/restore',
    controller: articleHistory,
    action: 'restore',
    config: allowedTo('update', ARTICLE),
  },
];

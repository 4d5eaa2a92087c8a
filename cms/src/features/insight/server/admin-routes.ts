/**
 * The Readers page's admin endpoints (under /medblog, see platform/access/admin-api.ts): for
 * whoever may read articles in the content manager (Editors, Super Admins, Authors); what each
 * sees is decided in ./readers-admin.ts (Authors: their own articles and the content gaps).
 */
import { allowedTo, type AdminRoute } from '../../../platform/access/admin-api';
import readersAdmin from './readers-admin';

const ARTICLE = 'api::article.article';

export const insightAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/insight/readers',
    controller: readersAdmin,
    action: 'readers',
    config: allowedTo('read', ARTICLE),
  },
  {
    method: 'GET',
    path: '/insight/articles/:documentId',
    controller: readersAdmin,
    action: 'article',
    config: allowedTo('read', ARTICLE),
  },
  {
    method: 'GET',
    path: '/insight/export',
    controller: readersAdmin,
    action: 'export',
    config: allowedTo('read', ARTICLE),
  },
];

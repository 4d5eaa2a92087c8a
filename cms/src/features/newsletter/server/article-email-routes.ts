/** An article's e-mail in its edit view (under /medblog, see platform/access/admin-api.ts). */
import { allowedTo, type AdminRoute } from '../../../platform/access/admin-api';
import articleEmail from './article-email';

const ARTICLE = 'api::article.article';

export const articleEmailAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles/:documentId/email',
    controller: articleEmail,
    action: 'status',
    config: allowedTo('publish', ARTICLE),
  },
  {
    method: 'POST',
    path: '/articles/:documentId/email/test',
    controller: articleEmail,
    action: 'test',
    config: allowedTo('publish', ARTICLE),
  },
];

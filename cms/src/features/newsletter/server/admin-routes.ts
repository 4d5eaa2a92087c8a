/**
 * The newsletter's admin endpoints (under /medblog, see platform/access/admin-api.ts).
 * The Subscribers screen: addresses only with the right to read subscribers (Super Admins,
 * Audience); the counts also for whoever may publish articles (Editors), as numbers that name
 * nobody. An article's e-mail in its edit view: for whoever may publish articles.
 */
import { allowedTo, allowedToAny, type AdminRoute } from '../../../platform/access/admin-api';
import subscriberAdmin from './subscriber-admin';
import articleEmail from './article-email';

const SUBSCRIBER = 'api::subscriber.subscriber';
const ARTICLE = 'api::article.article';

export const newsletterAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/subscribers/counts',
    controller: subscriberAdmin,
    action: 'counts',
    config: allowedToAny(['read', SUBSCRIBER], ['publish', ARTICLE]),
  },
  {
    method: 'GET',
    path: '/subscribers',
    controller: subscriberAdmin,
    action: 'list',
    config: allowedTo('read', SUBSCRIBER),
  },
  {
    method: 'GET',
    path: '/subscribers/export',
    controller: subscriberAdmin,
    action: 'export',
    config: allowedTo('read', SUBSCRIBER),
  },
  {
    method: 'DELETE',
    path: '/subscribers/:documentId',
    controller: subscriberAdmin,
    action: 'remove',
    config: allowedTo('delete', SUBSCRIBER),
  },
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

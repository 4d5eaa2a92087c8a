/**
 * The Subscribers screen's endpoints (under /medblog, see platform/access/admin-api.ts). Addresses
 * only with the right to read subscribers (Super Admins, Audience); the counts also for whoever
 * may publish articles (Editors), as numbers that name nobody.
 */
import { allowedTo, allowedToAny, type AdminRoute } from '../../../platform/access/admin-api';
import subscriberAdmin from './subscriber-admin';

const SUBSCRIBER = 'api::subscriber.subscriber';
const ARTICLE = 'api::article.article';

export const subscriberAdminRoutes: AdminRoute[] = [
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
];

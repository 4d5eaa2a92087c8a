/**
 * The admin endpoints under /medblog, each feature's (platform/access/admin-api.ts registers them).
 * The only admin router the project declares: tests/admin-gate.test.ts walks each of its routes.
 */
import type { AdminRouter } from './platform/access/admin-api';
import { commentAdminRoutes } from './features/comments/server/admin-routes';
import { enquiryAdminRoutes } from './features/enquiry/server/admin-routes';
import { historyAdminRoutes } from './features/history/server/admin-routes';
import { insightAdminRoutes } from './features/insight/server/admin-routes';
import { newsletterAdminRoutes } from './features/newsletter/server/admin-routes';

export const adminRoutes: AdminRouter = {
  type: 'admin',
  prefix: '/medblog',
  routes: [
    ...commentAdminRoutes,
    ...enquiryAdminRoutes,
    ...historyAdminRoutes,
    ...newsletterAdminRoutes,
    ...insightAdminRoutes,
  ],
};

/**
 * Admin-only endpoints under /medblog (admin login and content-manager permissions required): the
 * moderation queue, the enquiries CSV export and articles' revision history. Strapi registers the routes of `src/api/*` as
 * content API routes only, so these admin routes are registered here, in `register`.
 */
import type { Core } from '@strapi/strapi';
import { adminRoutes } from './admin-routes';

export function registerAdminApi(strapi: Core.Strapi): void {
  strapi.server.routes(adminRoutes as Parameters<Core.Strapi['server']['routes']>[0]);
}

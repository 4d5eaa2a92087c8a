/**
 * Admin-only endpoints under /medblog (admin login required, then checked against the user's
 * content-manager permissions): the moderation queue and the enquiries CSV export.
 */
import type { Core } from '@strapi/strapi';
import { moderationRoutes } from './moderation';
import { enquiryExportRoutes } from './enquiry-export';

export function registerAdminApi(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/medblog',
    routes: [...moderationRoutes(strapi), ...enquiryExportRoutes(strapi)].map((route) => ({ ...route, config: { policies: ['admin::isAuthenticatedAdmin'] } })),
  } as any);
}

/**
 * Who gets a preview link: Strapi's content manager route for it (GET /content-manager/preview/
 * url/:uid) checks only that an admin is signed in ("Permissions to preview content" is still a
 * TODO in Strapi 5.54). Our policy global::may-preview (src/policies/may-preview.ts) is added to
 * that route, so only an admin who may read the entry gets past it; the link's handler
 * (config/admin.ts) checks again before it signs a token.
 */
import type { Core } from '@strapi/strapi';

const PREVIEW_URL_PATH = '/preview/url/:contentType';

interface Route {
  path: string;
  config?: { policies?: unknown[] };
}

export function guardPreviewLinks(strapi: Core.Strapi): void {
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes?: Route[] }>;
  const route = Object.values(routers)
    .flatMap((router) => router.routes ?? [])
    .find((candidate) => candidate.path === PREVIEW_URL_PATH);
  // A Strapi upgrade that moves the route must not leave it open: no start instead.
  if (!route) throw new Error(`The content manager has no ${PREVIEW_URL_PATH} route to guard`);
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::may-preview'] };
}

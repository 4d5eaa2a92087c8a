/**
 * Content-manager routes that hand an admin an entry with no check that they may read it, in
 * Strapi 5.54: the preview link (GET /content-manager/preview/url/:uid checks only a sign-in,
 * "Permissions to preview content" is a TODO there) and a copy (POST .../clone/:sourceId and
 * .../auto-clone/:sourceId check only the right to create, so an Author could copy, and so read,
 * anyone's draft). Each gets our policy global::may-read-entry (src/features/preview/server/may-read-entry.ts).
 * The preview handler (config/admin.ts) checks again before it signs a token.
 */
import type { Core } from '@strapi/strapi';
import type { ReadGuard } from './may-read-entry';

const GUARDED: Array<{ path: string; guard: ReadGuard }> = [
  {
    path: '/preview/url/:contentType',
    guard: { uidParam: 'contentType', documentId: { in: 'query', name: 'documentId' }, doing: 'preview' },
  },
  {
    path: '/collection-types/:model/clone/:sourceId',
    guard: { uidParam: 'model', documentId: { in: 'params', name: 'sourceId' }, doing: 'copy' },
  },
  {
    path: '/collection-types/:model/auto-clone/:sourceId',
    guard: { uidParam: 'model', documentId: { in: 'params', name: 'sourceId' }, doing: 'copy' },
  },
];

interface Route {
  path: string;
  config?: { policies?: unknown[] };
}

export function guardEntryReads(strapi: Core.Strapi): void {
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes?: Route[] }>;
  const routes = Object.values(routers).flatMap((router) => router.routes ?? []);
  for (const { path, guard } of GUARDED) {
    const route = routes.find((candidate) => candidate.path === path);
    // A Strapi upgrade that moves a route must not leave it open: no start instead.
    if (!route) throw new Error(`The content manager has no ${path} route to guard`);
    route.config = {
      ...route.config,
      policies: [...(route.config?.policies ?? []), { name: 'global::may-read-entry', config: guard }],
    };
  }
}

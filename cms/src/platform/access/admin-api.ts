/**
 * Admin-only endpoints under /medblog (admin login and content-manager permissions required),
 * declared as Strapi's admin and its plugins declare theirs: behind `admin::isAuthenticatedAdmin`
 * and the content-manager right (global::content-manager-right, whose refusal names the right).
 * Each feature declares its own (features/<feature>/server/admin-routes.ts) with the controller
 * that serves them; src/admin-routes.ts puts them together. Strapi registers the routes of
 * `src/api/*` as content API routes only, so these are registered here, in `register`. The
 * controllers then apply the content manager's permission checker (admin-access.ts), so role
 * conditions and field rules hold there too.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../utils/http';

type Controller = ({ strapi }: { strapi: Core.Strapi }) => Record<string, (ctx: Context) => unknown>;

export interface AdminRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** The controller (a factory, as Strapi's) and its action serving the route. */
  controller: Controller;
  action: string;
  config: ReturnType<typeof allowedTo>;
}

type Right = [action: 'read' | 'update' | 'delete' | 'publish', subject: string];

/** A route's policies: a signed-in admin with the content manager's right to `action` on `subject`. */
export function allowedTo(action: Right[0], subject: string) {
  return allowedToAny([action, subject]);
}

/** A route's policies: a signed-in admin with at least one of these content-manager rights. */
export function allowedToAny(...rights: Right[]) {
  return {
    policies: [
      'admin::isAuthenticatedAdmin',
      {
        name: 'global::content-manager-right',
        config: {
          actions: rights.map(([action, subject]) => ({
            action: `plugin::content-manager.explorer.${action}`,
            subject,
          })),
        },
      },
    ],
  };
}

/** The routes together, as Strapi takes a router (src/admin-routes.ts declares it). */
export interface AdminRouter {
  type: string;
  prefix: string;
  routes: AdminRoute[];
}

export function registerAdminApi(strapi: Core.Strapi, router: AdminRouter): void {
  const instances = new Map<Controller, ReturnType<Controller>>();
  const routes = router.routes.map(({ controller, action, ...route }) => {
    if (!instances.has(controller)) instances.set(controller, controller({ strapi }));
    const instance = instances.get(controller)!;
    if (typeof instance[action] !== 'function') throw new Error(`${route.method} ${route.path}: no action ${action}`);
    return { ...route, handler: (ctx: Context) => instance[action](ctx) };
  });
  strapi.server.routes({ ...router, routes } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}

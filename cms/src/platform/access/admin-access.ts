/**
 * The admin endpoints see exactly what the logged-in user may see in the content manager: the same
 * permission checker, so role conditions (e.g. an Author's "only what I created") apply here too.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from '../utils/http';

type Action = 'read' | 'update' | 'delete';

export async function permittedQuery(
  strapi: Core.Strapi,
  ctx: Context,
  uid: string,
  action: Action,
  query: Record<string, unknown>,
) {
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: uid });
  if (checker.cannot[action]()) {
    // A PolicyError keeps its message: Strapi turns any other ForbiddenError into a bare "Forbidden".
    throw new errors.PolicyError(`You may not ${action} ${uid.split('.').pop()} entries`);
  }
  return { query: await checker.sanitizedQuery[action](query), checker };
}

/** The signed-in admin's abilities, or null when the request is not an admin's. */
export function adminAbility(ctx: Context | undefined): unknown {
  const state = ctx?.state as { auth?: { strategy?: { name?: string } }; userAbility?: unknown } | undefined;
  return state?.auth?.strategy?.name === 'admin' ? (state.userAbility ?? null) : null;
}

/**
 * Whether the admin with `userAbility` may read the entry `documentId` of `uid` in the content
 * manager: the role's right on the type and its conditions on that entry (an Author's "only what I
 * created"), checked as the content manager's list checks them. False for one that does not exist.
 */
export async function mayReadEntry(strapi: Core.Strapi, userAbility: unknown, uid: string, documentId: string) {
  if (!userAbility) return false;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  if (checker.cannot.read()) return false;
  const query = await checker.sanitizedQuery.read({ filters: { documentId } });
  const entry = await strapi
    .documents(uid as 'api::article.article')
    .findFirst({ filters: query.filters, fields: ['documentId'] } as never);
  return Boolean(entry);
}

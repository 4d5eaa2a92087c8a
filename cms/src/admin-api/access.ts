/**
 * The admin endpoints see exactly what the logged-in user may see in the content manager: the same
 * permission checker, so role conditions (e.g. an Author's "only what I created") apply here too.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from '../utils/http';

type Action = 'read' | 'update';

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
    throw new errors.ForbiddenError(`You may not ${action} ${uid.split('.').pop()} entries`);
  }
  return { query: await checker.sanitizedQuery[action](query), checker };
}

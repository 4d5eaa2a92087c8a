/**
 * On content-manager routes that hand an admin an entry without Strapi checking that they may read
 * it (src/features/preview/server/read-guards.ts puts it there): the preview link, which opens a draft without a
 * login, and a copy, which shows what it was copied from. Strapi checks only a sign-in, or the
 * right to create. Only an admin who may read that entry in the content manager gets past; anyone
 * else gets a 403 saying why (a PolicyError: Strapi passes its message on, where a ForbiddenError
 * would become a bare "Forbidden").
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminAbility, mayReadEntry } from '../../../platform/access/admin-access';
import type { Context } from '../../../platform/utils/http';

export interface ReadGuard {
  /** The route parameter naming the content type. */
  uidParam: string;
  /** Where the route takes the entry's documentId. */
  documentId: { in: 'query' | 'params'; name: string };
  /** What the route does with the entry, for the refusal: "preview", "copy". */
  doing: string;
}

export default async (ctx: Context, config: ReadGuard, { strapi }: { strapi: Core.Strapi }) => {
  const uid = String(ctx.params[config.uidParam]);
  const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
    { info: { singularName: string } } | undefined;
  // Not a content type: Strapi's controller answers 400 and hands out nothing.
  if (!model) return true;
  const name = model.info.singularName;
  // A policy's context is a copy of Koa's: the query is on its request.
  const source = config.documentId.in === 'query' ? ctx.request.query : ctx.params;
  const documentId = source[config.documentId.name];
  if (documentId !== undefined && typeof documentId !== 'string') {
    throw new errors.ValidationError(`${config.documentId.name}: must be given once`);
  }

  const ability = adminAbility(ctx);
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ability, model: uid });
  if (checker.cannot.read()) {
    throw new errors.PolicyError(`You may not read ${name} entries, so you may not ${config.doing} them`);
  }
  // A single type's preview has no documentId: the right on the type is the right on its entry.
  if (documentId && !(await mayReadEntry(strapi, ability, uid, documentId))) {
    throw new errors.PolicyError(
      `You may not read this ${name} (or it does not exist), so you may not ${config.doing} it`,
    );
  }
  return true;
};

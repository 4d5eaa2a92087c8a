/**
 * On the content manager's preview-link route (src/preview/access.ts puts it there): a link only
 * for an admin who may read that entry in the content manager. Strapi's own route checks only that
 * an admin is signed in. Anyone else gets a 403 saying why, and no link (a PolicyError: Strapi
 * passes its message on, where a ForbiddenError would become a bare "Forbidden").
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminAbility, mayReadEntry } from '../admin-api/access';
import type { Context } from '../utils/http';

export default async (ctx: Context, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const uid = String(ctx.params.contentType);
  const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
    { kind: string; info: { singularName: string } } | undefined;
  // Not a content type: Strapi's controller answers 400, and no handler is called.
  if (!model) return true;
  const name = model.info.singularName;
  // A policy's context is a copy of Koa's: the query is on its request.
  const { documentId } = ctx.request.query;
  if (documentId !== undefined && typeof documentId !== 'string') {
    throw new errors.ValidationError('documentId: must be given once');
  }

  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: adminAbility(ctx), model: uid });
  if (checker.cannot.read()) {
    throw new errors.PolicyError(`You may not read ${name} entries, so you may not preview them`);
  }
  // A single type has no documentId here: the right on the type is the right on its entry.
  if (documentId && !(await mayReadEntry(strapi, adminAbility(ctx), uid, documentId))) {
    throw new errors.PolicyError(`You may not read this ${name} (or it does not exist), so you may not preview it`);
  }
  return true;
};

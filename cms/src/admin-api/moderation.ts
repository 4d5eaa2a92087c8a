/** The moderation screen's server side: the queue with counts, and decisions on one or many comments. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATION_STATUSES, type ModerationStatus } from '@medblog/shared';
import { permittedQuery } from './access';

const COMMENT = 'api::comment.comment';

function positiveInt(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new errors.ValidationError(`${name}: must be a whole number from 1 to ${max}`);
  return number;
}

export function moderationRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'GET',
      path: '/comments',
      handler: async (ctx) => {
        const status = (ctx.query.status as string) || 'pending';
        if (status !== 'all' && !MODERATION_STATUSES.includes(status as ModerationStatus)) {
          throw new errors.ValidationError(`status: must be one of all, ${MODERATION_STATUSES.join(', ')}`);
        }
        const page = positiveInt(ctx.query.page, 1, 100_000, 'page');
        const pageSize = positiveInt(ctx.query.pageSize, 20, 100, 'pageSize');
        const { query, checker } = await permittedQuery(strapi, ctx, COMMENT, 'read', {});
        const withStatus = (s: string) => ({ $and: [query.filters ?? {}, s === 'all' ? {} : { moderationStatus: s }] });
        const comments = strapi.documents(COMMENT);
        const [found, total, ...counts] = await Promise.all([
          comments.findMany({
            filters: withStatus(status),
            sort: 'createdAt:desc',
            start: (page - 1) * pageSize,
            limit: pageSize,
            fields: ['authorName', 'authorEmail', 'body', 'moderationStatus', 'moderatedAt', 'createdAt'],
            populate: { article: { fields: ['title', 'slug'] }, parent: { fields: ['authorName', 'body'] } },
          } as any),
          comments.count({ filters: withStatus(status) } as any),
          ...MODERATION_STATUSES.map((s) => comments.count({ filters: withStatus(s) } as any)),
        ]);
        const data = await Promise.all(found.map((comment) => checker.sanitizeOutput(comment)));
        ctx.body = {
          data,
          meta: {
            pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
            counts: Object.fromEntries(MODERATION_STATUSES.map((s, i) => [s, counts[i]])),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/comments/moderate',
      handler: async (ctx) => {
        const { query, checker } = await permittedQuery(strapi, ctx, COMMENT, 'update', {});
        // The right to update comments may exclude the moderation status field.
        if (checker.cannot.update(null, 'moderationStatus')) {
          throw new errors.ForbiddenError('You may not change the moderation status of comments');
        }
        const { documentIds, moderationStatus } = (ctx.request.body ?? {}) as { documentIds?: unknown; moderationStatus?: unknown };
        if (!MODERATION_STATUSES.includes(moderationStatus as ModerationStatus)) {
          throw new errors.ValidationError(`moderationStatus: must be one of ${MODERATION_STATUSES.join(', ')}`);
        }
        if (!Array.isArray(documentIds) || documentIds.length === 0 || documentIds.length > 100 || !documentIds.every((id) => typeof id === 'string')) {
          throw new errors.ValidationError('documentIds: must list 1 to 100 comment documentIds');
        }
        // Only comments this user may update (the permission query) are changed.
        const permitted = await strapi.documents(COMMENT).findMany({
          filters: { $and: [query.filters ?? {}, { documentId: { $in: documentIds } }] },
          fields: ['documentId'],
        } as any);
        for (const { documentId } of permitted) {
          await strapi.documents(COMMENT).update({ documentId, data: { moderationStatus } } as any);
        }
        const updated = permitted.length;
        ctx.body = { data: { updated } };
      },
    },
  ];
}

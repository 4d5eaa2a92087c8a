/**
 * The moderation screen's server side: the queue with counts, and decisions on one or many
 * comments. Routed as admin routes in src/admin-routes.ts, whose policies require the
 * content-manager permission first; here the same permission checker as the content manager
 * applies the role's conditions and field rules.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATION_STATUSES, commentOnSiteUrl } from '@medblog/shared';
import { permittedQuery } from '../../../platform/access/admin-access';
import { commentQueueQuery, moderateBody } from './inputs';
import { parseInput } from '../../../platform/utils/validation';
import { commentsFromTrustedSenders } from './trusted-senders';
import type { Context } from '../../../platform/utils/http';

const COMMENT = 'api::comment.comment';

/** The queue's search: words in the text, name or e-mail; one article; one sender. */
function searchFilters({ q, article, sender }: { q?: string; article?: string; sender?: string }) {
  return [
    ...(q
      ? [{ $or: [{ body: { $containsi: q } }, { authorName: { $containsi: q } }, { authorEmail: { $containsi: q } }] }]
      : []),
    ...(article ? [{ article: { documentId: article } }] : []),
    ...(sender ? [{ authorEmail: { $eqi: sender } }] : []),
  ];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async queue(ctx: Context) {
    const { status, page, pageSize, ...search } = parseInput(ctx.query, commentQueueQuery);
    // The search goes through the permission checker too: a role may not filter on fields it may not read.
    const { query, checker } = await permittedQuery(strapi, ctx, COMMENT, 'read', {
      filters: { $and: searchFilters(search) },
    });
    const withStatus = (s: string) => ({ $and: [query.filters ?? {}, s === 'all' ? {} : { moderationStatus: s }] });
    const comments = strapi.documents(COMMENT);
    const [found, total, ...counts] = await Promise.all([
      comments.findMany({
        filters: withStatus(status),
        sort: 'createdAt:desc',
        start: (page - 1) * pageSize,
        limit: pageSize,
        fields: ['authorName', 'authorEmail', 'body', 'moderationStatus', 'moderatedAt', 'createdAt', 'badge'],
        populate: { article: { fields: ['title', 'slug'] }, parent: { fields: ['authorName', 'body'] } },
      }),
      comments.count({ filters: withStatus(status) }),
      ...MODERATION_STATUSES.map((s) => comments.count({ filters: withStatus(s) })),
    ]);
    const trusted = await commentsFromTrustedSenders(
      strapi,
      found.map((comment) => comment.documentId),
    );
    const siteUrl = strapi.config.get<string>('site.publicUrl');
    const data = await Promise.all(
      found.map(async (comment) => {
        const slug = (comment.article as { slug?: string } | null)?.slug;
        return {
          ...(await checker.sanitizeOutput(comment)),
          trustedSender: trusted.has(comment.documentId),
          siteUrl: siteUrl && slug ? commentOnSiteUrl(siteUrl, slug, comment.documentId) : null,
        };
      }),
    );
    ctx.body = {
      data,
      meta: {
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        counts: Object.fromEntries(MODERATION_STATUSES.map((s, i) => [s, counts[i]])),
      },
    };
  },

  async moderate(ctx: Context) {
    const { query, checker } = await permittedQuery(strapi, ctx, COMMENT, 'update', {});
    // The right to update comments may exclude the moderation status field.
    if (checker.cannot.update(null, 'moderationStatus')) {
      throw new errors.PolicyError('You may not change the moderation status of comments');
    }
    const { documentIds, moderationStatus } = parseInput(ctx.request.body ?? {}, moderateBody);
    // Only comments this user may update (the permission query) are changed.
    const permitted = await strapi.documents(COMMENT).findMany({
      filters: { $and: [query.filters ?? {}, { documentId: { $in: documentIds } }] },
      fields: ['documentId'],
    });
    for (const { documentId } of permitted) {
      await strapi.documents(COMMENT).update({ documentId, data: { moderationStatus } });
    }
    ctx.body = { data: { updated: permitted.length } };
  },
});

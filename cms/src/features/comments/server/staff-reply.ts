/**
 * POST /medblog/comments/:documentId/replies (an admin route, src/admin-routes.ts): a moderator
 * answers a comment from the moderation screen. The reply is published at once, under the comment,
 * with a badge readers cannot fake (only this route sets it): "Author" when the moderator is the
 * article's author (the author entry's admin login), else "Staff". A pending comment is approved
 * with it, since answering it on the site shows it.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN, LIMITS, type CommentBadge } from '@medblog/shared';
import { permittedQuery } from '../../../platform/access/admin-access';
import { staffReplyBody } from './inputs';
import { parseInput } from '../../../platform/utils/validation';
import type { Context } from '../../../platform/utils/http';

const COMMENT = 'api::comment.comment';

interface AdminUser {
  id: number;
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

interface Answered {
  documentId: string;
  moderationStatus: string;
  article: { documentId: string; author: { name: string; adminUser: { id: number } | null } | null } | null;
}

/** Who the reply speaks for, and the name shown with it. */
function signature(user: AdminUser, article: Answered['article']): { badge: CommentBadge; authorName: string } {
  const author = article?.author;
  if (author?.adminUser?.id === user.id) return { badge: 'author', authorName: author.name };
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || 'Staff';
  return { badge: 'staff', authorName: name.slice(0, LIMITS.commentAuthorName) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const { query, checker } = await permittedQuery(strapi, ctx, COMMENT, 'update', {});
    if (checker.cannot.update(null, 'moderationStatus')) {
      throw new errors.PolicyError('You may not moderate comments, so you may not reply as staff');
    }
    const { documentId } = ctx.params as { documentId: string };
    const { body } = parseInput(ctx.request.body ?? {}, staffReplyBody);

    const [answered] = (DOCUMENT_ID_PATTERN.test(documentId)
      ? await strapi.documents(COMMENT).findMany({
          // Only a comment this user may update (the role's conditions) can be answered.
          filters: { $and: [query.filters ?? {}, { documentId }] },
          fields: ['moderationStatus'],
          populate: {
            article: { fields: ['documentId'], populate: { author: { fields: ['name'], populate: ['adminUser'] } } },
          },
        } as never)
      : []) as unknown as Answered[];
    if (!answered) throw new errors.NotFoundError('No comment you may moderate has this documentId');
    if (!answered.article) throw new errors.ValidationError('The article of this comment has been deleted');
    if (answered.moderationStatus === 'rejected' || answered.moderationStatus === 'spam') {
      throw new errors.ValidationError(
        `This comment is marked ${answered.moderationStatus}: approve it before replying, or leave it hidden`,
      );
    }

    const user = ctx.state.user as AdminUser;
    const approvedParent = answered.moderationStatus === 'pending';
    if (approvedParent) {
      await strapi.documents(COMMENT).update({ documentId, data: { moderationStatus: 'approved' } });
    }
    const now = new Date().toISOString();
    const reply = await strapi.documents(COMMENT).create({
      data: {
        article: answered.article.documentId,
        parent: documentId,
        ...signature(user, answered.article),
        authorEmail: user.email,
        body,
        moderationStatus: 'approved',
        moderatedAt: now,
        repliedBy: user.id,
      },
    } as never);

    ctx.status = 201;
    ctx.body = {
      data: {
        documentId: reply.documentId,
        authorName: reply.authorName,
        body: reply.body,
        badge: reply.badge,
        createdAt: reply.createdAt,
        approvedParent,
      },
    };
  },
});

import { factories } from '@strapi/strapi';
import { commentInputSchema } from '@medblog/shared';
import { fieldError, parseCreateBody } from '../../../platform/utils/validation';
import { ipHash, userAgent, visitorAddress } from '../../../platform/utils/client';
import { commentSpamReason } from '../../../features/comments/server/spam';
import { approvesAtOnce, commenterKeyHash } from '../../../features/comments/server/trusted-senders';
import { sendInBackground } from '../../../platform/mail';
import { commentAwaitingModeration } from '../../../features/comments/server/notify';
import { commentsClosedByTime } from '../../../features/comments/server/comments-window';

const APPROVED = { moderationStatus: { $eq: 'approved' } };

export default factories.createCoreController('api::comment.comment', ({ strapi }) => ({
  /**
   * Approved comments only. A reply's parent is shown as its identity alone, and only while it is
   * approved: a moderator may have rejected it since the reply was approved.
   */
  async find(ctx) {
    const filters = ctx.query.filters as object | undefined;
    ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, APPROVED] } : APPROVED };
    const response = await super.find(ctx);
    const replies = ((response.data ?? []) as Array<{ parent?: { id?: number; documentId: string } | null }>).filter(
      (comment) => comment.parent,
    );
    if (replies.length) {
      const approvedParents = await strapi.db.query('api::comment.comment').findMany({
        select: ['id', 'documentId'],
        where: { documentId: { $in: replies.map((reply) => reply.parent!.documentId) }, ...APPROVED },
      });
      const byDocumentId = new Map(approvedParents.map((parent) => [parent.documentId, parent]));
      for (const reply of replies) {
        const parent = byDocumentId.get(reply.parent!.documentId);
        reply.parent = parent ? { id: parent.id, documentId: parent.documentId } : null;
      }
    }
    return response;
  },

  /**
   * A reader's comment: validated, stored as pending (or as spam when it looks like spam, with the
   * same answer so bots learn nothing; or approved at once from a trusted commenter when the
   * moderation setting says so, again with the same answer so that it tells nothing of an address),
   * moderators notified of what waits for them, acknowledged without the stored record. Never with
   * a badge: the data below names each field stored, and only a staff reply (staff-reply.ts) sets one.
   */
  async create(ctx) {
    const input = parseCreateBody(ctx.request.body, commentInputSchema);

    const article = await strapi.documents('api::article.article').findOne({
      documentId: input.article,
      status: 'published',
      fields: ['commentsEnabled', 'title', 'slug', 'publishedAt', 'originalPublishedAt'],
    });
    if (!article) throw fieldError('article', 'No published article has this documentId');
    if (!article.commentsEnabled) throw fieldError('article', 'Comments are closed on this article');
    if (await commentsClosedByTime(strapi, article)) {
      return ctx.forbidden('Comments are closed on this article: it was published too long ago');
    }

    if (input.parent) {
      const parent = await strapi.documents('api::comment.comment').findOne({
        documentId: input.parent,
        fields: ['moderationStatus'],
        populate: { article: { fields: ['documentId'] } },
      });
      if (
        !parent ||
        parent.moderationStatus !== 'approved' ||
        (parent.article as { documentId?: string })?.documentId !== input.article
      ) {
        throw fieldError('parent', 'A reply must answer an approved comment on the same article');
      }
    }

    const spamReason = await commentSpamReason(strapi, input);
    const approved = !spamReason && (await approvesAtOnce(strapi, input));
    const moderationStatus = spamReason ? 'spam' : approved ? 'approved' : 'pending';
    const comment = await strapi.documents('api::comment.comment').create({
      data: {
        article: input.article,
        parent: input.parent ?? undefined,
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        body: input.body,
        moderationStatus,
        ...(approved ? { moderatedAt: new Date().toISOString() } : {}),
        ipHash: ipHash(visitorAddress(strapi, ctx)),
        userAgent: userAgent(ctx.request.header['user-agent']),
        // Only the hash: what proves this browser sent it once a moderator approves it (trusted-senders.ts).
        commenterKeyHash: input.commenterKey ? commenterKeyHash(input.commenterKey) : undefined,
      },
    });
    if (spamReason) {
      strapi.log.info(`Comment ${comment.documentId} stored as spam: ${spamReason}`);
    } else if (!approved) {
      sendInBackground(strapi, () =>
        commentAwaitingModeration(strapi, input, { title: article.title as string, slug: article.slug as string }),
      );
    }

    ctx.status = 201;
    return {
      data: {
        documentId: comment.documentId,
        authorName: comment.authorName,
        body: comment.body,
        createdAt: comment.createdAt,
        // Always "pending" (the site's contract, web/src/features/comments/api/create-comment.ts):
        // spam must look like any other comment, one published at once too (whether it was tells
        // who is trusted), and the site swaps an approved one in once it loads.
        moderationStatus: 'pending',
      },
    };
  },
}));

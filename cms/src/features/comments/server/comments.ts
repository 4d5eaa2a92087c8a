/**
 * What the public comment routes do (the comment controller, src/api/comment, only reads the
 * request and answers): readers see approved comments only, and a reader's comment is checked,
 * stored and announced to the moderators here.
 */
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { commentInputSchema } from '@medblog/shared';
import { ipHash, userAgent } from '../../../platform/utils/client';
import { fieldError } from '../../../platform/utils/validation';
import { sendInBackground } from '../../../platform/mail';
import { commentSpamReason } from './spam';
import { approvesAtOnce, commenterKeyHash } from './trusted-senders';
import { commentAwaitingModeration } from './notify';
import { commentsClosedByTime } from './comments-window';

type CommentInput = z.infer<typeof commentInputSchema>;

const APPROVED = { moderationStatus: { $eq: 'approved' } };

/** A list query narrowed to approved comments, whatever filters a client sends. */
export function approvedOnly<Q extends { filters?: unknown }>(query: Q): Q {
  const filters = query.filters as object | undefined;
  return { ...query, filters: filters ? { $and: [filters, APPROVED] } : APPROVED };
}

/** Where a comment came from, as the controller reads it off the request. */
export interface Sender {
  address: string;
  userAgent: string | undefined;
}

/** What a reader is told of their comment: never the stored record. */
export interface Acknowledgement {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: unknown;
  moderationStatus: 'pending';
}

export function commentService(strapi: Core.Strapi) {
  return {
    /**
     * A reply's parent is shown as its identity alone, and only while it is approved: a moderator
     * may have rejected it since the reply was approved.
     */
    async showApprovedParents(comments: Array<{ parent?: { id?: number; documentId: string } | null }>) {
      const replies = comments.filter((comment) => comment.parent);
      if (!replies.length) return;
      const approvedParents = await strapi.db.query('api::comment.comment').findMany({
        select: ['id', 'documentId'],
        where: { documentId: { $in: replies.map((reply) => reply.parent!.documentId) }, ...APPROVED },
      });
      const byDocumentId = new Map(approvedParents.map((parent) => [parent.documentId, parent]));
      for (const reply of replies) {
        const parent = byDocumentId.get(reply.parent!.documentId);
        reply.parent = parent ? { id: parent.id, documentId: parent.documentId } : null;
      }
    },

    /**
     * A reader's comment: validated, stored as pending (or as spam when it looks like spam, with the
     * same answer so bots learn nothing; or approved at once from a trusted commenter when the
     * moderation setting says so, again with the same answer so that it tells nothing of an address),
     * moderators notified of what waits for them. Never with a badge: the data below names each field
     * stored, and only a staff reply (staff-reply.ts) sets one. 'closed' when the article's comments
     * closed with time.
     */
    async receive(input: CommentInput, sender: Sender): Promise<Acknowledgement | 'closed'> {
      const article = await strapi.documents('api::article.article').findOne({
        documentId: input.article,
        status: 'published',
        fields: ['commentsEnabled', 'title', 'slug', 'publishedAt', 'originalPublishedAt'],
      });
      if (!article) throw fieldError('article', 'No published article has this documentId');
      if (!article.commentsEnabled) throw fieldError('article', 'Comments are closed on this article');
      if (await commentsClosedByTime(strapi, article)) return 'closed';

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
          ipHash: ipHash(sender.address),
          userAgent: userAgent(sender.userAgent),
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

      return {
        documentId: comment.documentId,
        authorName: comment.authorName as string,
        body: comment.body as string,
        createdAt: comment.createdAt,
        // Always "pending" (the site's contract, web/src/features/comments/api/create-comment.ts):
        // spam must look like any other comment, one published at once too (whether it was tells
        // who is trusted), and the site swaps an approved one in once it loads.
        moderationStatus: 'pending',
      };
    },
  };
}

import { factories } from '@strapi/strapi';
import { commentInputSchema } from '@medblog/shared';
import { parseCreateBody } from '../../../platform/utils/validation';
import { visitorAddress } from '../../../platform/utils/client';
import { approvedOnly, type commentService } from '../../../features/comments/server/comments';

type CommentService = ReturnType<typeof commentService>;

export default factories.createCoreController('api::comment.comment', ({ strapi }) => ({
  /** Approved comments only (features/comments/server/comments.ts). */
  async find(ctx) {
    ctx.query = approvedOnly(ctx.query);
    const response = await super.find(ctx);
    const comments = strapi.service('api::comment.comment') as unknown as CommentService;
    await comments.showApprovedParents((response.data ?? []) as Parameters<CommentService['showApprovedParents']>[0]);
    return response;
  },

  /** A reader's comment, acknowledged without the stored record. */
  async create(ctx) {
    const input = parseCreateBody(ctx.request.body, commentInputSchema);
    const comments = strapi.service('api::comment.comment') as unknown as CommentService;
    const acknowledgement = await comments.receive(input, {
      address: visitorAddress(strapi, ctx),
      userAgent: ctx.request.header['user-agent'],
    });
    if (acknowledgement === 'closed') {
      return ctx.forbidden('Comments are closed on this article: it was published too long ago');
    }
    ctx.status = 201;
    return { data: acknowledgement };
  },
}));

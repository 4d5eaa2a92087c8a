/**
 * A comment's moderatedAt records when a moderator last changed its status, however it was
 * changed (edit form, moderation screen, API).
 */
import type { Core } from '@strapi/strapi';

export function registerModerationTimestamps(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::comment.comment' || context.action !== 'update') return next();
    const { data, documentId } = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (data?.moderationStatus && documentId) {
      const current = await strapi.db
        .query('api::comment.comment')
        .findOne({ select: ['moderationStatus'], where: { documentId } });
      if (current && current.moderationStatus !== data.moderationStatus) {
        data.moderatedAt = data.moderationStatus === 'pending' ? null : new Date().toISOString();
      }
    }
    return next();
  });
}

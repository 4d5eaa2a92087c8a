import type { Core } from '@strapi/strapi';
import { moderationScreenPath } from '@medblog/shared';
import { adminUrl, recipients, type Message } from '../../../platform/mail';

export async function commentAwaitingModeration(
  strapi: Core.Strapi,
  comment: { authorName: string; body: string; parent?: string | null },
  article: { title: string; slug: string },
): Promise<Message> {
  return {
    to: await recipients(strapi, 'NOTIFY_COMMENTS_TO'),
    subject: `New comment awaiting moderation on "${article.title}"`,
    text: [
      `${comment.authorName} ${comment.parent ? 'replied to a comment' : 'commented'} on "${article.title}" (/articles/${article.slug}):`,
      '',
      comment.body,
      '',
      `Approve or reject it on the moderation screen: ${adminUrl(strapi, moderationScreenPath())}`,
    ].join('\n'),
  };
}

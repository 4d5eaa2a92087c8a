import type { Core } from '@strapi/strapi';
import {
  ENQUIRY_TOPIC_LABELS,
  contentManagerEntryPath,
  moderationScreenPath,
  type EnquiryTopic,
} from '@medblog/shared';
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

export async function enquiryReceived(
  strapi: Core.Strapi,
  enquiry: {
    documentId: string;
    name: string;
    email: string;
    phone?: string | null;
    topic: EnquiryTopic;
    message: string;
    sourcePath?: string | null;
  },
): Promise<Message> {
  const topic = ENQUIRY_TOPIC_LABELS[enquiry.topic];
  return {
    to: await recipients(strapi, 'NOTIFY_ENQUIRIES_TO'),
    subject: `New enquiry (${topic}) from ${enquiry.name}`,
    text: [
      `Name: ${enquiry.name}`,
      `E-mail: ${enquiry.email}`,
      `Phone: ${enquiry.phone || '(not given)'}`,
      `Topic: ${topic}`,
      `Sent from: ${enquiry.sourcePath || '(unknown page)'}`,
      '',
      enquiry.message,
      '',
      `Open it in the CMS: ${adminUrl(strapi, contentManagerEntryPath('api::enquiry.enquiry', enquiry.documentId))}`,
    ].join('\n'),
  };
}

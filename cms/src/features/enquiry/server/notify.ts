import type { Core } from '@strapi/strapi';
import { ENQUIRY_TOPIC_LABELS, contentManagerEntryPath, type EnquiryTopic } from '@medblog/shared';
import { adminUrl, recipients, type Message } from '../../../platform/mail';

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

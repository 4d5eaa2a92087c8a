/**
 * The newsletter's jobs on the platform's queue (src/platform/jobs): the e-mails a subscription
 * sends (retried with back-off while the mail server refuses), and forgetting addresses that were
 * never confirmed. A job carries the subscriber's documentId, never the address.
 */
import type { Core } from '@strapi/strapi';
import { defineJob, registerJobs } from '../../../platform/jobs/queue';
import { deliverToReader } from '../../../platform/mail';
import { alreadySubscribedEmail, confirmationEmail, type Sender } from './emails';
import { confirmUrl, listUnsubscribeHeaders, manageUrl } from './links';

export const SUBSCRIBER = 'api::subscriber.subscriber';

/** Addresses not confirmed within this many days are deleted. */
export const PENDING_DAYS = 7;

async function sender(strapi: Core.Strapi): Promise<Sender> {
  const global = await strapi
    .documents('api::global.global')
    .findFirst({ fields: ['siteName', 'contactEmail', 'contactPhone'] });
  return {
    siteName: (global?.siteName as string | undefined) ?? 'Our site',
    contactEmail: global?.contactEmail as string | undefined,
    contactPhone: global?.contactPhone as string | undefined,
  };
}

export const subscriptionEmailJob = defineJob<{ subscriber: string; kind: 'confirm' | 'manage' }>({
  name: 'newsletter-subscription-email',
  // A refused or failed send is tried again after about 10 s, 20 s, 40 s... (config/newsletter.ts),
  // at most an hour apart.
  options: (strapi) => ({
    retryLimit: 8,
    retryDelay: strapi.config.get<number>('newsletter.retryDelaySeconds'),
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
  }),
  async handle(strapi, { subscriber: documentId, kind }) {
    const subscriber = await strapi.db
      .query(SUBSCRIBER)
      .findOne({ select: ['documentId', 'email', 'subscriberStatus'], where: { documentId } });
    // Left, or forgotten, since: nobody to write to.
    if (!subscriber) return;
    const from = await sender(strapi);
    const manage = manageUrl(strapi, documentId);
    const email =
      kind === 'confirm' && subscriber.subscriberStatus === 'pending'
        ? await confirmationEmail(from, { confirm: confirmUrl(strapi, documentId), manage })
        : await alreadySubscribedEmail(from, { manage });
    await deliverToReader(strapi, {
      to: subscriber.email as string,
      ...email,
      headers: listUnsubscribeHeaders(strapi, documentId, from.contactEmail),
    });
  },
});

export const forgetPendingJob = defineJob<Record<string, never>>({
  name: 'newsletter-forget-pending',
  // Every hour, at a quarter past.
  schedule: '15 * * * *',
  async handle(strapi) {
    const before = new Date(Date.now() - PENDING_DAYS * 86_400_000).toISOString();
    const { count } = await strapi.db
      .query(SUBSCRIBER)
      .deleteMany({ where: { subscriberStatus: 'pending', createdAt: { $lt: before } } });
    if (count) strapi.log.info(`Newsletter: forgot ${count} address(es) not confirmed within ${PENDING_DAYS} days`);
  },
});

export function registerNewsletterJobs(): void {
  registerJobs(subscriptionEmailJob, forgetPendingJob);
}

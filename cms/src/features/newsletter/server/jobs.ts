/**
 * The newsletter's jobs on the platform's queue (src/platform/jobs): the e-mails a subscription
 * sends (retried with back-off while the mail server refuses), forgetting addresses that were
 * never confirmed, and the sends of articles and digests (sends.ts). A job carries the
 * subscriber's documentId, never the address.
 */
import { defineJob, registerJobs } from '../../../platform/jobs/queue';
import { deliverToReader } from '../../../platform/mail';
import { alreadySubscribedEmail, confirmationEmail } from './emails';
import { confirmUrl, listUnsubscribeHeaders, manageUrl } from './links';
import { deliveryJob, digestJob, fanOutJob, fromHeader, newsletterSender } from './sends';

export const SUBSCRIBER = 'api::subscriber.subscriber';

/** Addresses not confirmed within this many days are deleted. */
export const PENDING_DAYS = 7;

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
    const from = await newsletterSender(strapi);
    const manage = manageUrl(strapi, documentId);
    const email =
      kind === 'confirm' && subscriber.subscriberStatus === 'pending'
        ? await confirmationEmail(from, { confirm: confirmUrl(strapi, documentId), manage })
        : await alreadySubscribedEmail(from, { manage });
    await deliverToReader(strapi, {
      to: subscriber.email as string,
      from: fromHeader(from.fromName),
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
  registerJobs(subscriptionEmailJob, forgetPendingJob, fanOutJob, deliveryJob, digestJob);
}

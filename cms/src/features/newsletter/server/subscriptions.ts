/**
 * What the public subscription routes do (the subscriber controller, src/api/subscriber, only reads
 * the request and answers): subscribe with double opt-in, confirm, show and change the settings,
 * leave. An address is only ever shown to the holder of its signed link.
 */
import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import type {
  SubscribeAcknowledgement,
  SubscriptionConfirmation,
  SubscriptionFrequency,
  SubscriptionSettings,
  subscribeInputSchema,
  subscriptionChangeInputSchema,
} from '@medblog/shared';
import { enqueue } from '../../../platform/jobs/queue';
import { advisoryLockName } from '../../../platform/exclusive';
import { rateLimiter, take } from '../../../platform/limits/rate-limit';
import { fieldError } from '../../../platform/utils/validation';
import { secret } from '../../../platform/utils/secrets';
import { SUBSCRIBER, subscriptionEmailJob } from './jobs';
import { signToken, verifyToken, type TokenPurpose } from './tokens';

type SubscribeInput = z.infer<typeof subscribeInputSchema>;
type ChangeInput = z.infer<typeof subscriptionChangeInputSchema>;

/** Every address, new, pending or subscribed, gets exactly this answer. */
export const SUBSCRIBE_ACKNOWLEDGEMENT: SubscribeAcknowledgement = {
  message:
    'Check your inbox: if this address can be subscribed, an e-mail is on its way with a link to confirm. Nothing is sent until you confirm.',
};

export const EXPIRED_LINK = 'This link has expired or is not valid: subscribe again to get a new one';
export const GONE = 'This subscription no longer exists';

interface Subscriber {
  documentId: string;
  email: string;
  topics: string[] | null;
  frequency: SubscriptionFrequency;
  subscriberStatus: 'pending' | 'active' | 'bouncing';
}

/** The address as stored and looked up: trimmed (by the schema) and lower-case. */
const normalise = (email: string) => email.toLowerCase();

/** A rate-limit key for an address that is not the address. */
const addressKey = (email: string) =>
  createHmac('sha256', secret('IP_HASH_SALT')).update(`subscribe:${email}`).digest('hex');

export function subscriptionService(strapi: Core.Strapi) {
  const subscribers = () => strapi.db.query(SUBSCRIBER);

  async function categories() {
    const found = await strapi.db
      .query('api::category.category')
      .findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } });
    return found.map((c) => ({ slug: c.slug as string, name: c.name as string }));
  }

  /** The topics as given, each an existing category's slug (a 400 naming the first unknown one). */
  async function checkedTopics(topics: string[] | undefined): Promise<string[]> {
    const wanted = [...new Set(topics ?? [])];
    if (!wanted.length) return [];
    const known = new Set((await categories()).map((c) => c.slug));
    const unknown = wanted.findIndex((slug) => !known.has(slug));
    if (unknown >= 0) throw fieldError(['topics', unknown], `"${wanted[unknown]}" is not a category of this site`);
    return wanted;
  }

  async function find(documentId: string): Promise<Subscriber | null> {
    return (await subscribers().findOne({
      select: ['documentId', 'email', 'topics', 'frequency', 'subscriberStatus'],
      where: { documentId },
    })) as Subscriber | null;
  }

  /** The subscriber of a valid token, or a 400 (expired, forged) or a 404 (left, forgotten). */
  async function holderOf(token: string, purpose: TokenPurpose): Promise<Subscriber> {
    const documentId = verifyToken(token, purpose);
    if (!documentId) throw fieldError('token', EXPIRED_LINK);
    const subscriber = await find(documentId);
    if (!subscriber) throw new errors.NotFoundError(GONE);
    return subscriber;
  }

  async function settingsOf(subscriber: Subscriber): Promise<SubscriptionSettings> {
    return {
      email: subscriber.email,
      topics: subscriber.topics ?? [],
      frequency: subscriber.frequency,
      choices: await categories(),
    };
  }

  return {
    /**
     * A new or pending address gets a confirmation e-mail, a subscribed one its manage link; the
     * answer is the same. Returns the seconds to wait when this address was asked for too often.
     */
    async subscribe(input: SubscribeInput): Promise<{ waitSeconds: number }> {
      // A bot filled the hidden field: answered like anyone, nothing stored or sent.
      if (input.website?.trim()) return { waitSeconds: 0 };
      const email = normalise(input.email);
      const topics = await checkedTopics(input.topics);
      const key = addressKey(email);
      const waitSeconds = await take(rateLimiter(strapi, 'subscriptionAddress'), key);
      if (waitSeconds) return { waitSeconds };

      const subscriber = await strapi.db.transaction(async ({ trx }) => {
        // One request per address at a time: two at once would both find nothing and store it twice.
        await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [advisoryLockName(`subscriber:${key}`)]);
        const found = (await subscribers().findOne({
          select: ['documentId', 'subscriberStatus'],
          where: { email },
        })) as Pick<Subscriber, 'documentId' | 'subscriberStatus'> | null;
        if (!found) {
          return (await strapi.documents(SUBSCRIBER).create({
            data: { email, topics, frequency: input.frequency, subscriberStatus: 'pending' },
          })) as unknown as Pick<Subscriber, 'documentId' | 'subscriberStatus'>;
        }
        if (found.subscriberStatus !== 'active') {
          // Not confirmed yet: the latest request is what the confirmation will start. An address
          // that bounced starts over: its reader confirms it works again.
          await subscribers().update({
            where: { documentId: found.documentId },
            data: { topics, frequency: input.frequency, subscriberStatus: 'pending', bounceCount: 0 },
          });
          return { ...found, subscriberStatus: 'pending' as const };
        }
        return found;
      });
      // Queued once the row is committed, so the job finds it.
      await enqueue(subscriptionEmailJob, {
        subscriber: subscriber.documentId,
        kind: subscriber.subscriberStatus === 'active' ? 'manage' : 'confirm',
      });
      return { waitSeconds: 0 };
    },

    /** Confirms (again, harmlessly) the subscription of a confirmation link; gives its manage link's token. */
    async confirm(token: string): Promise<SubscriptionConfirmation> {
      const subscriber = await holderOf(token, 'confirm');
      if (subscriber.subscriberStatus !== 'active') {
        await subscribers().update({
          where: { documentId: subscriber.documentId },
          data: { subscriberStatus: 'active', confirmedAt: new Date() },
        });
      }
      const settings = await settingsOf({ ...subscriber, subscriberStatus: 'active' });
      return { ...settings, manageToken: signToken(subscriber.documentId, 'manage') };
    },

    async settings(token: string): Promise<SubscriptionSettings> {
      return settingsOf(await holderOf(token, 'manage'));
    },

    async change(input: ChangeInput): Promise<SubscriptionSettings> {
      const subscriber = await holderOf(input.token, 'manage');
      const topics = await checkedTopics(input.topics);
      await subscribers().update({
        where: { documentId: subscriber.documentId },
        data: { topics, frequency: input.frequency },
      });
      return settingsOf({ ...subscriber, topics, frequency: input.frequency });
    },

    /** Deletes the subscriber: nothing about the reader is kept. */
    async leave(token: string): Promise<{ message: string }> {
      const subscriber = await holderOf(token, 'manage');
      await strapi.db.transaction(async ({ trx }) => {
        await subscribers().delete({ where: { documentId: subscriber.documentId } });
        // What was sent stays counted, no longer linked to anyone.
        await trx('newsletter_deliveries')
          .where({ subscriber_id: subscriber.documentId })
          .update({ subscriber_id: null });
      });
      return { message: 'You have left: your address has been deleted and you will get no more e-mails from us.' };
    },
  };
}

export type SubscriptionService = ReturnType<typeof subscriptionService>;

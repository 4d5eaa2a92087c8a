import type { SubscribeAcknowledgement, SubscribeInput } from '@medblog/shared';
import { apiClient } from '@/lib/api-client';

/** Asks for a subscription; the CMS answers alike whatever the address's state ("check your inbox"). */
export async function subscribe(input: SubscribeInput): Promise<SubscribeAcknowledgement> {
  const { data } = await apiClient.post<{ data: SubscribeAcknowledgement }>('/api/subscriptions', { data: input });
  return data.data;
}

/**
 * The subscription schemas, checked before sending. They bring zod (about 25 kB gzip), so they
 * are downloaded when a reader starts filling in a form, not with the page.
 */
export const loadSubscriptionRules = () => import('./subscription-rules');

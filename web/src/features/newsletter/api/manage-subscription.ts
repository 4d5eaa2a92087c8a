import type {
  ApiErrorBody,
  SubscriptionChangeInput,
  SubscriptionConfirmation,
  SubscriptionSettings,
} from '@medblog/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { isAxiosError } from '@/lib/api-error';

/**
 * A signed link's answer: the subscription, or why the link no longer opens it: `invalid` (expired
 * or forged, a 400) or `gone` (the subscription no longer exists, a 404), with the CMS's message.
 */
export type LinkResult<Settings = SubscriptionSettings> =
  { settings: Settings } | { problem: 'invalid' | 'gone'; message: string };

/** What the CMS says of a link it refuses: its token's own message ("token: …" names the field). */
export const linkProblemMessage = (body: ApiErrorBody | undefined) =>
  body?.error?.details?.errors?.[0]?.message ?? body?.error?.message ?? '';

/** A 400 or 404 answer as the link's problem; anything else (offline, 5xx) is thrown. */
function asLinkProblem(error: unknown): LinkResult {
  const response = isAxiosError<ApiErrorBody>(error) ? error.response : undefined;
  if (response?.status === 400 || response?.status === 404)
    return {
      problem: response.status === 404 ? 'gone' : 'invalid',
      message: linkProblemMessage(response.data),
    };
  throw error;
}

async function linkCall<Settings = SubscriptionSettings>(
  method: 'post' | 'put',
  url: string,
  data: object,
): Promise<LinkResult<Settings>> {
  try {
    const client = method === 'post' ? apiClient.post : apiClient.put;
    const { data: body } = await client<{ data: Settings }>(url, { data });
    return { settings: body.data };
  } catch (error) {
    return asLinkProblem(error) as LinkResult<Settings>;
  }
}

/**
 * Confirms the subscription of a confirmation e-mail's link (only ever on the reader's click); the
 * answer carries the token of the subscription's lasting manage link.
 */
export const confirmSubscription = (token: string) =>
  linkCall<SubscriptionConfirmation>('post', '/api/subscriptions/confirm', { token });

/** Reads the subscription of a signed link, to show and change it. */
export const readSubscription = (token: string) => linkCall('post', '/api/subscriptions/manage', { token });

/** New topics and frequency. */
export const changeSubscription = (input: SubscriptionChangeInput) =>
  linkCall('put', '/api/subscriptions/manage', input);

/** Ends the subscription (the CMS deletes the address). */
export async function leaveSubscription(
  token: string,
): Promise<{ left: true } | Exclude<LinkResult, { settings: unknown }>> {
  try {
    await apiClient.post('/api/subscriptions/leave', { data: { token } });
    return { left: true };
  } catch (error) {
    return asLinkProblem(error) as Exclude<LinkResult, { settings: unknown }>;
  }
}

/**
 * The manage page's subscription. Its key holds the token, so it lives only in this reader's page
 * (the page is never cached: src/server/site-handler.ts).
 */
export const subscriptionQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['subscription', token],
    queryFn: () => readSubscription(token),
    staleTime: Infinity,
  });

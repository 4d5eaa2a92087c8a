/** Loaded only through `loadSubscriptionRules()` (see subscribe.ts): it brings zod. */
import { subscribeInputSchema, subscriptionChangeInputSchema } from '@medblog/shared';
import { checkInput } from '@/lib/input-check';

export { errorsByField } from '@/lib/input-check';

export const checkSubscribe = (input: unknown) => checkInput(subscribeInputSchema, input);
export const checkSubscriptionChange = (input: unknown) => checkInput(subscriptionChangeInputSchema, input);

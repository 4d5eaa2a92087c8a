/** Loaded only through `loadEnquiryRules()` (see create-enquiry.ts): it brings zod. */
import { enquiryInputSchema } from '@medblog/shared';
import { checkInput } from '@/lib/input-check';

export { errorsByField } from '@/lib/input-check';

export const checkEnquiry = (input: unknown) => checkInput(enquiryInputSchema, input);

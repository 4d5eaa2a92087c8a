/** Loaded only through `loadCommentRules()` (see create-comment.ts): it brings zod. */
import { commentInputSchema } from '@medblog/shared';
import { checkInput } from '@/lib/input-check';

export { errorsByField } from '@/lib/input-check';

export const checkComment = (input: unknown) => checkInput(commentInputSchema, input);

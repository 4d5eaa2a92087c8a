/**
 * The check of a "helpful" answer before it joins the beacon, with the CMS's own schema: one event
 * the CMS refuses would cost the whole beacon. Loaded with import(): it brings zod.
 */
import { insightEventSchema } from '@medblog/shared';
import { checkInput } from '@/lib/input-check';

export const checkHelpful = (input: unknown) => checkInput(insightEventSchema, input);

/** What the Subscribers screen's endpoints accept (conventions of platform/access/admin-inputs.ts). */
import { z } from 'zod';
import { text, wholeNumber } from '../../../platform/access/admin-inputs';

/** An e-mail address is at most 254 characters: a longer search can match none. */
export const SEARCH_MAX = 254;
export const PAGE_SIZE_MAX = 100;
/** Far beyond any list: a page past the last simply comes back empty. */
export const PAGE_MAX = 100_000;

export const subscriberListQuery = z.object({
  q: text(SEARCH_MAX),
  page: wholeNumber(PAGE_MAX, 1),
  pageSize: wholeNumber(PAGE_SIZE_MAX, 20),
});

/** A documentId as Strapi makes them (24 lower-case letters and digits); anything else names none. */
export const subscriberParams = z.object({
  documentId: z.string().regex(/^[a-z0-9]{1,64}$/, { error: 'must be the documentId of a subscriber' }),
});

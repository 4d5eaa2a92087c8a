/**
 * Route config for the public routes: every one checks its input (middlewares/public-input.ts)
 * with the query parameters it takes; creates are rate-limited per visitor.
 */
import { ENTRY_PARAMS, LIST_PARAMS, type PublicInputConfig } from '../middlewares/public-input';
import type { LimitName } from '../anti-abuse/rate-limit';

export const publicInput = (config: PublicInputConfig) => ({ name: 'global::public-input', config });
export const rateLimit = (name: LimitName) => ({ name: 'global::rate-limit', config: { name } });

/** The core read routes of `uid`: lists take filters, sorting and paging; one entry fewer. */
export function publicReads(uid: string, kind: 'collection' | 'single' = 'collection') {
  if (kind === 'single') return { find: { middlewares: [publicInput({ uid, params: ENTRY_PARAMS })] } };
  return {
    find: { middlewares: [publicInput({ uid, params: LIST_PARAMS })] },
    findOne: { middlewares: [publicInput({ uid, params: ENTRY_PARAMS })] },
  };
}

/** A create route for visitors: no query parameters, rate-limited by `limit`. */
export function publicCreate(uid: string, limit: LimitName) {
  return { create: { middlewares: [publicInput({ uid, params: [] }), rateLimit(limit)] } };
}

/** What the Readers endpoints accept (conventions of platform/access/admin-inputs.ts). */
import { z } from 'zod';
import { DEFAULT_READERS_PERIOD, READERS_PERIODS, READERS_TABLES } from '@medblog/shared';
import { notGivenIfEmpty, oneOf } from '../../../platform/access/admin-inputs';

const periodError = `must be one of ${READERS_PERIODS.join(', ')} (days)`;
/** 7, 30 or 90 days; 30 when not given. */
const period = z.preprocess(
  notGivenIfEmpty,
  z
    .enum(READERS_PERIODS.map(String) as ['7', '30', '90'], { error: periodError })
    .default(String(DEFAULT_READERS_PERIOD) as '30')
    .transform((value) => Number(value) as (typeof READERS_PERIODS)[number]),
);

export const readersQuery = z.object({ period });

export const exportQuery = z.object({
  period,
  table: z.preprocess(notGivenIfEmpty, oneOf(READERS_TABLES)),
});

/** A documentId as Strapi makes them (lower-case letters and digits); anything else names none. */
export const articleParams = z.object({
  documentId: z.string().regex(/^[a-z0-9]{1,64}$/, { error: 'must be the documentId of an article' }),
});

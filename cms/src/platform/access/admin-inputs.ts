/**
 * The pieces of what the admin endpoints accept, as zod schemas (each feature's inputs.ts puts
 * them together): `parseInput` (platform/utils/validation.ts) turns a mismatch into a 400 naming
 * the parameter. Query values arrive as strings; an empty one (`?topic=`) counts as not given, as
 * the export form sends it.
 */
import { z } from 'zod';

export const notGivenIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

export function wholeNumber(max: number, fallback: number) {
  const error = `must be a whole number from 1 to ${max}`;
  return z.preprocess(
    notGivenIfEmpty,
    z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error }).default(fallback),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const day = z.preprocess(
  notGivenIfEmpty,
  z
    .string({ error: 'must be a date such as 2026-01-31' })
    .refine((value) => DAY.test(value) && !Number.isNaN(Date.parse(value)), {
      error: 'must be a date such as 2026-01-31',
    })
    .optional(),
);

export function text(max: number) {
  const error = `must be a text of at most ${max} characters`;
  return z.preprocess(notGivenIfEmpty, z.string({ error }).trim().max(max, { error }).optional());
}

/**
 * Checks a form's input with a schema of `@medblog/shared`, the same one the CMS applies.
 *
 * Load this only with `import()` (through a feature's `load…Rules`): the schemas bring zod, about
 * 25 kB gzip, which readers download when they start filling in a form, not with every page.
 */
import { errorsByField, fieldErrors } from '@medblog/shared';

/** The message to show beside each field, keyed by field name. */
export type FieldMessages = Record<string, string>;

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };
}

export type CheckResult<T> = { data: T; errors?: undefined } | { data?: undefined; errors: FieldMessages };

export function checkInput<T>(schema: Schema<T>, input: unknown): CheckResult<T> {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { errors: errorsByField(fieldErrors(result.error)) };
}

/** The server's field errors (a 400's details.errors), shown the same way as the form's own. */
export { errorsByField };

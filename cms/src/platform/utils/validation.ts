import { errors } from '@strapi/utils';
import { fieldErrors } from '@medblog/shared';
import type { z } from 'zod';

/**
 * Reads `{ data: {...} }` from a create request and validates it with a schema from
 * `@medblog/shared`. Bad input becomes Strapi's 400 ValidationError, naming each bad field.
 */
export function parseCreateBody<S extends z.ZodType>(body: unknown, schema: S): z.infer<S> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new errors.ValidationError('Missing "data" payload in the request body', {
      errors: [{ path: ['data'], message: 'The request body must be { "data": { ... } }', name: 'ValidationError' }],
    });
  }
  return parseInput(data, schema);
}

/**
 * Validates any input (a request body, `ctx.query`) with a zod schema. Bad input becomes Strapi's
 * 400 ValidationError, its message naming each bad field or parameter ("pageSize: must be ...").
 */
export function parseInput<S extends z.ZodType>(input: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const list = fieldErrors(result.error);
    const message = list.map((e) => (e.path.length ? `${e.path.join('.')}: ${e.message}` : e.message)).join('; ');
    throw new errors.ValidationError(message, {
      errors: list.map((e) => ({ path: e.path, message: e.message, name: 'ValidationError' })),
    });
  }
  return result.data;
}

/** A 400 about one field (or one inside a component: `['references', 0, 'doi']`), shaped like the schema errors. */
export function fieldError(field: string | Array<string | number>, message: string) {
  const path = (Array.isArray(field) ? field : [field]).map(String);
  const where = path.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
  return new errors.ValidationError(`${where}: ${message}`, {
    errors: [{ path, message, name: 'ValidationError' }],
  });
}

/**
 * What a reader sent with an enquiry stays as they sent it: an update (admin edit form, API,
 * script) that would change one of the sender's fields is refused with a 400 naming the field.
 * Staff change only the handling status and the internal notes. The edit form sends every field
 * back on save, so a field given with its stored value is fine.
 */
import type { Core } from '@strapi/strapi';
import { fieldError } from '../../../platform/utils/validation';

const ENQUIRY = 'api::enquiry.enquiry';
export const SENDER_FIELDS = ['name', 'email', 'phone', 'topic', 'message', 'consent', 'sourcePath', 'ipHash'] as const;

/** An empty optional field is stored as null but may come back from a form as ''. */
function sameValue(given: unknown, stored: unknown): boolean {
  const normal = (value: unknown) => (value === '' || value === undefined ? null : value);
  return normal(given) === normal(stored);
}

export function registerEnquirySenderFields(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ENQUIRY || context.action !== 'update') return next();
    const { data, documentId } = context.params as { data?: Record<string, unknown>; documentId?: string };
    const given = SENDER_FIELDS.filter((field) => data && data[field] !== undefined);
    if (given.length && documentId) {
      const stored = await strapi.db.query(ENQUIRY).findOne({ select: [...given], where: { documentId } });
      const changed = stored && given.find((field) => !sameValue(data![field], stored[field]));
      if (changed) throw fieldError(changed, 'is what the sender wrote and cannot be changed');
    }
    return next();
  });
}

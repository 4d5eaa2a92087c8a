/**
 * A redirect's addresses are checked and written one way on every save (admin, API, importer):
 * fromPath is a path of this site, stored as the site looks it up (shared normaliseRedirectPath);
 * toPath is a path of this site or an https address. Anything else is a 400 naming the field.
 */
import type { Core } from '@strapi/strapi';
import { normaliseRedirectPath } from '@medblog/shared';
import { fieldError } from '../../../platform/utils/validation';

const REDIRECT = 'api::redirect.redirect';

/** The trimmed text of a field being saved; undefined when the save leaves it alone. */
function textOf(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw fieldError(field, 'is required');
  return value.trim();
}

/** Why `path` is not a path of this site, or null when it is one. */
function notASitePath(path: string): string | null {
  if (!path.startsWith('/') || path.startsWith('//')) {
    return /^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('//')
      ? 'must be a path of this site such as /old-page, without http:// and the domain'
      : 'must start with /';
  }
  if (/\s/.test(path)) return 'must not contain spaces';
  // Browsers read a backslash as a slash: "/\evil.example" would lead to another site.
  if (path.includes('\\')) return 'must not contain \\ (browsers read it as /)';
  return null;
}

function checkedFromPath(path: string): string {
  // Browsers never send the part after #: such an old address would never match.
  const problem = notASitePath(path) ?? (path.includes('#') ? 'must not contain #' : null);
  if (problem) throw fieldError('fromPath', problem);
  return normaliseRedirectPath(path);
}

function checkedToPath(path: string): string {
  const problem = notASitePath(path);
  if (!problem) return path;
  if (URL.canParse(path) && new URL(path).protocol === 'https:' && !/\s/.test(path)) return path;
  // Meant as a path of this site: say what is wrong with it.
  if (path.startsWith('/') && !path.startsWith('//')) throw fieldError('toPath', problem);
  throw fieldError('toPath', 'must be a path of this site starting with / or a full https:// address');
}

export function registerRedirectPaths(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== REDIRECT || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
    const fromPath = textOf(data, 'fromPath');
    const toPath = textOf(data, 'toPath');
    if (fromPath !== undefined) data.fromPath = checkedFromPath(fromPath);
    if (toPath !== undefined) data.toPath = checkedToPath(toPath);
    return next();
  });
}

import slugifyText from '@sindresorhus/slugify';

/**
 * Turns a title into a URL slug (lowercase ASCII words joined by dashes) with the library Strapi's
 * own uid fields use, so the server makes the slug the admin would; at most `maxLength` characters.
 */
export function slugify(text: string, maxLength = 80): string {
  return slugifyText(text).slice(0, maxLength).replace(/-+$/, '');
}

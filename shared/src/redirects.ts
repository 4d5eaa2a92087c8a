/**
 * How a redirect's fromPath is written, so the CMS stores it and the site looks a request up the
 * same way: `/old-page/` and `/old-page` are one address, and a query such as `/?p=123` is part
 * of it.
 */
export function normaliseRedirectPath(path: string): string {
  const trimmed = path.trim();
  const queryAt = trimmed.indexOf('?');
  const pathname = queryAt < 0 ? trimmed : trimmed.slice(0, queryAt);
  const query = queryAt < 0 ? '' : trimmed.slice(queryAt);
  return (pathname.replace(/\/+$/, '') || '/') + query;
}

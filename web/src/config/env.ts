/** Addresses fixed at build time (see .env in the README): the CMS API and this site's public origin. */
const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export const API_URL = withoutTrailingSlash(import.meta.env.VITE_API_URL || 'http://localhost:1337');

// Without VITE_SITE_URL: the address the page is served from, in the browser; `pnpm start`'s on the server.
export const SITE_URL = withoutTrailingSlash(
  import.meta.env.VITE_SITE_URL || (import.meta.env.SSR ? 'http://localhost:4173' : window.location.origin),
);

/**
 * Dates are shown in the organisation's time zone (VITE_TIME_ZONE), so the server and every reader
 * show the same day: its offsets, tabled at build time (see lib/zone-offsets.ts).
 */
export const SITE_ZONE_OFFSETS = __SITE_ZONE_OFFSETS__;

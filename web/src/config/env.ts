/** Addresses fixed at build time (see .env in the README): the CMS API and this site's public origin. */
const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export const API_URL = withoutTrailingSlash(import.meta.env.VITE_API_URL || 'http://localhost:1337');

export const SITE_URL = withoutTrailingSlash(import.meta.env.VITE_SITE_URL || window.location.origin);

// The reader site's servers, told about every change readers can see (src/platform/site-purge.ts).
import type { Core } from '@strapi/strapi';
import { assertSecretFor } from '../src/platform/utils/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const urls = env
    .array('SITE_PURGE_URLS', [])
    .filter(Boolean)
    .map((base) => base.replace(/\/+$/, ''));
  if (urls.length) assertSecretFor('PURGE_SECRET', 'the purge calls to SITE_PURGE_URLS');
  return {
    // The site's public address, for the moderation screen's "View on site" links (empty: no links).
    publicUrl: env('SITE_URL', 'http://localhost:5173').replace(/\/+$/, ''),
    purge: {
      urls,
      secret: env('PURGE_SECRET', ''),
      // Changes this close together go out as one call (a bulk moderation is one purge), sent at
      // the latest maxDelayMs after the first so a long run of changes does not hold pages back.
      windowMs: env.int('SITE_PURGE_WINDOW_MS', 50),
      maxDelayMs: env.int('SITE_PURGE_MAX_DELAY_MS', 500),
    },
  };
};

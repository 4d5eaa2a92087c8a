// The response cache of the public API (src/platform/cache/store.ts, src/platform/cache/middleware.ts):
// in this process's memory, or in Redis when REDIS_URL is set (config/redis.ts).
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Off: every answer is computed by Strapi (ETag, 304 and Cache-Control still apply).
  enabled: env.bool('API_CACHE_ENABLED', true),
  // The in-memory cache's bound: bodies, keys and bookkeeping, in MB.
  maxMegabytes: env.int('API_CACHE_MAX_MB', 64),
  // How long an entry may live; changes evict it sooner (popular articles live one view flush).
  ttlSeconds: env.int('API_CACHE_TTL_SECONDS', 300),
  // What CDNs and the site's server are told (Cache-Control: s-maxage, stale-while-revalidate).
  sharedMaxAgeSeconds: env.int('API_CACHE_S_MAXAGE_SECONDS', 10),
  staleWhileRevalidateSeconds: env.int('API_CACHE_SWR_SECONDS', 60),
});

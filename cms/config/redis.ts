// Shared state of every CMS instance (rate limits, page-view de-duplication and counts) lives in
// Redis when REDIS_URL is set (src/platform/redis.ts); without it, in this process's memory. The
// API's cached answers, which may be dropped, may live in a Redis of their own (REDIS_CACHE_URL:
// maxmemory with allkeys-lru), so that a full cache never evicts a rate limit or a view count.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  url: env('REDIS_URL', ''),
  cacheUrl: env('REDIS_CACHE_URL', env('REDIS_URL', '')),
  // Put before every key, so one Redis can serve other applications (or test runs) too.
  keyPrefix: env('REDIS_KEY_PREFIX', 'medblog:'),
});

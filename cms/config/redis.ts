// Shared state of every CMS instance (rate limits, page-view de-duplication and counts) lives in
// Redis when REDIS_URL is set (src/infra/redis.ts); without it, in this process's memory.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  url: env('REDIS_URL', ''),
  // Put before every key, so one Redis can serve other applications (or test runs) too.
  keyPrefix: env('REDIS_KEY_PREFIX', 'medblog:'),
});

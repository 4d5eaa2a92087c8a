/** The site server's settings, from its environment (README, "The site's server"). */
import { API_URL } from '@/config/env';

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

export const serverConfig = {
  /** Where this server reaches the CMS (a private address in a cluster); browsers use VITE_API_URL. */
  cmsUrl: (process.env.CMS_INTERNAL_URL || API_URL).replace(/\/+$/, ''),
  /** No single CMS request may take longer. */
  cmsTimeoutMs: number('CMS_TIMEOUT_MS', 3000),
  /** How long a reader waits for a page before a stale copy or the "not available" page answers. */
  renderDeadlineMs: number('RENDER_DEADLINE_MS', 4000),
  pageCacheBytes: number('PAGE_CACHE_MAX_MB', 64) * 1024 * 1024,
  /** A page is sent as it is for this long; edits arrive sooner, through the CMS's purge call. */
  pageFreshSeconds: number('PAGE_FRESH_SECONDS', 60),
  pageStaleSeconds: number('PAGE_STALE_SECONDS', 600),
  /** How long a 404, a 410, a redirect or a search's results are kept (here and in Redis): any address can be asked for. */
  shortLivedPageSeconds: number('SHORT_LIVED_PAGE_SECONDS', 60),
  /** Renders (page-cache misses: every distinct search or unknown address) one reader may cause per window; then 429. */
  renderRateMax: number('RENDER_RATE_MAX', 60),
  renderRateWindowSeconds: number('RENDER_RATE_WINDOW_SECONDS', 60),
  /**
   * Behind a load balancer or CDN of yours: the reader's address is the one those PROXY_HOPS
   * proxies added to X-Forwarded-For (as on the CMS). Otherwise the header is ignored.
   */
  behindProxy: process.env.BEHIND_PROXY === 'true',
  proxyHops: number('PROXY_HOPS', 1),
  /** s-maxage for a CDN in front: what it may keep without asking, which delays edits by as much. */
  cdnMaxAgeSeconds: number('CDN_MAX_AGE_SECONDS', 10),
  /** Shared with the CMS, which signs its purge calls with it; without it, purge calls are refused. */
  purgeSecret: process.env.PURGE_SECRET || '',
  /** With several site servers: their purges and render limits (src/server/page-cache.ts, visitors.ts). */
  redisUrl: process.env.REDIS_URL || '',
  /** Their shared pages, which may be evicted: a Redis with maxmemory and allkeys-lru; REDIS_URL unless set. */
  redisCacheUrl: process.env.REDIS_CACHE_URL || process.env.REDIS_URL || '',
  redisKeyPrefix: process.env.REDIS_KEY_PREFIX || 'medblog:',
};

/**
 * Who a reader is, and how many pages the site renders for one (README, "Security": read limits).
 *
 * A reader is the address that connected, or, when the site is told it stands behind proxies of
 * its own (BEHIND_PROXY, PROXY_HOPS: the CMS's settings of the same names, read the same way),
 * the address those proxies added to X-Forwarded-For. By default the header is ignored, so a
 * reader cannot choose its own address. For the limit, an IPv6 reader is its /64, as on the CMS.
 *
 * The limit counts renders (page-cache misses: every distinct search, unknown address or feed),
 * never cache hits, with rate-limiter-flexible: in memory, or in Redis shared by every site server
 * when REDIS_URL is set (while Redis is unreachable, each server counts on its own).
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface ProxySettings {
  behindProxy: boolean;
  /** How many proxies of ours add an entry to X-Forwarded-For (1: a balancer; 2: a CDN and a balancer). */
  proxyHops: number;
}

export interface RenderLimit {
  max: number;
  windowSeconds: number;
}

/** The reader's address (IPv4-mapped IPv6 addresses as IPv4), as Koa's `request.ip` reads it on the CMS. */
export function readerAddress(request: IncomingMessage, { behindProxy, proxyHops }: ProxySettings): string {
  const connected = request.socket.remoteAddress ?? '';
  let address = connected;
  if (behindProxy) {
    const header = request.headers['x-forwarded-for'] ?? '';
    const forwarded = (Array.isArray(header) ? header.join(',') : header)
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Only the entries our proxies added: the first of the last PROXY_HOPS.
    address = (proxyHops > 0 ? forwarded.slice(-proxyHops) : forwarded)[0] ?? connected;
  }
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/** The network a limit counts: an IPv4 address, or the /64 of an IPv6 one (one household or phone gets a whole /64). */
export function visitorNetwork(address: string): string {
  if (!ipaddr.isValid(address)) return `unknown:${address}`;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(':')}::/64`;
}

export interface RenderLimiter {
  /** Takes one render for `address`: 0 when taken, else the seconds until one is free. */
  take(address: string): Promise<number>;
  close(): Promise<void>;
}

export function createRenderLimiter({
  max,
  windowSeconds,
  redisUrl,
  keyPrefix,
  salt,
}: RenderLimit & {
  /** The state Redis (REDIS_URL), never the evicting cache one: a dropped key would forget a count. */
  redisUrl: string;
  keyPrefix: string;
  /** Keys are salted hashes of the network, never the address itself. */
  salt: string;
}): RenderLimiter {
  const options = { keyPrefix: 'site-renders', points: max, duration: windowSeconds };
  const memory = new RateLimiterMemory(options);
  // Commands fail at once while Redis is unreachable, and the memory limiter counts meanwhile.
  const client = redisUrl
    ? new Redis(redisUrl, { keyPrefix, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 200 })
    : null;
  let warned = false;
  client?.on('error', (error: Error) => {
    if (!warned) console.warn(`Redis is unreachable (${error.message}): each site server counts renders on its own`);
    warned = true;
  });
  client?.on('ready', () => (warned = false));
  const limiter: RateLimiterAbstract = client
    ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory, rejectIfRedisNotReady: true })
    : memory;
  const keyOf = (address: string) => createHmac('sha256', salt).update(visitorNetwork(address)).digest('base64url');

  return {
    async take(address) {
      try {
        await limiter.consume(keyOf(address));
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        // A limiter that fails must not fail pages.
        console.error('The render limit could not be checked:', rejection);
        return 0;
      }
    },
    async close() {
      await client?.quit().catch(() => client.disconnect());
    },
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import ipaddr from 'ipaddr.js';
import { parseVisitorHop, VISITOR_HOP, visitorHopSignedText } from '@medblog/shared';
import type { Context } from './http';
import { secret } from './secrets';

const hmac = (text: string) => createHmac('sha256', secret('IP_HASH_SALT')).update(text).digest('hex');

/** A salted hash of the client's IP: enough to spot abuse, never the address itself. */
export function ipHash(ip: string | undefined): string {
  return hmac(ip ?? 'unknown');
}

/** The key of the visitor hop, derived from the purge secret (shared/src/visitor-hop.ts); made once per value. */
let hopKey: { secret: string; key: Buffer } | undefined;
function hopKeyOf(purgeSecret: string): Buffer {
  if (hopKey?.secret !== purgeSecret)
    hopKey = { secret: purgeSecret, key: createHmac('sha256', purgeSecret).update(VISITOR_HOP.keyLabel).digest() };
  return hopKey.key;
}

/** The address a visitor header names, when the site server signed it lately with the shared secret; else null. */
function signedVisitor(
  header: string | undefined,
  purgeSecret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  if (!header || !purgeSecret) return null;
  const { address, timestamp, signature } = parseVisitorHop(header);
  if (!address || !ipaddr.isValid(address) || !timestamp || !/^\d+$/.test(timestamp) || !signature) return null;
  if (Math.abs(nowSeconds - Number(timestamp)) > VISITOR_HOP.maxAgeSeconds) return null;
  const expected = createHmac('sha256', hopKeyOf(purgeSecret))
    .update(visitorHopSignedText(Number(timestamp), address))
    .digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}

/**
 * Who sent a request, for every limit and every stored ipHash: the reader the site server names
 * in a validly signed visitor header (its calls to the CMS are made for that reader), otherwise the
 * connection's address (Koa's `request.ip`: X-Forwarded-For only as BEHIND_PROXY and PROXY_HOPS
 * allow). A header that is forged, stale or signed for another address counts for nothing.
 */
export function visitorAddress(strapi: Core.Strapi, ctx: Context): string {
  const purgeSecret = strapi.config.get('site.purge.secret', '') as string;
  return signedVisitor(ctx.get(VISITOR_HOP.header) || undefined, purgeSecret) ?? ctx.request.ip;
}

/**
 * Who a visitor is for rate limits, as a salted hash: the IPv4 address, or the /64 network of an
 * IPv6 one (one household or phone gets a whole /64, so single addresses cost an abuser nothing).
 */
export function visitorKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return hmac(`unknown:${ip ?? ''}`);
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return hmac(address.toString());
  return hmac(
    `${(address as ipaddr.IPv6).parts
      .slice(0, 4)
      .map((part) => part.toString(16))
      .join(':')}::/64`,
  );
}

/** The client's user agent, cut to what the schema stores. */
export function userAgent(header: string | undefined): string | undefined {
  return header?.slice(0, 512);
}

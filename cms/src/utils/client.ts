import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { secret } from './secrets';

const hmac = (text: string) => createHmac('sha256', secret('IP_HASH_SALT')).update(text).digest('hex');

/** A salted hash of the client's IP: enough to spot abuse, never the address itself. */
export function ipHash(ip: string | undefined): string {
  return hmac(ip ?? 'unknown');
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

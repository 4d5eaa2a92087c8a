import { createHmac } from 'node:crypto';
import { secret } from './secrets';

/** A salted hash of the client's IP: enough to rate-limit and spot abuse, never the address itself. */
export function ipHash(ip: string | undefined): string {
  return createHmac('sha256', secret('IP_HASH_SALT')).update(ip ?? 'unknown').digest('hex');
}

/** The client's user agent, cut to what the schema stores. */
export function userAgent(header: string | undefined): string | undefined {
  return header?.slice(0, 512);
}

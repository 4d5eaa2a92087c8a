/**
 * The tokens of a subscriber's signed links: the subscriber's documentId, what the link is for
 * (confirming, or managing and leaving) and, for a confirmation, when it expires; signed with
 * HMAC-SHA256 and written in URL-safe base64 (SUBSCRIPTION_TOKEN_PATTERN). Nothing is stored: a
 * token is valid while its signature is, and its subscriber still exists.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secret } from '../../../platform/utils/secrets';

export type TokenPurpose = 'confirm' | 'manage';

interface Payload {
  /** The subscriber's documentId. */
  s: string;
  p: TokenPurpose;
  /** Expiry, seconds since the epoch (confirm only). */
  e?: number;
}

/** How long a confirmation link works. */
export const CONFIRM_TTL_SECONDS = 48 * 3600;

const key = () => secret('NEWSLETTER_SECRET');

const sign = (text: string) => createHmac('sha256', key()).update(text).digest('base64url');

export function signToken(documentId: string, purpose: TokenPurpose, now = Date.now()): string {
  const payload: Payload = { s: documentId, p: purpose };
  if (purpose === 'confirm') payload.e = Math.floor(now / 1000) + CONFIRM_TTL_SECONDS;
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body)}`;
}

/** The subscriber's documentId when `token` is a valid, unexpired token for `purpose`; else null. */
export function verifyToken(token: string, purpose: TokenPurpose, now = Date.now()): string | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    return null;
  }
  if (payload.p !== purpose || typeof payload.s !== 'string') return null;
  if (purpose === 'confirm' && !(typeof payload.e === 'number' && payload.e * 1000 > now)) return null;
  return payload.s;
}

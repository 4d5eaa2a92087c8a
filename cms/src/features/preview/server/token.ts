/**
 * Preview links: the admin's Preview button opens the site's /preview/<documentId>?token=…, and
 * the site asks the CMS for that draft with the token. A token names one document and an expiry,
 * signed with a key derived from ADMIN_JWT_SECRET, so it cannot be stretched to another document,
 * kept past its time, or made up. No API token ever reaches a browser.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secret } from '../../../platform/utils/secrets';

/** Long enough to edit an article with the preview open; the Preview button makes a new one. */
export const PREVIEW_TOKEN_SECONDS = 60 * 60;

const key = () => createHmac('sha256', secret('ADMIN_JWT_SECRET')).update('medblog article preview').digest();
const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

export function createPreviewToken(documentId: string, now = Date.now()): string {
  const payload = `${documentId}.${Math.floor(now / 1000) + PREVIEW_TOKEN_SECONDS}`;
  return `${payload}.${sign(payload)}`;
}

export type PreviewCheck = 'valid' | 'expired' | 'other-document' | 'invalid';

export function checkPreviewToken(token: unknown, documentId: string, now = Date.now()): PreviewCheck {
  if (typeof token !== 'string') return 'invalid';
  const [tokenDocument, expires, signature] = token.split('.');
  if (!tokenDocument || !expires || !signature) return 'invalid';
  const expected = Buffer.from(sign(`${tokenDocument}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (tokenDocument !== documentId) return 'other-document';
  return Number(expires) * 1000 < now ? 'expired' : 'valid';
}

/** Checks the CMS's signed purge call (the contract is in shared/src/purge.ts). */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PURGE, purgeSignedText, type PurgeRequest } from '@medblog/shared';

export type PurgeCheck = { ok: true; request: PurgeRequest } | { ok: false; status: 400 | 401; message: string };

const MAX_TAGS = 1000;

export function checkPurge(
  secret: string,
  signatureHeader: string | undefined,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): PurgeCheck {
  const fields = Object.fromEntries(
    (signatureHeader ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = Number(fields.t);
  if (!fields.t || !fields.v1 || !Number.isInteger(timestamp)) {
    return { ok: false, status: 401, message: `Missing or malformed ${PURGE.signatureHeader} header` };
  }
  if (Math.abs(nowSeconds - timestamp) > PURGE.maxAgeSeconds) {
    return { ok: false, status: 401, message: 'The signature is too old or from the future' };
  }
  const expected = createHmac('sha256', secret).update(purgeSignedText(timestamp, body)).digest();
  const given = Buffer.from(fields.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, message: 'Wrong signature' };
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, message: 'The body is not JSON' };
  }
  const tags = (parsed as Partial<PurgeRequest> | null)?.tags;
  if (!Array.isArray(tags) || tags.length > MAX_TAGS || !tags.every((tag) => typeof tag === 'string' && tag)) {
    return { ok: false, status: 400, message: `"tags" must be a list of up to ${MAX_TAGS} non-empty strings` };
  }
  return { ok: true, request: { tags } };
}

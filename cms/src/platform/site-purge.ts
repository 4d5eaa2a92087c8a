/**
 * Tells the reader site's servers (SITE_PURGE_URLS) what changed, so their cached pages follow
 * the CMS within moments: the content changes of src/platform/content-changes.ts, gathered over
 * a short window into one signed call per server (the contract is @medblog/shared's purge.ts).
 * Never in the way of a save: calls go out after it, each gets PURGE_TIMEOUT_MS, and a failed one
 * is logged and retried once.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { PURGE, purgeSignedText, type PurgeRequest } from '@medblog/shared';
import { onContentChange } from './content-changes';

const PURGE_TIMEOUT_MS = 2000;
const RETRY_DELAY_MS = 1000;

interface PurgeSettings {
  urls: string[];
  secret: string;
  windowMs: number;
  maxDelayMs: number;
}

function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(purgeSignedText(timestamp, body)).digest('hex')}`;
}

async function post(url: string, secret: string, tags: string[]): Promise<void> {
  const body = JSON.stringify({ tags } satisfies PurgeRequest);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [PURGE.signatureHeader]: signature(secret, Math.floor(Date.now() / 1000), body),
    },
    body,
    signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`answered ${response.status}`);
}

const reason = (error: unknown) => {
  const { name, message, cause } = error as Error & { cause?: Error };
  if (name === 'TimeoutError') return `no answer within ${PURGE_TIMEOUT_MS} ms`;
  return cause?.message ? `${message} (${cause.message})` : message;
};

async function purge(strapi: Core.Strapi, url: string, secret: string, tags: string[]): Promise<void> {
  const what = `${url} (${tags.join(', ')})`;
  try {
    await post(url, secret, tags);
  } catch (error) {
    strapi.log.warn(`Site purge failed, retrying in ${RETRY_DELAY_MS} ms: ${what}: ${reason(error)}`);
    await sleep(RETRY_DELAY_MS);
    try {
      await post(url, secret, tags);
    } catch (retryError) {
      strapi.log.error(`Site purge failed again, the site may show old content: ${what}: ${reason(retryError)}`);
    }
  }
}

export function registerSitePurge(strapi: Core.Strapi): void {
  const { urls, secret, windowMs, maxDelayMs } = strapi.config.get('site.purge') as PurgeSettings;
  if (!urls.length || !secret) {
    strapi.log.info(
      'Site purge off: set SITE_PURGE_URLS and PURGE_SECRET to tell the site about changes (its cache is not purged).',
    );
    return;
  }
  const endpoints = urls.map((base) => `${base}${PURGE.path}`);
  let waiting = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    deadline = undefined;
    const tags = [...waiting];
    waiting = new Set();
    for (const url of endpoints) void purge(strapi, url, secret, tags);
  };

  onContentChange((tags) => {
    tags.forEach((tag) => waiting.add(tag));
    // Sent once changes pause for windowMs, and at the latest maxDelayMs after the first.
    clearTimeout(quiet);
    quiet = setTimeout(flush, windowMs);
    deadline ??= setTimeout(flush, maxDelayMs);
  });
}

/**
 * The Strapi instance the tests talk to: booted once per run (the test files share one process),
 * on the database prepared by global-setup.ts, with the demo content seeded by its bootstrap and
 * e-mail going to a local SMTP server (helpers/smtp.ts) and purge calls to a stand-in of the site's
 * server (helpers/site.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { cmsDir, loadStrapi } from '../../scripts/lib/strapi.mjs';
import { startSmtpServer } from './smtp';
import { startSiteServer } from './site';

const holder = globalThis as typeof globalThis & { __strapi?: Promise<Core.Strapi> };

export function bootStrapi(): Promise<Core.Strapi> {
  holder.__strapi ??= (async () => {
    const smtp = await startSmtpServer();
    const site = await startSiteServer();
    Object.assign(process.env, {
      SITE_PURGE_URLS: site.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_IGNORE_TLS: 'true',
      EMAIL_FROM: 'CMS <cms@example.org>',
    });
    const strapi: Core.Strapi = await loadStrapi({ logLevel: 'error' });
    await strapi.load();
    strapi.server.mount();
    return strapi;
  })();
  return holder.__strapi;
}

/** supertest against the running CMS. */
export async function api() {
  const strapi = await bootStrapi();
  return supertest(strapi.server.httpServer);
}

/** Writes the page views the CMS has counted so far, as its next scheduled flush would. */
export async function flushViews(): Promise<void> {
  await (await bootStrapi()).service('api::article.article').flushViews();
}

/**
 * Evicts the CMS's cached answers carrying `tags`, as a content change does: for tests that write
 * behind the Document Service's back. The cache is the compiled module the running CMS loaded (an
 * import of the source would be another instance, with a cache of its own).
 */
export async function evictCached(tags: string[]): Promise<void> {
  const strapi = await bootStrapi();
  const { apiCache } = createRequire(__filename)(join(cmsDir, 'dist', 'src', 'platform', 'cache', 'store.js'));
  await apiCache(strapi).invalidate(tags);
}

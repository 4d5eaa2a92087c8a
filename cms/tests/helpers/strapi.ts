/**
 * The Strapi instance the tests talk to: booted once per run (the test files share one process),
 * on the database prepared by global-setup.ts, with the demo content seeded by its bootstrap.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';

const appDir = join(__dirname, '..', '..');
const holder = globalThis as typeof globalThis & { __strapi?: Promise<Core.Strapi> };

export function bootStrapi(): Promise<Core.Strapi> {
  holder.__strapi ??= (async () => {
    const { createStrapi } = createRequire(__filename)('@strapi/strapi');
    const strapi: Core.Strapi = createStrapi({ appDir, distDir: join(appDir, 'dist') });
    strapi.log.level = 'error';
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

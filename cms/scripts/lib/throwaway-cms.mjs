// A throw-away CMS: an embedded PostgreSQL on a temporary folder, the compiled Strapi, demo content
// seeded by its bootstrap. For end-to-end tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';
import { startEmbeddedPostgres } from './postgres.mjs';
import { loadStrapi } from './strapi.mjs';

/**
 * `unlimitedReads`: for benchmarks, which send every request from one address: the read limit
 * (300 uncached reads a minute per visitor) would answer 429s to what they measure. Its own tests
 * cover the limit; the site's reads bench keeps it, since it measures what it refuses.
 */
export async function startThrowawayCms({ port, unlimitedReads = false } = {}) {
  if (unlimitedReads) process.env.READ_RATE_MAX ??= '1000000000';
  const folder = mkdtempSync(join(tmpdir(), 'medblog-cms-'));
  const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), database: 'medblog' });
  const listenPort = port || (await freePort());
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    PORT: String(listenPort),
    HOST: '127.0.0.1',
    NODE_ENV: process.env.NODE_ENV ?? 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  const strapi = await loadStrapi();
  await strapi.start();
  return {
    url: `http://127.0.0.1:${listenPort}`,
    databaseUrl: db.url,
    strapi,
    async stop() {
      await strapi.destroy().catch(() => {});
      await db.stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

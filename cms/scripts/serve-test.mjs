// A throw-away CMS for end-to-end tests and benchmarks: an embedded PostgreSQL on a temporary
// folder, the built Strapi (run `pnpm --filter @medblog/cms build` first), demo content seeded.
// Env: PORT (default: a free port), CORS_ORIGINS. Prints "CMS ready at <url>"; SIGTERM/SIGINT
// stops Strapi and the database and removes the folder.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres } from './lib/postgres.mjs';
import { cmsDir, loadStrapi } from './lib/strapi.mjs';

if (!existsSync(join(cmsDir, 'dist', 'build', 'index.html'))) {
  console.error('The CMS is not built: run `pnpm --filter @medblog/cms build` first.');
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'medblog-e2e-'));
const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), database: 'medblog' });
const port = Number(process.env.PORT) || (await freePort());
Object.assign(process.env, {
  DATABASE_URL: db.url,
  PORT: String(port),
  HOST: '127.0.0.1',
  NODE_ENV: process.env.NODE_ENV ?? 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
});

const strapi = await loadStrapi();
await strapi.start();
console.log(`CMS ready at http://127.0.0.1:${port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await strapi.destroy().catch(() => {});
  await db.stop().catch(() => {});
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// `pnpm dev`: PostgreSQL (embedded unless DATABASE_URL is set), the Strapi admin and API on
// http://localhost:1337 and the reader site on http://localhost:5173 (rendered on the server),
// with reloading. The CMS tells the site about each edit, as in production.
import { join } from 'node:path';
import { database, DEV_PURGE_FILE, purgeSettings, root, runAll } from './lib/processes.mjs';

process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.NODE_ENV ??= 'development';
Object.assign(process.env, purgeSettings('http://localhost:5173', { persistIn: DEV_PURGE_FILE }));

const db = await database();
await runAll(db, [
  { name: 'CMS', command: 'pnpm', args: ['exec', 'strapi', 'develop'], cwd: join(root, 'cms') },
  { name: 'Site', command: 'node', args: ['scripts/dev-server.mjs'], cwd: join(root, 'web'), env: { PORT: '5173' } },
]);

// `pnpm dev`: PostgreSQL (embedded unless DATABASE_URL is set), the Strapi admin and API on
// http://localhost:1337 and the reader site on http://localhost:5173, with reloading.
import { join } from 'node:path';
import { database, root, runAll } from './lib/processes.mjs';

process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.NODE_ENV ??= 'development';

const db = await database();
await runAll(db, [
  { name: 'CMS', command: 'pnpm', args: ['exec', 'strapi', 'develop'], cwd: join(root, 'cms') },
  { name: 'Site', command: 'pnpm', args: ['exec', 'vite', '--port', '5173', '--strictPort'], cwd: join(root, 'web') },
]);

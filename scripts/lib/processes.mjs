// Runs the product's processes side by side and stops them all, database last, on Ctrl-C or when
// one of them exits.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../cms/scripts/lib/postgres.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** DATABASE_URL when set; otherwise an embedded PostgreSQL whose data stays under .data/ (git-ignored). */
export async function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  console.log('Starting the embedded PostgreSQL (data in .data/postgres)…');
  return startEmbeddedPostgres({ dataDir: join(root, '.data', 'postgres'), database: 'medblog' });
}

/** Where `pnpm dev` keeps its purge settings, so `pnpm import` beside it can sign purge calls too. */
export const DEV_PURGE_FILE = join(root, '.data', 'dev-purge.json');

/**
 * Where the CMS sends its purge calls (the site started beside it) and the secret both share,
 * unless the environment sets them: a random secret, kept in `persistIn` when given (the same
 * from one run to the next), else new each run.
 */
export function purgeSettings(siteUrl, { persistIn } = {}) {
  const kept = persistIn && existsSync(persistIn) ? JSON.parse(readFileSync(persistIn, 'utf8')) : {};
  const settings = {
    SITE_PURGE_URLS: process.env.SITE_PURGE_URLS ?? siteUrl,
    PURGE_SECRET: process.env.PURGE_SECRET || kept.PURGE_SECRET || randomBytes(32).toString('hex'),
  };
  if (persistIn) {
    mkdirSync(dirname(persistIn), { recursive: true });
    writeFileSync(persistIn, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  }
  return settings;
}

/** Starts each { name, command, args, cwd, env } and resolves when all have stopped. */
export async function runAll(db, processes) {
  const children = processes.map(({ name, command, args, cwd = root, env = {} }) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env, DATABASE_URL: db.url },
      stdio: 'inherit',
    });
    child.name = name;
    return child;
  });

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) =>
          child.on('exit', (code) => {
            if (!stopping) {
              console.error(`${child.name} stopped (exit code ${code}); stopping everything.`);
              stop(code || 1);
            }
            resolve();
          }),
        ),
    ),
  );
  await db.stop();
  console.log('Stopped.');
}

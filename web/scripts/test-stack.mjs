// Starts what the end-to-end tests and the benchmark run against: the CMS with demo content
// (cms/scripts/serve-test.mjs), a production build of the site pointing at it, and
// scripts/serve.mjs serving that build (rendering its pages). Everything on free ports on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../cms/scripts/lib/free-port.mjs';
import { startSiteServer } from './serve.mjs';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const cmsDir = join(webDir, '..', 'cms');
const CMS_SERVER = join(cmsDir, 'scripts', 'serve-test.mjs');
const CMS_START_TIMEOUT_MS = 5 * 60_000;

/** Flags for a headless Chromium on a CI machine: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, or the one CHROMIUM_PATH names; throws a clear message when missing. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path} (apt-get install chromium)`);
  return path;
}

export function canStartCms() {
  return existsSync(CMS_SERVER);
}

/**
 * A local SMTP server standing in for the organisation's mail server (the CMS's own tests use the
 * same package, a dev dependency of the CMS): each message it receives is written to `mailDir` as
 * JSON ({ to, raw }), for the e2e tests to read what a reader would get (a confirmation link).
 * @param {string} mailDir
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function startMailServer(mailDir) {
  const { SMTPServer } = createRequire(join(cmsDir, 'package.json'))('smtp-server');
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(/** @type {NodeJS.ReadableStream} */ stream, /** @type {any} */ session, /** @type {Function} */ callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received += 1;
        const to = session.envelope.rcptTo.map((/** @type {{ address: string }} */ recipient) => recipient.address);
        const raw = Buffer.concat(chunks).toString('utf8');
        writeFileSync(join(mailDir, `${Date.now()}-${received}.json`), JSON.stringify({ to, raw }));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  return { port, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

/** `pnpm build` of the site into outDir (client/ and server/), with the CMS and site addresses baked in. */
export async function buildSite({ outDir, apiUrl, siteUrl }) {
  const vite = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const [part, flags] of [
    ['client', []],
    ['server', ['--ssr']],
  ]) {
    const child = spawn(
      process.execPath,
      [vite, 'build', ...flags, '--outDir', join(outDir, part), '--emptyOutDir', '--logLevel', 'warn'],
      // A production build whatever the caller runs under (vitest sets NODE_ENV=test, which would
      // give React's development build: slower, and effects run twice).
      {
        cwd: webDir,
        env: { ...process.env, NODE_ENV: 'production', VITE_API_URL: apiUrl, VITE_SITE_URL: siteUrl },
        stdio: 'inherit',
      },
    );
    await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve(undefined) : reject(new Error(`vite build of the ${part} failed (exit ${code})`)),
      );
    });
  }
}

function ensureCmsBuilt() {
  if (existsSync(join(cmsDir, 'dist', 'build', 'index.html'))) return;
  console.log('Building the CMS (once; pnpm --filter @medblog/cms build)…');
  const result = spawnSync('pnpm', ['--filter', '@medblog/cms', 'build'], {
    cwd: join(webDir, '..'),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`The CMS build failed (exit ${result.status})`);
}

/**
 * Starts the CMS with demo content; resolves once it prints "CMS ready at <url> with its database at <url>".
 * `raiseLimits: false` keeps a reader's limits as in production (the benchmark of reads); `env`
 * adds settings; `nodeArgs` go to node (with `ipc`, the child has an IPC channel: `child.send`).
 */
export function startCms({
  port,
  corsOrigins,
  sitePurgeUrl,
  purgeSecret,
  raiseLimits = true,
  env = {},
  nodeArgs = [],
  ipc = false,
}) {
  if (!canStartCms()) throw new Error(`${CMS_SERVER} is missing: cannot start the CMS`);
  ensureCmsBuilt();
  // The e2e tests send more comments and enquiries from one address than a visitor may (5 per
  // 10 min / 1 h), read more than 300 uncached answers a minute, and sign in to the admin more
  // often than 5 times in 5 min, and every page they open sends an insight beacon (30 a minute):
  // raise the limits for this throw-away CMS only.
  const raised = raiseLimits
    ? {
        COMMENT_RATE_MAX: '1000',
        ENQUIRY_RATE_MAX: '1000',
        ADMIN_LOGIN_RATE_MAX: '1000',
        READ_RATE_MAX: '100000',
        INSIGHT_RATE_MAX: '100000',
      }
    : {};
  const child = spawn(process.execPath, [...nodeArgs, CMS_SERVER], {
    cwd: cmsDir,
    env: {
      ...process.env,
      PORT: String(port),
      CORS_ORIGINS: corsOrigins,
      ...raised,
      // Every change readers can see reaches the site's page cache at once.
      SITE_PURGE_URLS: sitePurgeUrl ?? '',
      // Where the admin's Preview button sends editors.
      SITE_URL: sitePurgeUrl ?? '',
      PURGE_SECRET: purgeSecret ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The CMS did not start within ${CMS_START_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)),
      CMS_START_TIMEOUT_MS,
    );
    const onData = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk).slice(-20_000); // enough to explain a failure
      const match = /CMS ready at (\S+) with its database at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], databaseUrl: match[2] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The CMS exited (code ${code}) before it was ready:\n${output.slice(-3000)}`));
    });
  });

  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  };
  return ready.then(
    ({ url, databaseUrl }) => ({ url, databaseUrl, stop, child }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/**
 * The CMS, a fresh production build of the site and its static server.
 * @returns {Promise<{ siteUrl: string, apiUrl: string, databaseUrl: string, purgeSecret: string, distDir: string, mailDir: string, stop: () => Promise<void> }>}
 */
export async function startStack() {
  const [cmsPort, sitePort] = [await freePort(), await freePort()];
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const distDir = mkdtempSync(join(tmpdir(), 'medblog-web-'));
  const mailDir = mkdtempSync(join(tmpdir(), 'medblog-mail-'));
  const cleanups = [
    async () => rmSync(distDir, { recursive: true, force: true }),
    async () => rmSync(mailDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };

  try {
    // The site's server reads its settings from the environment when it loads (src/server/config.ts).
    process.env.PURGE_SECRET = randomBytes(32).toString('hex');
    // The e2e tests and the benchmark render far more pages from one address than a reader may.
    process.env.RENDER_RATE_MAX = '100000';
    // The CMS's e-mails (notifications, subscription confirmations) go to a local mail server.
    const mail = await startMailServer(mailDir);
    cleanups.push(mail.close);
    const cms = startCms({
      port: cmsPort,
      corsOrigins: siteUrl,
      sitePurgeUrl: siteUrl,
      purgeSecret: process.env.PURGE_SECRET,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.port),
        SMTP_SECURE: 'false',
        SMTP_IGNORE_TLS: 'true',
        EMAIL_FROM: 'Medblog e2e <site@example.org>',
        // As behind a load balancer: a test tells its readers apart by the X-Forwarded-For its
        // browser sends (every browser here connects from 127.0.0.1).
        BEHIND_PROXY: 'true',
        PROXY_HOPS: '1',
      },
    });
    // Registered before waiting, so a failed build still stops a CMS that started.
    cleanups.push(() =>
      cms.then(
        ({ stop: stopCms }) => stopCms(),
        () => {},
      ),
    );
    await buildSite({ outDir: distDir, apiUrl: `http://127.0.0.1:${cmsPort}`, siteUrl });
    const { url: apiUrl, databaseUrl } = await cms;
    const site = await startSiteServer({ distDir, port: sitePort, apiUrl });
    cleanups.push(site.close);
    return { siteUrl: site.url, apiUrl, databaseUrl, purgeSecret: process.env.PURGE_SECRET, distDir, mailDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// What distinct URLs cost (part of `pnpm bench`, scripts/bench.mjs): BENCH_READS_URLS (10,000)
// searches no one asked for before, each a render on the site server and a full-text search on the
// CMS, sent
//   1. to the site from one address, 2. to the site from as many addresses (X-Forwarded-For, the
//      site told it stands behind one proxy), 3. to the CMS's API from one address, 4. to the CMS
//      from as many addresses (the site server's signed visitor header);
// with production's limits (60 renders a minute on the site, 300 uncached reads on the CMS) and
// production's Redis layout (a state Redis, and a cache Redis with maxmemory and allkeys-lru, when
// redis-server is installed; else REDIS_URL for both; else memory only). Prints, per phase, how many
// were answered and refused, and the growth of each server's RSS and of what its JavaScript holds
// (heap and Buffers, after full collections) and of Redis's used_memory. Numbers only: nothing passes or fails.
// Alone: `node scripts/bench-reads.mjs` (builds the site into a temporary folder first).
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VISITOR_HOP, visitorHopSignedText } from '@medblog/shared';
import { Redis } from 'ioredis';
import { freePort } from '../../cms/scripts/lib/free-port.mjs';
import { removeKeys, startRedisServer } from '../../cms/scripts/lib/test-redis.mjs';
import { buildSite, startCms } from './test-stack.mjs';

const URLS = Number(process.env.BENCH_READS_URLS ?? 10_000);
const CONCURRENCY = 8;
const CACHE_REDIS_MAXMEMORY = '256mb'; // as docker-compose.yml
const webDir = fileURLToPath(new URL('..', import.meta.url));
const probe = new URL('./memory-probe.mjs', import.meta.url).href;
const MB = 1024 * 1024;

/** The state and cache Redis of docker-compose.yml, or REDIS_URL for both, or none. */
async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status === 0) {
    const state = await startRedisServer(['--appendonly', 'no', '--maxmemory-policy', 'noeviction']);
    const cache = await startRedisServer([
      '--appendonly',
      'no',
      '--maxmemory',
      CACHE_REDIS_MAXMEMORY,
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    return {
      stateUrl: state.url,
      cacheUrl: cache.url,
      described: `two redis-servers of its own: state (noeviction) and cache (maxmemory ${CACHE_REDIS_MAXMEMORY}, allkeys-lru)`,
      stop: async () => Promise.all([state.stop(), cache.stop()]),
    };
  }
  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL;
    return { stateUrl: url, cacheUrl: url, described: `REDIS_URL (${url}) for state and caches`, stop: async () => {} };
  }
  return null;
}

/** Asks a child started with memory-probe.mjs for its memory. */
function memoryOf(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No memory report within 10 s')), 10_000);
    const onMessage = (message) => {
      if (!message?.memory) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.memory);
    };
    child.on('message', onMessage);
    child.send('memory?');
  });
}

async function usedMemory(url) {
  const client = new Redis(url);
  try {
    return Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
  } finally {
    client.disconnect();
  }
}

/** The site's production server (scripts/serve.mjs) on the build in `distDir`, in a child with the probe. */
async function startSite({ distDir, cmsUrl, purgeSecret, redis, keyPrefix }) {
  const port = await freePort();
  // Production's limits: not the raised ones scripts/test-stack.mjs gives the e2e stack.
  const { RENDER_RATE_MAX: _raised, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--expose-gc', '--import', probe, 'scripts/serve.mjs'], {
    cwd: webDir,
    env: {
      ...inherited,
      DIST_DIR: distDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      VITE_API_URL: cmsUrl,
      CMS_INTERNAL_URL: cmsUrl,
      PURGE_SECRET: purgeSecret,
      REDIS_URL: redis?.stateUrl ?? '',
      REDIS_CACHE_URL: redis?.cacheUrl ?? '',
      REDIS_KEY_PREFIX: keyPrefix,
      // Phase 2 sends its readers' addresses as a proxy of the site's would.
      BEHIND_PROXY: 'true',
      PROXY_HOPS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Serving the site at')) resolve(undefined);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`The site server exited (${code}):\n${output.slice(-2000)}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Sends `count` requests, CONCURRENCY at a time; counts the answers by status. */
async function flood(count, request) {
  const statuses = new Map();
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const index = next;
      next += 1;
      let status = 'error';
      try {
        const response = await request(index);
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // counted as an error
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { statuses, seconds: (performance.now() - started) / 1000 };
}

/** A distinct address for the `index`-th reader: 10.x.y.z. */
const address = (index) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

function visitorHeader(secret, reader) {
  const key = createHmac('sha256', secret).update(VISITOR_HOP.keyLabel).digest();
  const at = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', key).update(visitorHopSignedText(at, reader)).digest('hex');
  return `a=${reader},t=${at},v1=${v1}`;
}

const mb = (bytes) => Number((bytes / MB).toFixed(1));
/** What JavaScript holds: the heap, and the memory of Buffers outside it (cached pages are Buffers). */
const js = (memory) => memory.heapUsed + memory.external;

/** Runs the four phases on the site build in `distDir`, against a CMS of its own. */
export async function runReadsBench({ distDir }) {
  const purgeSecret = randomBytes(32).toString('hex');
  const keyPrefix = `medblog-bench-${process.pid}:`;
  const redis = await startRedis();
  const cleanups = [
    async () => {
      if (redis?.stateUrl === process.env.REDIS_URL) await removeKeys(redis.stateUrl, keyPrefix);
      await redis?.stop();
    },
  ];
  try {
    const cmsPort = await freePort();
    const cms = await startCms({
      port: cmsPort,
      corsOrigins: 'http://127.0.0.1',
      purgeSecret,
      raiseLimits: false,
      env: {
        // No purge calls (nothing is edited); the admin's preview links need an address all the same.
        SITE_URL: 'http://127.0.0.1',
        REDIS_URL: redis?.stateUrl ?? '',
        REDIS_CACHE_URL: redis?.cacheUrl ?? '',
        REDIS_KEY_PREFIX: keyPrefix,
      },
      nodeArgs: ['--expose-gc', '--import', probe],
      ipc: true,
    });
    cleanups.push(cms.stop);
    const site = await startSite({ distDir, cmsUrl: cms.url, purgeSecret, redis, keyPrefix });
    cleanups.push(site.stop);

    // Warm: each server has rendered and answered once, as a running server has.
    for (const path of ['/', '/search?q=clinical', '/feed.xml'])
      await (await fetch(`${site.url}${path}`)).arrayBuffer();

    const measure = async () => ({
      site: await memoryOf(site.child),
      cms: await memoryOf(cms.child),
      state: redis ? await usedMemory(redis.stateUrl) : NaN,
      cache: redis && redis.cacheUrl !== redis.stateUrl ? await usedMemory(redis.cacheUrl) : NaN,
    });

    const phases = {
      'site, one address': (i) => fetch(`${site.url}/search?q=${encodeURIComponent(`one reader ${i}`)}`),
      'site, one address each': (i) =>
        fetch(`${site.url}/search?q=${encodeURIComponent(`many readers ${i}`)}`, {
          headers: { 'X-Forwarded-For': address(i) },
        }),
      'CMS API, one address': (i) => fetch(`${cms.url}/api/search?q=${encodeURIComponent(`one caller ${i}`)}`),
      'CMS API, one address each (signed header)': (i) =>
        fetch(`${cms.url}/api/search?q=${encodeURIComponent(`many callers ${i}`)}`, {
          headers: { [VISITOR_HOP.header]: visitorHeader(purgeSecret, address(i)) },
        }),
    };

    console.log(
      `\n${URLS} distinct searches per phase, ${CONCURRENCY} at a time, production limits; Redis: ${redis?.described ?? 'none (memory only: no redis-server, no REDIS_URL)'}.`,
    );
    const rows = {};
    for (const [name, request] of Object.entries(phases)) {
      const before = await measure();
      const { statuses, seconds } = await flood(URLS, request);
      const after = await measure();
      const other = [...statuses].filter(([status]) => status !== 200 && status !== 429);
      rows[name] = {
        answered: statuses.get(200) ?? 0,
        'refused (429)': statuses.get(429) ?? 0,
        other: other.map(([status, n]) => `${n}×${status}`).join(' ') || 0,
        s: Number(seconds.toFixed(0)),
        'site RSS +MB': mb(after.site.rss - before.site.rss),
        'site JS +MB': mb(js(after.site) - js(before.site)),
        'CMS RSS +MB': mb(after.cms.rss - before.cms.rss),
        'CMS JS +MB': mb(js(after.cms) - js(before.cms)),
        'Redis state +MB': mb(after.state - before.state),
        'Redis cache +MB': mb(after.cache - before.cache),
      };
    }
    console.table(rows);
    const end = await measure();
    console.log(
      `At the end: site RSS ${mb(end.site.rss)} MB (JS ${mb(js(end.site))}), CMS RSS ${mb(end.cms.rss)} MB (JS ${mb(js(end.cms))})` +
        (redis
          ? `, Redis state ${mb(end.state)} MB, cache ${Number.isNaN(end.cache) ? '(same server)' : `${mb(end.cache)} MB`}.`
          : '.'),
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = mkdtempSync(join(tmpdir(), 'medblog-web-reads-'));
  try {
    await buildSite({ outDir: distDir, apiUrl: 'http://localhost:1337', siteUrl: 'http://localhost:4173' });
    await runReadsBench({ distDir });
  } finally {
    rmSync(distDir, { recursive: true, force: true });
  }
}

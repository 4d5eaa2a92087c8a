/**
 * The Redis for tests of shared state (the CMS's and the site server's): TEST_REDIS_URL or
 * REDIS_URL when given (each run under a key prefix of its own, removed afterwards, so that
 * server's other data is left alone); otherwise a throw-away `redis-server` on a free port, when
 * one is installed. Without either, `redisMissing` says why, for the tests to skip with that
 * reason (CI installs redis-server, so there they always run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.mjs';

// The CMS's global-setup.ts moves a given REDIS_URL to TEST_REDIS_URL, so that its shared test CMS keeps its state in memory.
const givenUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
const installed = !givenUrl && spawnSync('redis-server', ['--version']).status === 0;

export const redisMissing =
  givenUrl || installed ? undefined : 'no REDIS_URL was given and redis-server is not on the PATH';

export async function startTestRedis() {
  const keyPrefix = `medblog-test-${process.pid}-${Date.now()}:`;
  if (givenUrl) {
    return { url: givenUrl, keyPrefix, stop: () => removeKeys(givenUrl, keyPrefix) };
  }
  // No appendonly file either: nothing is written to disk.
  const server = await startRedisServer(['--appendonly', 'no']);
  return { url: server.url, keyPrefix, stop: server.stop };
}

/**
 * A throw-away redis-server of its own on a free port, ready to accept connections, with `args`
 * after the port and no snapshots (for tests and benchmarks).
 * @param {string[]} args
 */
export async function startRedisServer(args = []) {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve(undefined);
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/** Removes what a run left under `keyPrefix` on a Redis it did not start. @param {string} url @param {string} keyPrefix */
export async function removeKeys(url, keyPrefix) {
  const client = new Redis(url);
  try {
    for await (const keys of client.scanStream({ match: `${keyPrefix}*`, count: 500 })) {
      if (keys.length) await client.del(...keys);
    }
  } finally {
    client.disconnect();
  }
}

if (redisMissing) console.warn(`Skipping the tests that need Redis: ${redisMissing}.`);

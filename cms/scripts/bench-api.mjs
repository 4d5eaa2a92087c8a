// `pnpm bench` (CMS part, first): the public API's response cache, side by side in one run, for
// each request the reader site makes, with wrk at 20 connections on a production build of a
// throw-away CMS with the demo content (in this process, memory cache):
//   uncached (the cache switched off) · cached · 304 revalidation · a raw Node server sending the
//   same bytes from memory (this machine's bound);
// then the first answer right after an eviction against an uncached one (one request at a time),
// and the process's memory before and after 100,000 distinct cached URLs. Prints; never fails on
// timings. Needs wrk (Debian's package `wrk`); says so and skips when it is missing.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ARTICLE_CARD, IMAGE_FIELDS, PURGE_TAGS } from '@medblog/shared';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

const CONNECTIONS = 20;
const DURATION = process.env.BENCH_SECONDS ?? '5';
const SEQUENTIAL = 40;
const DISTINCT_URLS = Number(process.env.BENCH_DISTINCT_URLS ?? 100_000);

/** `{ a: { b: [1] } }` as `a[b][0]=1`, the way the site's HTTP client writes its parameters. */
function toQuery(params, prefix = '') {
  return Object.entries(params)
    .flatMap(([key, value]) => {
      const name = prefix ? `${prefix}[${key}]` : key;
      if (value !== null && typeof value === 'object') return toQuery(value, name);
      return `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
    })
    .filter(Boolean)
    .join('&');
}

/** What the site asks for (web/src/features/*\/api), for the demo content's `slug` and `documentId`. */
const siteRequests = ({ slug, documentId }) => ({
  'article list': {
    path: `/api/articles?${toQuery({ ...ARTICLE_CARD, sort: ['publishedAt:desc'], pagination: { page: 1, pageSize: 6 } })}`,
    tags: [PURGE_TAGS.articles],
  },
  'one article': {
    path: `/api/articles?${toQuery({
      fields: [...ARTICLE_CARD.fields, 'body', 'commentsEnabled'],
      populate: {
        cover: { fields: IMAGE_FIELDS },
        category: { fields: ['name', 'slug'] },
        author: { fields: ['name', 'slug', 'jobTitle'], populate: { avatar: { fields: IMAGE_FIELDS } } },
        relatedArticles: { fields: ARTICLE_CARD.fields, populate: { cover: { fields: IMAGE_FIELDS } } },
        seo: { populate: { shareImage: { fields: IMAGE_FIELDS } } },
      },
      filters: { slug: { $eq: slug } },
      pagination: { pageSize: 1 },
    })}`,
    tags: [PURGE_TAGS.articles],
  },
  popular: { path: '/api/articles/popular?limit=5', tags: [PURGE_TAGS.articles] },
  'comments of an article': {
    path: `/api/comments?${toQuery({
      filters: { article: { documentId: { $eq: documentId } } },
      fields: ['authorName', 'body', 'createdAt'],
      sort: ['createdAt:asc', 'id:asc'],
      pagination: { page: 1, pageSize: 50 },
      populate: { parent: { fields: ['documentId'] } },
    })}`,
    tags: [PURGE_TAGS.comments(documentId)],
  },
  global: {
    path: `/api/global?${toQuery({ populate: { socialLinks: true, defaultSeo: { populate: 'shareImage' } } })}`,
    tags: [PURGE_TAGS.global],
  },
});

/** wrk's requests per second and 99th percentile (ms). Asynchronous: the servers run in this process. */
async function wrk(url, headers = {}, seconds = DURATION) {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout } = await promisify(execFile)('wrk', [
    '-t2',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    ...headerArgs,
    url,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const [, value, unit] = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout) ?? [];
  const p99 = Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? NaN);
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1];
  return { rps: Math.round(rps), p99: Number(p99.toFixed(2)), errors: Number(errors ?? 0) };
}

/** A raw Node server answering every request with `body`: nothing could serve these bytes faster here. */
async function rawServer(body) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median ms of SEQUENTIAL requests to `url`, each after `before()`. */
async function sequential(url, before = async () => {}) {
  const times = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    await before();
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - started);
  }
  return median(times);
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Asks for `count` distinct URLs (cached one by one), 32 at a time. */
async function fillWithDistinctUrls(base, count) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        next += 1;
        const page = next;
        await (
          await fetch(`${base}/api/articles?fields[0]=title&pagination[pageSize]=1&pagination[page]=${page}`)
        ).arrayBuffer();
      }
    }),
  );
}

if (spawnSync('wrk', ['--version']).error) {
  console.log('\nAPI cache benchmark skipped: wrk is not installed (apt-get install wrk).');
  process.exit(0);
}

// A production build, with secrets of its own for this run.
process.env.NODE_ENV = 'production';
process.env.STRAPI_LOG_LEVEL = 'error';
for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'IP_HASH_SALT']) {
  process.env[name] ??= randomBytes(24).toString('hex');
}
process.env.APP_KEYS ??= `${randomBytes(16).toString('hex')},${randomBytes(16).toString('hex')}`;
process.env.ENCRYPTION_KEY ??= randomBytes(16).toString('hex');

const require = createRequire(import.meta.url);
const { compileStrapi } = require('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
const cms = await startThrowawayCms({ unlimitedReads: true });
// The running CMS's own modules (Node's require cache), to switch the cache off and evict from it.
const settings = cms.strapi.config.get('api-cache');
const cache = require(join(cmsDir, 'dist', 'src', 'platform', 'cache', 'store.js')).apiCache(cms.strapi);

try {
  const [article] = await cms.strapi
    .documents('api::article.article')
    .findMany({ status: 'published', filters: { commentsEnabled: true }, fields: ['slug'], limit: 1 });
  const requests = siteRequests(article);
  // What the start left on the heap goes now, as a server running for a while has long collected it,
  // not in a pause in the middle of the first row.
  global.gc?.();

  const rows = {};
  const firstAfterEviction = {};
  for (const [name, { path, tags }] of Object.entries(requests)) {
    const url = cms.url + path;
    settings.enabled = false;
    const uncached = await wrk(url);
    const uncachedSequential = await sequential(url);
    settings.enabled = true;
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${body}`);
    await wrk(url, {}, 3); // warm-up: the first seconds of a path pay for compiling its code
    const cached = await wrk(url);
    const revalidated = await wrk(url, { 'If-None-Match': response.headers.get('etag') });
    const raw = await rawServer(body);
    const bound = await wrk(raw.url);
    raw.close();
    rows[name] = {
      kB: Number((body.length / 1024).toFixed(1)),
      'uncached req/s': uncached.rps,
      'uncached p99': uncached.p99,
      'cached req/s': cached.rps,
      'cached p99': cached.p99,
      '304 req/s': revalidated.rps,
      '304 p99': revalidated.p99,
      'raw Node req/s': bound.rps,
      'cached / raw': `${((cached.rps / bound.rps) * 100).toFixed(0)}%`,
    };
    const afterEviction = await sequential(url, () => cache.invalidate(tags));
    firstAfterEviction[name] = {
      'uncached p50 ms': Number(uncachedSequential.toFixed(2)),
      'first after eviction p50 ms': Number(afterEviction.toFixed(2)),
    };
  }
  console.log(
    `\nPublic API, wrk ${CONNECTIONS} connections, ${DURATION} s each, production build, embedded PostgreSQL, demo content` +
      ' (p99 in ms; goal: cached at least 40% of raw Node, p99 at most 10 ms):',
  );
  console.table(rows);
  console.log(`\nRight after an eviction, one request at a time (median of ${SEQUENTIAL}):`);
  console.table(firstAfterEviction);

  const { maxMegabytes } = settings;
  const before = process.memoryUsage().rss;
  await fillWithDistinctUrls(cms.url, DISTINCT_URLS);
  global.gc?.();
  const after = process.memoryUsage().rss;
  const { entries, bytes } = cache.stats();
  console.log(
    `\n${DISTINCT_URLS.toLocaleString('en')} distinct URLs: RSS ${megabytes(before)} before, ${megabytes(after)} after; ` +
      `the cache holds ${entries.toLocaleString('en')} entries, ${megabytes(bytes)} counted, ` +
      `bound ${maxMegabytes} MB ${bytes <= maxMegabytes * 1024 * 1024 ? 'held' : 'EXCEEDED'}.`,
  );
} finally {
  await cms.stop();
}

// The site server's speed, side by side in one run (part of `pnpm bench`, scripts/bench.mjs):
//   - a cached article page under wrk (20 connections), against a raw Node server sending the
//     same bytes from memory: the bound of this machine;
//   - the render of a page the cache does not hold (after a signed purge), with the CMS on this box;
//   - how long an editor's change takes to show on the page (publish → purge → new render).
// Needs wrk (Debian's package `wrk`); prints why when it is missing.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { PURGE, purgeSignedText } from '@medblog/shared';

const CONNECTIONS = 20;
const DURATION = process.env.BENCH_SECONDS ?? '10';
const RENDERS = 40;

const percentile = (/** @type {number[]} */ values, /** @type {number} */ p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/**
 * wrk's requests per second and 99th percentile latency (ms) for `url`. Asynchronous: the servers
 * measured run in this process.
 */
async function wrk(url) {
  const { stdout } = await promisify(execFile)('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', url]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const [, value, unit] = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout) ?? [];
  const p99 = Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? NaN);
  return { 'req/s': Math.round(rps), 'p99 ms': Number(p99.toFixed(2)) };
}

/** A raw Node server answering every request with `body`: nothing could serve these bytes faster here. */
async function rawServer(body, contentType) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

function purge(siteUrl, tags) {
  const body = JSON.stringify({ tags });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', process.env.PURGE_SECRET).update(purgeSignedText(t, body)).digest('hex');
  return fetch(`${siteUrl}${PURGE.path}`, {
    method: 'POST',
    body,
    headers: { [PURGE.signatureHeader]: `t=${t},v1=${v1}` },
  });
}

/** Milliseconds for each of RENDERS renders of `url` right after a purge of what it shows. */
async function uncachedRenders(siteUrl, url) {
  const times = [];
  for (let run = 0; run < RENDERS; run += 1) {
    await purge(siteUrl, ['articles']);
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.headers.get('x-cache') !== 'miss')
      throw new Error(`Expected a fresh render, got ${response.headers.get('x-cache')}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Logs in as the test CMS's administrator, renames an article, publishes it and times until the page shows it. */
async function editToLive({ siteUrl, apiUrl, path, documentId }) {
  const login = await fetch(`${apiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: 'Admin12345' }),
  });
  const { data } = await login.json();
  const headers = { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' };
  const base = `${apiUrl}/content-manager/collection-types/api::article.article/${documentId}`;
  const original = (await (await fetch(base, { headers })).json()).data.title;
  const edited = `${original} (edited ${Date.now()})`;
  const publish = async (title) => {
    const saved = await fetch(base, { method: 'PUT', headers, body: JSON.stringify({ title }) });
    if (!saved.ok) return saved;
    return fetch(`${base}/actions/publish`, { method: 'POST', headers, body: '{}' });
  };

  await fetch(`${siteUrl}${path}`); // cached before the edit
  const published = await publish(edited);
  if (!published.ok) throw new Error(`Publishing answered ${published.status}: ${await published.text()}`);
  // From the moment the editor's Publish is answered.
  const started = performance.now();
  let elapsed = Infinity;
  while (performance.now() - started < 10_000) {
    if ((await (await fetch(`${siteUrl}${path}`)).text()).includes(edited)) {
      elapsed = performance.now() - started;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await publish(original);
  return elapsed;
}

/** Prints the server's numbers for the stack of scripts/test-stack.mjs. */
export async function runServerBench({ siteUrl, apiUrl, articlePath, articleDocumentId }) {
  if (spawnSync('wrk', ['--version']).error) {
    console.log('\nServer benchmark skipped: wrk is not installed (apt-get install wrk).');
    return;
  }
  const url = `${siteUrl}${articlePath}`;
  const page = await fetch(url);
  const body = Buffer.from(await page.arrayBuffer());
  const raw = await rawServer(body, page.headers.get('content-type'));
  try {
    const rows = {
      'raw Node, same bytes': await wrk(raw.url),
      'site, cached article': await wrk(url),
    };
    const share = rows['site, cached article']['req/s'] / rows['raw Node, same bytes']['req/s'];
    console.log(
      `\nArticle page (${(body.length / 1000).toFixed(1)} kB), wrk ${CONNECTIONS} connections, ${DURATION} s each:`,
    );
    console.table(rows);
    console.log(`Cached page at ${(share * 100).toFixed(0)}% of the raw Node bound (goal: at least 45%).`);
  } finally {
    raw.close();
  }

  const renders = await uncachedRenders(siteUrl, url);
  console.log(
    `Uncached render of the article (CMS on this box), ${RENDERS} renders: p50 ${percentile(renders, 50).toFixed(1)} ms, ` +
      `p90 ${percentile(renders, 90).toFixed(1)} ms (goal: p50 at most 50 ms).`,
  );
  const live = await editToLive({ siteUrl, apiUrl, path: articlePath, documentId: articleDocumentId });
  console.log(
    `An editor's published change is on the page ${live.toFixed(0)} ms after Publish answers (goal: within 1 s).`,
  );
}

// `pnpm bench` (CMS part): what the reader site's requests cost, side by side in one run, on a
// throw-away CMS with the demo content. Prints a table; never fails on timings.
import { createRequire } from 'node:module';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = 8;

const cases = {
  'list: card fields only (what the site asks)':
    '/api/articles?fields[0]=title&fields[1]=slug&fields[2]=excerpt&fields[3]=publishedAt&fields[4]=readingTimeMinutes&fields[5]=featured' +
    '&populate[cover][fields][0]=url&populate[category][fields][0]=name&populate[category][fields][1]=slug&populate[author][fields][0]=name&pagination[pageSize]=9',
  'list: populate=* (everything, bodies too)': '/api/articles?populate=*&pagination[pageSize]=9',
  'article page by slug':
    '/api/articles?filters[slug][$eq]=planning-a-clinical-rotation&populate[category]=true&populate[author]=true&populate[relatedArticles][fields][0]=title&populate[relatedArticles][fields][1]=slug&populate[seo]=true',
  'popular posts (30-day views)': '/api/articles/popular?limit=5',
  'approved comments of an article':
    '/api/comments?filters[article][slug][$eq]=usmle-step-2-ck-study-plan&sort=createdAt:asc&pagination[pageSize]=50',
  'refused probe (private field filter)': '/api/comments?filters[authorEmail][$contains]=@',
};

async function measure(base, path) {
  const times = [];
  let bytes = 0;
  let status = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const t = performance.now();
        const response = await fetch(base + path);
        const body = await response.arrayBuffer();
        times.push(performance.now() - t);
        bytes = body.byteLength;
        status = response.status;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  return {
    status,
    'req/s': Math.round(times.length / seconds),
    'p50 ms': pct(50),
    'p95 ms': pct(95),
    'bytes/response': bytes,
  };
}

process.env.STRAPI_LOG_LEVEL = 'error';
const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
const cms = await startThrowawayCms();
try {
  // Warm up once so the first case does not pay for cold caches.
  for (const path of Object.values(cases)) await fetch(cms.url + path.replaceAll('[', '%5B').replaceAll(']', '%5D'));
  const results = {};
  for (const [name, path] of Object.entries(cases)) {
    results[name] = await measure(cms.url, path.replaceAll('[', '%5B').replaceAll(']', '%5D'));
  }
  console.log(
    `\nCMS public API: ${REQUESTS} requests per case, ${CONCURRENCY} concurrent, embedded PostgreSQL, demo content`,
  );
  console.table(results);
} finally {
  await cms.stop();
}

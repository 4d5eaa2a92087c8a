// `pnpm bench` (CMS part, after bench-api.mjs, with the response cache off): what computing the
// reader site's requests costs, side by side in one run, on a throw-away CMS with the demo content,
// then search on 1,000 generated articles. Prints tables; never fails on timings.
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

// Search is measured on this many generated articles (on top of the demo content).
const GENERATED_ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const searchCases = {
  'search: one common word': '/api/search?q=clinical',
  'search: three words': '/api/search?q=usmle study plan',
  // Pages of 5: the phrase is in about ten articles, so a second page of 10 would be empty.
  'search: phrase, page 2': '/api/search?q="clinical postings"&pagination[page]=2&pagination[pageSize]=5',
  'search: typo (trigram fallback)': '/api/search?q=intership logbok',
  'search: no match': '/api/search?q=dermatoglyphics',
};

/** A fixed pseudo-random sequence, so every run generates the same articles. */
function seededRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Published articles of ~750 words made of the demo articles' words, in the demo categories. */
async function generateArticles(strapi, count) {
  const articles = strapi.documents('api::article.article');
  // Read in a fixed order, so that every run generates the same articles.
  const demo = await articles.findMany({ status: 'published', fields: ['body'], sort: 'slug:asc' });
  const textOf = (node) => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(' '));
  const vocabulary = demo.flatMap(
    (article) =>
      (article.body ?? [])
        .map(textOf)
        .join(' ')
        .match(/[A-Za-z]{2,}/g) ?? [],
  );
  const categories = await strapi
    .documents('api::category.category')
    .findMany({ fields: ['documentId'], sort: 'slug:asc' });
  const random = seededRandom(42);
  const words = (n) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const paragraph = (type, text) => ({
    type,
    ...(type === 'heading' ? { level: 2 } : {}),
    children: [{ type: 'text', text }],
  });
  for (let i = 1; i <= count; i += 1) {
    const body = [];
    for (let section = 0; section < 4; section += 1) {
      body.push(paragraph('heading', words(5)));
      for (let p = 0; p < 3; p += 1) body.push(paragraph('paragraph', `${words(60)}.`));
    }
    await articles.create({
      data: { title: `${words(7)} ${i}`, body, category: categories[i % categories.length].documentId },
      status: 'published',
    });
  }
}

async function measure(base, path, concurrency = CONCURRENCY) {
  const times = [];
  let bytes = 0;
  let status = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
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
const cms = await startThrowawayCms({ unlimitedReads: true });
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

  const generating = performance.now();
  await generateArticles(cms.strapi, GENERATED_ARTICLES);
  const seconds = ((performance.now() - generating) / 1000).toFixed(0);
  const encode = (path) =>
    path.replaceAll('[', '%5B').replaceAll(']', '%5D').replaceAll(' ', '%20').replaceAll('"', '%22');
  for (const path of Object.values(searchCases)) await fetch(cms.url + encode(path));
  const searchResults = {};
  // One request at a time: p50 is what one reader waits (the tables above share 8-way concurrency).
  for (const [name, path] of Object.entries(searchCases)) searchResults[name] = await measure(cms.url, encode(path), 1);
  console.log(
    `\nSearch (GET /api/search, PostgreSQL full-text): ${GENERATED_ARTICLES} generated articles of ~750 words (made in ${seconds} s) and the demo content, ${REQUESTS} requests per case, one at a time (goal: p50 at most 20 ms)`,
  );
  console.table(searchResults);
} finally {
  await cms.stop();
}

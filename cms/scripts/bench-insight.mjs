// `pnpm bench` (insight part): how long the Readers page's figures take (goal: under 300 ms),
// computed in the CMS and as the page asks for them over HTTP, for 2 years of generated daily
// figures on 1,000 articles: page views, screens and helpful answers per article per day, 200 searches that found nothing and 50 referring sites a
// day, speed histograms of every page type and measure. On a throw-away CMS; prints the times,
// never fails on them.
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

const ARTICLES = Number(process.env.BENCH_INSIGHT_ARTICLES ?? 1000);
const DAYS = Number(process.env.BENCH_INSIGHT_DAYS ?? 730);
const RUNS = 7;

process.env.STRAPI_LOG_LEVEL = 'error';
const require = createRequire(import.meta.url);
await require('@strapi/strapi').compileStrapi({ appDir: cmsDir });
const cms = await startThrowawayCms();
try {
  const db = cms.strapi.db.connection;
  const started = performance.now();
  // Articles (published rows, as the Readers page reads titles and slugs from them).
  await db.raw(
    `INSERT INTO articles (document_id, title, slug, published_at, created_at, updated_at)
     SELECT 'bencharticle' || lpad(n::text, 12, '0'), 'Bench article ' || n, 'bench-article-' || n, now(), now(), now()
     FROM generate_series(1, ?) AS n`,
    [ARTICLES],
  );
  const days = `(SELECT g::date AS day FROM generate_series(CURRENT_DATE - ${DAYS - 1}, CURRENT_DATE, interval '1 day') AS g) AS days`;
  await db.raw(
    `INSERT INTO article_daily_views (article_document_id, day, views)
     SELECT 'bencharticle' || lpad(n::text, 12, '0'), day, 1 + (n * 7 + extract(doy FROM day)::int) % 50
     FROM generate_series(1, ?) AS n, ${days}`,
    [ARTICLES],
  );
  await db.raw(
    `INSERT INTO insight_article_days (day, article_document_id, phone_views, desktop_views, helpful_yes, helpful_no)
     SELECT day, 'bencharticle' || lpad(n::text, 12, '0'), n % 20, n % 7, n % 5, n % 3
     FROM generate_series(1, ?) AS n, ${days}`,
    [ARTICLES],
  );
  await db.raw(
    `INSERT INTO insight_searches (day, query, searches, visitors)
     SELECT day, 'bench question ' || q, 1 + q % 6, 1 + q % 4 FROM generate_series(1, 200) AS q, ${days}`,
  );
  await db.raw(
    `INSERT INTO insight_referrers (day, domain, visitors)
     SELECT day, 'site' || s || '.example', 1 + s % 30 FROM generate_series(1, 50) AS s, ${days}`,
  );
  await db.raw(
    `INSERT INTO insight_vitals (day, page_type, metric, bucket, count)
     SELECT day, page_type, metric, b * (CASE WHEN metric = 'CLS' THEN 0.01 ELSE 50 END), 1 + b % 9
     FROM unnest(ARRAY['home', 'article', 'category', 'search', 'other']) AS page_type,
          unnest(ARRAY['LCP', 'INP', 'CLS', 'TTFB']) AS metric,
          generate_series(0, 29) AS b, ${days}`,
  );
  await db.raw('ANALYZE');
  const { rows } = await db.raw(`SELECT
      (SELECT COUNT(*) FROM article_daily_views) + (SELECT COUNT(*) FROM insight_article_days)
      + (SELECT COUNT(*) FROM insight_searches) + (SELECT COUNT(*) FROM insight_referrers)
      + (SELECT COUNT(*) FROM insight_vitals) AS rows`);
  const generatedSeconds = ((performance.now() - started) / 1000).toFixed(1);

  const insight = cms.strapi.service('api::insight.insight');
  const results = {};
  for (const period of [7, 30, 90]) {
    const times = [];
    let report;
    for (let run = 0; run < RUNS; run += 1) {
      const begun = performance.now();
      report = await insight.readers(period);
      times.push(performance.now() - begun);
    }
    times.sort((a, b) => a - b);
    results[`last ${period} days`] = {
      'median ms': Math.round(times[Math.floor(RUNS / 2)]),
      'slowest ms': Math.round(times[RUNS - 1]),
      articles: report.articles.length,
      'content gaps': report.contentGaps.length,
      speed: report.speed.length,
      load: Number(loadavg()[0].toFixed(1)),
    };
  }
  // The same figures as the Readers page asks for them: over HTTP, with an editor's login (the
  // demo administrator), the answer's JSON read whole.
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: 'Admin12345' }),
  });
  if (!login.ok) throw new Error(`The admin login answered ${login.status}`);
  const { token } = (await login.json()).data;
  for (const period of [7, 30, 90]) {
    const times = [];
    for (let run = 0; run < RUNS; run += 1) {
      const begun = performance.now();
      const answer = await fetch(`${cms.url}/medblog/insight/readers?period=${period}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!answer.ok) throw new Error(`The Readers page's figures answered ${answer.status}`);
      await answer.json();
      times.push(performance.now() - begun);
    }
    times.sort((a, b) => a - b);
    Object.assign(results[`last ${period} days`], {
      'HTTP median ms': Math.round(times[Math.floor(RUNS / 2)]),
      'HTTP slowest ms': Math.round(times[RUNS - 1]),
    });
  }
  const begun = performance.now();
  await insight.article('bencharticle000000000001');
  const articleMs = Math.round(performance.now() - begun);
  console.log(
    `\nThe Readers page's figures: ${DAYS} days of ${ARTICLES} articles, ${Number(rows[0].rows).toLocaleString('en')} daily rows (generated in ${generatedSeconds} s); goal: under 300 ms; ${RUNS} runs each`,
  );
  console.log(`An article's edit view: ${articleMs} ms. Load: the 1-minute load average, on ${cpus().length} cores`);
  console.table(results);
} finally {
  await cms.stop();
}

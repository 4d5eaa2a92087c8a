/**
 * The insight beacon on two CMS instances sharing PostgreSQL and Redis, as behind a load balancer:
 * a reader counts once a day whichever instance takes each beacon, and every figure reaches the
 * tables exactly once, however the instances' flushes (every second, and as each stops) meet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startCmsProcess, type CmsProcess, type ScratchDatabase } from './helpers/cms-child';
import { redisMissing, startTestRedis, type TestRedis } from './helpers/redis';

let redis: TestRedis | undefined;
let database: ScratchDatabase | undefined;
let instances: CmsProcess[] = [];
let article = '';

const query = <T>(sql: string, params: unknown[] = []) => database!.query<T>(sql, params);

/** The `index`-th beacon goes to the instances in turn, as a round-robin balancer sends it. */
function beacon(index: number, reader: string, events: object[]) {
  return fetch(`${instances[index % instances.length].url}/api/insight`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': reader },
    body: JSON.stringify({ data: { events } }),
    signal: AbortSignal.timeout(10_000),
  });
}

describe.skipIf(redisMissing)('insight on two CMS instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = await startTestRedis();
    database = await scratchDatabase('insight_instances');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      BEHIND_PROXY: 'true',
      INSIGHT_RATE_MAX: '10000',
      // Both flush every second as well as when they stop: their flushes may meet.
      INSIGHT_FLUSH_SECONDS: '1',
      VIEW_FLUSH_SECONDS: '1',
    };
    instances = [await startCmsProcess(env)];
    instances.push(await startCmsProcess(env));
    const rows = await query<{ document_id: string }>(
      'SELECT DISTINCT document_id FROM articles WHERE published_at IS NOT NULL ORDER BY document_id LIMIT 1',
    );
    article = rows[0].document_id;
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
    await redis?.stop();
  });

  it('counts each reader once a day whichever instance it reaches, and writes every figure once', async () => {
    // 30 readers each send three beacons, spread over both instances.
    const sends: Array<[reader: string, events: object[]]> = [];
    for (let reader = 1; reader <= 30; reader += 1) {
      const address = `198.51.100.${reader}`;
      for (let time = 0; time < 3; time += 1) {
        sends.push([
          address,
          [
            { type: 'view', pageType: 'article', article, viewportWidth: 360, referrer: 'https://www.bing.com/' },
            { type: 'helpful', article, answer: 'yes', note: `Note ${reader}` },
            { type: 'search', query: 'fmge pass rate', results: 0 },
            { type: 'vital', name: 'TTFB', value: 300, pageType: 'article' },
          ],
        ]);
      }
    }
    const responses = await Promise.all(sends.map(([reader, events], i) => beacon(i, reader, events)));
    expect(responses.map((response) => response.status)).toEqual(sends.map(() => 204));

    // Each instance writes what is left as it stops.
    await Promise.all(instances.map((instance) => instance.stop()));
    expect(
      await query(
        'SELECT SUM(phone_views)::int AS phone, SUM(helpful_yes)::int AS yes, SUM(helpful_no)::int AS no FROM insight_article_days',
      ),
    ).toEqual([{ phone: 30, yes: 30, no: 0 }]);
    expect(await query('SELECT SUM(views)::int AS views FROM article_daily_views')).toEqual([{ views: 30 }]);
    expect(await query('SELECT domain, SUM(visitors)::int AS visitors FROM insight_referrers GROUP BY 1')).toEqual([
      { domain: 'bing.com', visitors: 30 },
    ]);
    expect(
      await query(
        'SELECT query, SUM(searches)::int AS searches, SUM(visitors)::int AS visitors FROM insight_searches GROUP BY 1',
      ),
    ).toEqual([{ query: 'fmge pass rate', searches: 90, visitors: 30 }]);
    expect(await query('SELECT metric, SUM(count)::int AS count FROM insight_vitals GROUP BY 1')).toEqual([
      { metric: 'TTFB', count: 90 },
    ]);
    expect(
      await query('SELECT COUNT(*)::int AS notes, COUNT(DISTINCT note)::int AS distinct FROM insight_helpful_notes'),
    ).toEqual([{ notes: 30, distinct: 30 }]);
  });
});

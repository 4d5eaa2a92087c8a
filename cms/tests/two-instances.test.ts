/**
 * Two CMS instances on one PostgreSQL and one Redis, as behind a load balancer: a visitor meets one
 * rate limit however its requests are spread over them, an editor's or a moderator's change made
 * through one is shown by the other's response cache within a second, and a page view is counted
 * once per visitor per day and written to the database once, whichever instance took it and
 * flushed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validComment } from './helpers/fixtures';
import { DEV_ADMIN } from '../src/platform/access/dev-admin';
import { scratchDatabase, startCmsProcess, type CmsProcess, type ScratchDatabase } from './helpers/cms-child';
import { redisMissing, startTestRedis, type TestRedis } from './helpers/redis';

const COMMENT_LIMIT = 10;

let redis: TestRedis | undefined;
let database: ScratchDatabase | undefined;
let instances: CmsProcess[] = [];
let articles: string[] = [];

const query = <T>(sql: string, params: unknown[] = []) => database!.query<T>(sql, params);

/** The `index`-th request goes to the instances in turn, as a round-robin balancer sends it. */
function send(index: number, path: string, forwardedFor: string, body?: unknown) {
  return fetch(instances[index % instances.length].url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** A GET of instance `index`, with the answer's body. */
async function read(index: number, path: string) {
  const response = await fetch(instances[index].url + path, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.json() };
}

/**
 * Reads `path` from instance `index` until `shows` holds of its body, for at most a second.
 * Margin: over 20 rounds on the shared 2-core test machine an edit showed on the other instance
 * after 10 / 23.5 / 54 ms and an approval after 17 / 27 / 88 ms (min / median / max): more than
 * ten times under the second.
 */
async function seenWithinASecond<T>(index: number, path: string, shows: (body: T) => boolean) {
  const deadline = Date.now() + 1000;
  for (;;) {
    const { body } = await read(index, path);
    if (shows(body as T)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An admin call to instance `index`, logged in as the development admin. */
async function admin(index: number, method: string, path: string, body: unknown = {}) {
  const login = await fetch(`${instances[index].url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEV_ADMIN),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  const response = await fetch(instances[index].url + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${data.token}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json();
}

describe.skipIf(redisMissing)('two CMS instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = await startTestRedis();
    database = await scratchDatabase('instances');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      BEHIND_PROXY: 'true',
      COMMENT_RATE_MAX: String(COMMENT_LIMIT),
      // Both flush every second as well as when they stop: their flushes may meet.
      VIEW_FLUSH_SECONDS: '1',
    };
    // One after the other: the first creates the tables and the demo content.
    instances = [await startCmsProcess(env)];
    instances.push(await startCmsProcess(env));
    const rows = await query<{ document_id: string }>(
      `SELECT DISTINCT document_id FROM articles
       WHERE published_at IS NOT NULL AND comments_enabled ORDER BY document_id LIMIT 2`,
    );
    articles = rows.map((row) => row.document_id);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
    await redis?.stop();
  });

  it('holds one visitor to one comment limit across both instances', async () => {
    const comments = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM comments'))[0].n;
    const before = await comments();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send(i, '/api/comments', '203.0.113.10', { data: validComment(articles[0]) }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(COMMENT_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - COMMENT_LIMIT);
    expect(await comments()).toBe(before + COMMENT_LIMIT);
  });

  it("shows an edit made through one instance in the other's cached answers within a second", async () => {
    const list = '/api/articles?fields[0]=title&sort=publishedAt:desc';
    await read(1, list);
    expect((await read(1, list)).cache).toBe('hit');

    const article = `/content-manager/collection-types/api::article.article/${articles[0]}`;
    const title = `Edited through the first instance (${Date.now()})`;
    await admin(0, 'PUT', article, { title });
    await admin(0, 'POST', `${article}/actions/publish`);
    const hasTitle = (body: { data: Array<{ title: string }> }) => body.data.some((a) => a.title === title);
    expect(await seenWithinASecond(1, list, hasTitle)).toBe(true);
  });

  it('shows a comment approved through one instance on the other within a second', async () => {
    const comments = `/api/comments?filters[article][documentId][$eq]=${articles[1]}&fields[0]=body`;
    const posted = await send(0, '/api/comments', '203.0.113.20', { data: validComment(articles[1]) });
    const { data } = (await posted.json()) as { data: { documentId: string; body: string } };
    await read(1, comments);
    expect((await read(1, comments)).cache).toBe('hit');

    await admin(0, 'POST', '/medblog/comments/moderate', {
      documentIds: [data.documentId],
      moderationStatus: 'approved',
    });
    const hasComment = (body: { data: Array<{ body: string }> }) => body.data.some((c) => c.body === data.body);
    expect(await seenWithinASecond(1, comments, hasComment)).toBe(true);
  });

  it('counts a visitor once a day whichever instance it reaches, and writes each view once', async () => {
    // 30 readers open the first article three times each, 10 of them the second one twice, spread
    // over both instances.
    const views: Array<[article: string, reader: string]> = [];
    for (let reader = 1; reader <= 30; reader += 1) {
      for (let time = 0; time < 3; time += 1) views.push([articles[0], `198.51.100.${reader}`]);
      if (reader <= 10) for (let time = 0; time < 2; time += 1) views.push([articles[1], `198.51.100.${reader}`]);
    }
    const responses = await Promise.all(
      views.map(([article, reader], i) => send(i, `/api/articles/${article}/views`, reader)),
    );
    expect(responses.map((response) => response.status)).toEqual(views.map(() => 204));

    // Each instance writes what is left as it stops.
    await Promise.all(instances.map((instance) => instance.stop()));
    const rows = await query<{ article: string; views: number }>(
      'SELECT article_document_id AS article, SUM(views)::int AS views FROM article_daily_views GROUP BY 1 ORDER BY 1',
    );
    expect(rows).toEqual([
      { article: articles[0], views: 30 },
      { article: articles[1], views: 10 },
    ]);
  });
});

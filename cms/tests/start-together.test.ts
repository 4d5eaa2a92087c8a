/**
 * Two CMS processes started at the same moment on a new, empty database, as a deployment starts
 * its instances: both come up, and the database is set up once: each migration recorded once,
 * the project's tables and indexes there, the roles, the development admin and the demo content
 * made once.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startCmsProcess, type CmsProcess, type ScratchDatabase } from './helpers/cms-child';
import { articles as demoArticles } from '../src/features/seed/server/content';

let database: ScratchDatabase | undefined;
let instances: CmsProcess[] = [];

const query = <T>(sql: string, params: unknown[] = []) => database!.query<T>(sql, params);

describe('two CMS instances starting together on an empty database', () => {
  beforeAll(async () => {
    database = await scratchDatabase('together');
    const env = { DATABASE_URL: database.url };
    const started = await Promise.allSettled([startCmsProcess(env), startCmsProcess(env)]);
    instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failed, failed.join('\n\n')).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
  });

  it('both come up and serve', async () => {
    for (const instance of instances) {
      expect((await fetch(`${instance.url}/_health`)).status).toBe(204);
      expect((await fetch(`${instance.url}/api/articles`)).status).toBe(200);
    }
  });

  it('runs each migration once', async () => {
    // Strapi records the compiled file's name.
    const migrationNames = readdirSync(join(__dirname, '..', 'database', 'migrations'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, '.js'));
    expect(migrationNames.length).toBeGreaterThan(0);
    const rows = await query<{ name: string; runs: number }>(
      'SELECT name, count(*)::int AS runs FROM strapi_migrations GROUP BY name ORDER BY name',
    );
    expect(rows).toEqual(migrationNames.sort().map((name) => ({ name, runs: 1 })));
  });

  it("makes the project's tables and indexes", async () => {
    const tables = await query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_name IN
         ('article_daily_views', 'article_search', 'article_search_passages', 'article_search_words')
       ORDER BY 1`,
    );
    expect(tables.map((table) => table.name)).toEqual([
      'article_daily_views',
      'article_search',
      'article_search_passages',
      'article_search_words',
    ]);
    const indexes = await query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = current_schema() AND indexname IN
         ('article_search_document_idx', 'article_search_words_trgm_idx', 'article_revisions_article_version_idx')
       ORDER BY 1`,
    );
    expect(indexes).toEqual([
      {
        name: 'article_revisions_article_version_idx',
        definition: expect.stringContaining('(article_document_id, version)'),
      },
      { name: 'article_search_document_idx', definition: expect.stringContaining('fastupdate=off') },
      { name: 'article_search_words_trgm_idx', definition: expect.stringContaining('gin_trgm_ops') },
    ]);
  });

  it('makes the roles, the development admin and the demo content once', async () => {
    const roles = await query<{ type: string; n: number }>(
      'SELECT type, count(*)::int AS n FROM up_roles GROUP BY type ORDER BY type',
    );
    expect(roles).toEqual([
      { type: 'authenticated', n: 1 },
      { type: 'public', n: 1 },
    ]);
    const adminRoles = await query<{ code: string; n: number }>(
      'SELECT code, count(*)::int AS n FROM admin_roles GROUP BY code HAVING count(*) > 1',
    );
    expect(adminRoles).toEqual([]);
    expect(await query('SELECT count(*)::int AS n FROM admin_users')).toEqual([{ n: 1 }]);
    expect(await query('SELECT count(DISTINCT document_id)::int AS n FROM articles')).toEqual([
      { n: demoArticles.length },
    ]);
    expect(await query('SELECT count(*)::int AS n FROM article_search')).toEqual([
      { n: demoArticles.filter((article) => !article.draft).length },
    ]);
  });
});

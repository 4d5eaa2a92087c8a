/**
 * "Popular posts": page views counted per article per day, the most-read of the last 30 days. Views
 * reach the table in batches, so each test flushes them before it looks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi, flushViews } from './helpers/strapi';
import { draftOnlyArticle } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;
let ids: string[];

beforeAll(async () => {
  request = await api();
  const list = await request
    .get('/api/articles')
    .query({ sort: 'publishedAt:asc', 'fields[0]': 'title', 'pagination[pageSize]': 50 });
  ids = list.body.data.map((a) => a.documentId);
  const strapi = await bootStrapi();
  await flushViews();
  await strapi.db.connection.raw('DELETE FROM article_daily_views');
  // Each view comes from another reader: one reader counts once per article per day.
  strapi.server.app.proxy = true;
});

afterAll(async () => {
  (await bootStrapi()).server.app.proxy = false;
});

let reader = 0;
const view = (documentId: string) => {
  reader += 1;
  return request
    .post(`/api/articles/${documentId}/views`)
    .set('X-Forwarded-For', `198.18.${reader >> 8}.${reader & 255}`);
};

describe('page views', () => {
  const stored = async () => {
    const strapi = await bootStrapi();
    const { rows } = await strapi.db.connection.raw('SELECT article_document_id, views FROM article_daily_views');
    return rows;
  };

  it('counts a view of a published article and nothing else, in the next batch', async () => {
    expect((await view(ids[0])).status).toBe(204);
    expect((await view((await draftOnlyArticle()).documentId)).status).toBe(404);
    expect((await view('not-an-article')).status).toBe(404);
    // Counted, not written yet: views reach the table with the next flush.
    expect(await stored()).toEqual([]);
    await flushViews();
    expect(await stored()).toEqual([{ article_document_id: ids[0], views: 1 }]);
  });
});

describe('GET /api/articles/popular', () => {
  it('lists the most-read first, then tops up with the latest, without bodies', async () => {
    for (let i = 0; i < 3; i += 1) await view(ids[2]);
    await view(ids[1]);
    await view(ids[1]);
    await flushViews();
    const response = await request.get('/api/articles/popular').query({ limit: 5 });
    expect(response.status).toBe(200);
    const order = response.body.data.map((a) => a.documentId);
    expect(order.slice(0, 3)).toEqual([ids[2], ids[1], ids[0]]);
    expect(order).toHaveLength(5);
    expect(new Set(order).size).toBe(5);
    for (const article of response.body.data) {
      expect(article).not.toHaveProperty('body');
      expect(article).toHaveProperty('category.slug');
      expect(JSON.stringify(article)).not.toMatch(/createdBy|updatedBy/);
    }
  });

  it('forgets views older than 30 days', async () => {
    const strapi = await bootStrapi();
    await strapi.db.connection.raw(
      'INSERT INTO article_daily_views (article_document_id, day, views) VALUES (?, CURRENT_DATE - 31, 1000)',
      [ids[3]],
    );
    const response = await request.get('/api/articles/popular').query({ limit: 3 });
    expect(response.body.data.map((a) => a.documentId)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it.each(['0', '21', 'ten', '2.5'])('refuses limit=%s with a 400', async (limit) => {
    const response = await request.get('/api/articles/popular').query({ limit });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/limit/);
  });
});

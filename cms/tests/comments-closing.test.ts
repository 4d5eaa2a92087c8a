/**
 * Comments close by themselves N days after an article's date when the moderation setting says so
 * (off by default): the public article answers say when, a new comment after that is refused with
 * a 403, and a change of the setting reaches the cached article answers at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { publishedArticle, validComment } from './helpers/fixtures';

const SETTING = 'api::moderation-setting.moderation-setting';
const DAY_MS = 24 * 60 * 60 * 1000;
let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let article: Awaited<ReturnType<typeof publishedArticle>>;
let visitor = 0;
const tenDaysAgo = new Date(Date.now() - 10 * DAY_MS).toISOString();

async function setCloseAfterDays(closeCommentsAfterDays: number | null) {
  const settings = strapi.documents(SETTING);
  const current = await settings.findFirst();
  // null empties the field: what an editor does by clearing it.
  const data = { closeCommentsAfterDays } as never;
  if (current) await settings.update({ documentId: current.documentId, data });
  else await settings.create({ data });
}

const setArticleDate = (originalPublishedAt: string | null) =>
  strapi
    .documents('api::article.article')
    .update({ documentId: article.documentId, data: { originalPublishedAt }, status: 'published' } as never);

/** The article as the site's article page asks for it. */
const articlePath = () => `/api/articles?filters[slug][$eq]=${article.slug}&fields[0]=title&fields[1]=commentsEnabled`;

async function readArticle() {
  const response = await request.get(articlePath());
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { cache: response.headers['x-cache'], data: response.body.data[0] };
}

function postComment() {
  visitor += 1;
  return request
    .post('/api/comments')
    .set('X-Forwarded-For', `198.18.0.${visitor % 250}`)
    .send({ data: validComment(article.documentId) });
}

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  article = await publishedArticle();
  await setArticleDate(tenDaysAgo);
});

afterAll(async () => {
  await setCloseAfterDays(null);
  await setArticleDate((article.originalPublishedAt as string | null) ?? null);
});

describe('closing comments after N days', () => {
  it('keeps comments open when the setting is empty (the default)', async () => {
    await setCloseAfterDays(null);
    expect((await readArticle()).data.commentsCloseAt).toBeNull();
    expect((await postComment()).status).toBe(201);
  });

  it('refuses a new comment with a 403 once the article is older than the setting, and says when they closed', async () => {
    await setCloseAfterDays(7);
    const { data } = await readArticle();
    expect(data.commentsCloseAt).toBe(new Date(Date.parse(tenDaysAgo) + 7 * DAY_MS).toISOString());

    const refused = await postComment();
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Comments are closed on this article/);
  });

  it('accepts comments while the article is younger than the setting', async () => {
    await setCloseAfterDays(30);
    const { data } = await readArticle();
    expect(Date.parse(data.commentsCloseAt)).toBeGreaterThan(Date.now());
    expect((await postComment()).status).toBe(201);
  });

  it('evicts the cached article answers when the setting changes, and only then', async () => {
    await setCloseAfterDays(null);
    await readArticle();
    const cached = await readArticle();
    expect(cached).toMatchObject({ cache: 'hit', data: { commentsCloseAt: null } });

    // Another setting saved: the articles' answers stay.
    const settings = await strapi.documents(SETTING).findFirst();
    await strapi.documents(SETTING).update({ documentId: settings!.documentId, data: { blockedWords: 'casino' } });
    expect((await readArticle()).cache).toBe('hit');

    await setCloseAfterDays(7);
    const after = await readArticle();
    expect(after.cache).toBe('miss');
    // A fixed time, not "open": the cached answer stays true once that time has passed.
    expect(Date.parse(after.data.commentsCloseAt)).toBeLessThan(Date.now());
  });
});

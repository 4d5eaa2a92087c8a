/**
 * Limits that hold: per-visitor rate limits counted before the work (concurrent requests cannot
 * slip past), IPv6 visitors keyed by their /64, X-Forwarded-For trusted only from our own proxies,
 * page views that a flood cannot inflate.
 */
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { env } from '@strapi/utils';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi, flushViews } from './helpers/strapi';
import { publishedArticle, validComment } from './helpers/fixtures';
import serverConfig from '../config/server';
import { rateLimiter } from '../src/platform/limits/rate-limit';
import { utcDay } from '../src/platform/utils/dates';

let request: Awaited<ReturnType<typeof api>>;
let article: { documentId: string };

beforeAll(async () => {
  request = await api();
  article = await publishedArticle();
});

afterEach(async () => {
  const strapi = await bootStrapi();
  strapi.config.set('anti-abuse.comments', { max: 10000, windowSeconds: 600 });
  strapi.server.app.proxy = false;
  strapi.server.app.maxIpsCount = 0;
});

/** Runs the next requests with a fresh comment limit and, when given, behind `hops` trusted proxies. */
async function limitComments(max: number, hops?: number) {
  const strapi = await bootStrapi();
  // A window no other test uses, so the limiter starts from zero.
  strapi.config.set('anti-abuse.comments', { max, windowSeconds: 600 + Math.floor(Math.random() * 10000) });
  if (hops !== undefined) {
    strapi.server.app.proxy = true;
    strapi.server.app.maxIpsCount = hops;
  }
}

const comment = (forwardedFor?: string) => {
  const call = request.post('/api/comments');
  if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
  return call.send({ data: validComment(article.documentId) });
};

const statuses = (responses: Array<{ status: number }>) => responses.map((response) => response.status).sort();

describe('comment rate limit', () => {
  it('accepts exactly the limit when 60 comments arrive at once from one address', async () => {
    await limitComments(30, 1);
    const strapi = await bootStrapi();
    const before = await strapi.db.query('api::comment.comment').count();
    const responses = await Promise.all(Array.from({ length: 60 }, () => comment('203.0.113.90')));
    expect(statuses(responses).filter((status) => status === 201)).toHaveLength(30);
    expect(statuses(responses).filter((status) => status === 429)).toHaveLength(30);
    expect(await strapi.db.query('api::comment.comment').count()).toBe(before + 30);
  });

  it('counts an IPv6 visitor by its /64 network', async () => {
    await limitComments(2, 1);
    expect((await comment('2001:db8:aa:1::1')).status).toBe(201);
    expect((await comment('2001:db8:aa:1:ffff:ffff:ffff:fffe')).status).toBe(201);
    expect((await comment('2001:db8:aa:1:1234::7')).status).toBe(429);
    expect((await comment('2001:db8:aa:2::1')).status).toBe(201);
  });

  it('trusts only the hops our own proxies added to X-Forwarded-For', async () => {
    await limitComments(1, 1);
    expect((await comment('198.51.100.1, 203.0.113.91')).status).toBe(201);
    // The same visitor, pretending to be someone else in the part of the header it controls.
    expect((await comment('198.51.100.2, 203.0.113.91')).status).toBe(429);
  });

  it('ignores X-Forwarded-For when not behind a proxy', async () => {
    await limitComments(1);
    expect((await comment('203.0.113.92')).status).toBe(201);
    expect((await comment('203.0.113.93')).status).toBe(429);
  });

  it('reads the proxy settings from BEHIND_PROXY and PROXY_HOPS', () => {
    try {
      expect(serverConfig({ env }).proxy).toEqual({ koa: false, maxIpsCount: 1 });
      Object.assign(process.env, { BEHIND_PROXY: 'true', PROXY_HOPS: '2' });
      expect(serverConfig({ env }).proxy).toEqual({ koa: true, maxIpsCount: 2 });
    } finally {
      delete process.env.BEHIND_PROXY;
      delete process.env.PROXY_HOPS;
    }
  });

  it('forgets a visitor when its window ends, so many addresses do not fill memory', async () => {
    // The limiter the CMS builds, here with a one-second window.
    const config = { get: () => ({ max: 5, windowSeconds: 1 }) };
    const limiter = rateLimiter({ config } as unknown as Core.Strapi, 'comments');
    expect(limiter).toBeInstanceOf(RateLimiterMemory);
    await Promise.all(Array.from({ length: 20_000 }, (_, i) => limiter.consume(`visitor-${i}`)));
    const storage = (limiter as unknown as { _memoryStorage: { _storage: Map<string, unknown> } })._memoryStorage
      ._storage;
    expect(storage.size).toBe(20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(storage.size).toBe(0);
  });
});

describe('page views', () => {
  const views = async (documentId: string) => {
    await flushViews();
    const strapi = await bootStrapi();
    const { rows } = await strapi.db.connection.raw(
      'SELECT COALESCE(SUM(views), 0)::int AS views FROM article_daily_views WHERE article_document_id = ? AND day = ?',
      [documentId, utcDay(new Date())],
    );
    return rows[0].views as number;
  };
  const view = (forwardedFor: string) =>
    request.post(`/api/articles/${article.documentId}/views`).set('X-Forwarded-For', forwardedFor);

  it('counts one address once per article per day', async () => {
    (await bootStrapi()).server.app.proxy = true;
    const before = await views(article.documentId);
    for (let i = 0; i < 5; i += 1) expect((await view('203.0.113.94')).status).toBe(204);
    expect(await views(article.documentId)).toBe(before + 1);
    expect((await view('203.0.113.95')).status).toBe(204);
    expect(await views(article.documentId)).toBe(before + 2);
  });

  it('meets a flood from one address with 429', async () => {
    const strapi = await bootStrapi();
    strapi.server.app.proxy = true;
    const max = 40;
    const saved = strapi.config.get('anti-abuse.views');
    strapi.config.set('anti-abuse.views', { max, windowSeconds: 60 });
    onTestFinished(() => {
      strapi.config.set('anti-abuse.views', saved);
    });
    const responses = await Promise.all(Array.from({ length: max + 20 }, () => view('203.0.113.96')));
    expect(statuses(responses).filter((status) => status === 429)).toHaveLength(20);
    expect(responses.find((response) => response.status === 429)?.headers['retry-after']).toMatch(/^\d+$/);
  });
});

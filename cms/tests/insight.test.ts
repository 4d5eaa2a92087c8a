/**
 * What readers' browsers report (POST /api/insight), counted as daily figures and written in
 * batches: each test flushes before it looks in the tables. Every reader here is another address
 * (X-Forwarded-For behind one trusted proxy), as readers are told apart a day at a time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { INSIGHT_LIMITS, type ReadersReport } from '@medblog/shared';
import type { InsightService } from '../src/api/insight/services/insight';
import { utcDay } from '../src/platform/utils/dates';
import { api, bootStrapi, flushViews } from './helpers/strapi';
import { draftOnlyArticle, publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let article: { documentId: string; slug: string };
let other: { documentId: string; slug: string };

const TABLES = [
  'insight_article_days',
  'insight_referrers',
  'insight_searches',
  'insight_vitals',
  'insight_helpful_notes',
];
const insight = () => strapi.service('api::insight.insight') as unknown as InsightService;

let readerNumber = 0;
/** A new reader's address each call. */
const newReader = () => {
  readerNumber += 1;
  return `198.19.${readerNumber >> 8}.${readerNumber & 255}`;
};

type Event = Record<string, unknown>;

/** A beacon from `reader`, as JSON or, as navigator.sendBeacon sends a string, as text/plain. */
function beacon(events: Event[] | unknown, reader: string, { plainText = false } = {}) {
  const body = JSON.stringify(Array.isArray(events) ? { data: { events } } : events);
  return request
    .post('/api/insight')
    .set('X-Forwarded-For', reader)
    .set('Content-Type', plainText ? 'text/plain;charset=UTF-8' : 'application/json')
    .send(body);
}

async function flush() {
  await insight().flush();
  await flushViews();
}

/** Every row of the insight tables (and the page views), as the database holds them. */
async function stored() {
  const result: Record<string, unknown[]> = {};
  for (const table of [...TABLES, 'article_daily_views']) {
    result[table] = (await strapi.db.connection.raw(`SELECT * FROM ${table}`)).rows;
  }
  return result;
}

async function clearTables() {
  await flush();
  for (const table of [...TABLES, 'article_daily_views']) await strapi.db.connection.raw(`DELETE FROM ${table}`);
}

const today = () => utcDay(new Date());

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  strapi.server.app.proxy = true;
  const published = await strapi
    .documents('api::article.article')
    .findMany({ status: 'published', fields: ['slug'], sort: 'publishedAt:asc' });
  article = (await publishedArticle()) as unknown as { documentId: string; slug: string };
  other = published.find((entry) => entry.documentId !== article.documentId) as unknown as typeof other;
  await clearTables();
});

afterAll(async () => {
  strapi.server.app.proxy = false;
});

describe('POST /api/insight', () => {
  it('takes a batch of events with 204 and nothing else, and writes its figures with the next flush', async () => {
    const reader = newReader();
    const response = await beacon(
      [
        {
          type: 'view',
          pageType: 'article',
          article: article.documentId,
          referrer: 'https://www.google.com/search?q=usmle',
          viewportWidth: 360,
        },
        { type: 'helpful', article: article.documentId, answer: 'no', note: 'The fees for 2026 were missing.' },
        { type: 'search', query: '  MBBS   in Georgia  ', results: 0 },
        { type: 'vital', name: 'LCP', value: 1830, pageType: 'article' },
      ],
      reader,
    );
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');

    // Counted, not written yet.
    expect(Object.values(await stored()).flat()).toEqual([]);
    await flush();
    const rows = await stored();
    expect(rows.article_daily_views).toEqual([
      expect.objectContaining({ article_document_id: article.documentId, views: 1 }),
    ]);
    expect(rows.insight_article_days).toEqual([
      expect.objectContaining({
        article_document_id: article.documentId,
        phone_views: 1,
        desktop_views: 0,
        helpful_yes: 0,
        helpful_no: 1,
      }),
    ]);
    expect(rows.insight_referrers).toEqual([expect.objectContaining({ domain: 'google.com', visitors: 1 })]);
    expect(rows.insight_searches).toEqual([
      expect.objectContaining({ query: 'mbbs in georgia', searches: 1, visitors: 1 }),
    ]);
    expect(rows.insight_vitals).toEqual([
      expect.objectContaining({ page_type: 'article', metric: 'LCP', bucket: 1800, count: 1 }),
    ]);
    expect(rows.insight_helpful_notes).toEqual([
      expect.objectContaining({
        article_document_id: article.documentId,
        answer: 'no',
        note: 'The fees for 2026 were missing.',
      }),
    ]);
    // Nothing of the reader: no address, no hash, no query string of the referrer.
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(reader);
    expect(everything).not.toContain('q=usmle');
  });

  it('takes text/plain, as navigator.sendBeacon sends a string', async () => {
    await clearTables();
    const response = await beacon(
      [{ type: 'view', pageType: 'article', slug: article.slug, viewportWidth: 1280 }],
      newReader(),
      { plainText: true },
    );
    expect(response.status).toBe(204);
    await flush();
    expect((await stored()).insight_article_days).toEqual([
      expect.objectContaining({ article_document_id: article.documentId, desktop_views: 1, phone_views: 0 }),
    ]);
  });

  it('counts a reading once a day, whether the views route or the beacon (or both) report it', async () => {
    await clearTables();
    const reader = newReader();
    const view = { type: 'view', pageType: 'article', article: article.documentId, viewportWidth: 400 };
    expect(
      (await request.post(`/api/articles/${article.documentId}/views`).set('X-Forwarded-For', reader)).status,
    ).toBe(204);
    expect((await beacon([view, view], reader)).status).toBe(204);
    expect((await beacon([view], reader)).status).toBe(204);
    // Another reader, by the beacon alone.
    expect((await beacon([view], newReader())).status).toBe(204);
    await flush();
    const rows = await stored();
    expect(rows.article_daily_views).toEqual([expect.objectContaining({ views: 2 })]);
    expect(rows.insight_article_days).toEqual([expect.objectContaining({ phone_views: 2 })]);
  });

  it('counts nothing for an article that is not published, an unknown slug, or a referral from the site itself', async () => {
    await clearTables();
    const draft = await draftOnlyArticle();
    const events: Event[] = [
      { type: 'view', pageType: 'article', slug: 'no-such-article-here', viewportWidth: 400 },
      { type: 'helpful', article: 'nosucharticle000000000000', answer: 'yes' },
      { type: 'view', pageType: 'home', referrer: 'http://localhost:5173/articles/x' },
      { type: 'view', pageType: 'article', article: draft.documentId, viewportWidth: 400 },
    ];
    expect((await beacon(events, newReader())).status).toBe(204);
    await flush();
    expect(Object.values(await stored()).flat()).toEqual([]);
  });
});

describe('"Was this page helpful?"', () => {
  it('counts one answer per reader per article per day, and keeps the first note without addresses or numbers', async () => {
    await clearTables();
    const reader = newReader();
    const answer = (value: string, note?: string) => ({
      type: 'helpful',
      article: article.documentId,
      answer: value,
      ...(note === undefined ? {} : { note }),
    });
    expect((await beacon([answer('yes'), answer('yes')], reader)).status).toBe(204);
    // The same reader later: no second answer; its note (the first) is kept.
    expect(
      (await beacon([answer('no', 'Write to me at asha.k@example.in or +91 98765 43210 please')], reader)).status,
    ).toBe(204);
    expect((await beacon([answer('no', 'A second note is not kept')], reader)).status).toBe(204);
    // On another article the same reader answers again.
    expect((await beacon([{ ...answer('no'), article: other.documentId }], reader)).status).toBe(204);
    // Another reader.
    expect((await beacon([answer('no')], newReader())).status).toBe(204);
    await flush();
    const rows = (await stored()) as Record<string, Array<Record<string, unknown>>>;
    const byArticle = Object.fromEntries(rows.insight_article_days.map((row) => [row.article_document_id, row]));
    expect(byArticle[article.documentId]).toMatchObject({ helpful_yes: 1, helpful_no: 1 });
    expect(byArticle[other.documentId]).toMatchObject({ helpful_yes: 0, helpful_no: 1 });
    expect(rows.insight_helpful_notes.map((row) => row.note)).toEqual(['Write to me at [removed] or [removed] please']);
  });
});

describe('searches', () => {
  it('never stores a query that looks like an e-mail address or a phone number', async () => {
    await clearTables();
    const personal = [
      'asha.k@example.in',
      'Dr Rao rao@hospital.org',
      '+91 98765 43210',
      '9876543210',
      '(022) 2345-6789 clinic',
    ];
    for (let i = 0; i < 3; i += 1) {
      const response = await beacon(
        personal.map((query) => ({ type: 'search', query, results: 0 })),
        newReader(),
      );
      expect(response.status).toBe(204);
    }
    await flush();
    expect((await stored()).insight_searches).toEqual([]);
    const report = await insight().readers(7);
    expect(report.contentGaps).toEqual([]);
  });

  it('keeps only searches that found nothing', async () => {
    await clearTables();
    expect((await beacon([{ type: 'search', query: 'usmle step 1', results: 12 }], newReader())).status).toBe(204);
    await flush();
    expect((await stored()).insight_searches).toEqual([]);
  });
});

describe('refusals', () => {
  afterEach(() => {
    strapi.config.set('anti-abuse.insight', { max: 10000, windowSeconds: 60 });
  });

  const view = { type: 'view', pageType: 'home' };
  const CASES: Array<[string, unknown, RegExp]> = [
    ['no data', { events: [view] }, /data/],
    ['no events', { data: {} }, /events/],
    ['an empty batch', { data: { events: [] } }, /events: events must hold at least one event/],
    [
      `${INSIGHT_LIMITS.maxEvents + 1} events`,
      { data: { events: Array.from({ length: INSIGHT_LIMITS.maxEvents + 1 }, () => view) } },
      /events: events must hold at most 50 events/,
    ],
    ['an unknown event', { data: { events: [{ type: 'click' }] } }, /events\.0\.type: type must be one of/],
    ['an unknown field', { data: { events: [{ ...view, ip: '1.2.3.4' }] } }, /events\.0: A view takes no field "ip"/],
    ['an unknown field of the beacon', { data: { events: [view], visitor: 'x' } }, /takes no field "visitor"/],
    [
      'a width that is not a number',
      { data: { events: [{ ...view, viewportWidth: 'wide' }] } },
      /events\.0\.viewportWidth: viewportWidth must be a number/,
    ],
    ['a page type of no kind', { data: { events: [{ type: 'view', pageType: 'admin' }] } }, /events\.0\.pageType/],
    [
      'an article page without its article',
      { data: { events: [{ type: 'view', pageType: 'article' }] } },
      /events\.0\.article: article \(its documentId\) or slug is required/,
    ],
    [
      'a note over 500 characters',
      {
        data: {
          events: [{ type: 'helpful', article: 'abcdefghij0123456789abcd', answer: 'no', note: 'x'.repeat(501) }],
        },
      },
      /events\.0\.note: note must be at most 500 characters/,
    ],
    [
      'a query over 200 characters',
      { data: { events: [{ type: 'search', query: 'q'.repeat(201), results: 0 }] } },
      /events\.0\.query: query must be at most 200 characters/,
    ],
    [
      'a speed measure out of range',
      { data: { events: [{ type: 'vital', name: 'LCP', value: 3_600_000, pageType: 'home' }] } },
      /events\.0\.value: value of LCP must be at most 60000/,
    ],
    [
      'a negative measure',
      { data: { events: [{ type: 'vital', name: 'CLS', value: -1, pageType: 'home' }] } },
      /events\.0\.value: value must be at least 0/,
    ],
    ['a list instead of a beacon', [1, 2], /data/],
  ];

  it('answers 400 naming the problem, and stores nothing', async () => {
    await clearTables();
    for (const [what, body, message] of CASES) {
      for (const plainText of [false, true]) {
        const response = await request
          .post('/api/insight')
          .set('X-Forwarded-For', newReader())
          .set('Content-Type', plainText ? 'text/plain' : 'application/json')
          .send(JSON.stringify(body));
        expect(response.status, what).toBe(400);
        expect(response.body.error.message, what).toMatch(message);
      }
    }
    const garbage = await request
      .post('/api/insight')
      .set('X-Forwarded-For', newReader())
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .send('not json at all');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(/not valid JSON/);
    const truncated = await request
      .post('/api/insight')
      .set('Content-Type', 'text/plain')
      .send('{"data":{"events":[{"type":"vi');
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.message).toMatch(/not valid JSON/);
    // A JSON body that does not parse is refused by the body parser, as on every route.
    const badJson = await request.post('/api/insight').set('Content-Type', 'application/json').send('{"data":');
    expect(badJson.status).toBe(400);
    await flush();
    expect(Object.values(await stored()).flat()).toEqual([]);
  });

  it(`refuses a body over ${INSIGHT_LIMITS.maxBodyBytes} bytes with 413, and a body of another type with 415`, async () => {
    const huge = {
      data: { events: [{ type: 'search', query: 'x', results: 0 }], padding: 'x'.repeat(INSIGHT_LIMITS.maxBodyBytes) },
    };
    for (const plainText of [false, true]) {
      const response = await beacon(huge, newReader(), { plainText });
      expect(response.status).toBe(413);
      expect(response.body.error.message).toBe(`The request body must be at most ${INSIGHT_LIMITS.maxBodyBytes} bytes`);
    }
    const html = await request.post('/api/insight').set('Content-Type', 'text/html').send('<p>{"data":{}}</p>');
    expect(html.status).toBe(415);
    expect(html.body.error.message).toMatch(/application\/json or text\/plain/);
    // Other public routes still take JSON only.
    const plainComment = await request
      .post('/api/comments')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ data: validComment(article.documentId) }));
    expect(plainComment.status).toBe(415);
    await flush();
    expect(Object.values(await stored()).flat()).toEqual([]);
  });

  it('meets a flood from one reader with 429 and Retry-After, and counts only what it took', async () => {
    await clearTables();
    // A window no other test uses, so the limiter starts from zero.
    strapi.config.set('anti-abuse.insight', { max: 3, windowSeconds: 60 + Math.floor(Math.random() * 10000) });
    const reader = newReader();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => beacon([{ type: 'search', query: 'flood query', results: 0 }], reader)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([204, 204, 204, 429, 429, 429, 429, 429]);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.error.name).toBe('RateLimitError');
    // Another reader is not limited by it.
    expect((await beacon([{ type: 'search', query: 'flood query', results: 0 }], newReader())).status).toBe(204);
    await flush();
    expect((await stored()).insight_searches).toEqual([
      expect.objectContaining({ query: 'flood query', searches: 4, visitors: 2 }),
    ]);
  });
});

describe('the Readers figures', () => {
  let report: ReadersReport;
  let before: ReadersReport;

  beforeAll(async () => {
    await clearTables();
    before = await insight().readers(7);
    const referrer = 'https://www.google.co.in/';
    // Four readers of the article (three on a phone), one of the other article.
    const screens = [360, 412, 390, 1440];
    const answers = ['yes', 'yes', 'yes', 'no'];
    for (let i = 0; i < 4; i += 1) {
      const response = await beacon(
        [
          { type: 'view', pageType: 'article', article: article.documentId, viewportWidth: screens[i], referrer },
          {
            type: 'helpful',
            article: article.documentId,
            answer: answers[i],
            ...(answers[i] === 'no' ? { note: 'Nothing on scholarships' } : {}),
          },
        ],
        newReader(),
      );
      expect(response.status).toBe(204);
    }
    expect((await beacon([{ type: 'view', pageType: 'article', slug: other.slug }], newReader())).status).toBe(204);

    // Searches that found nothing: one asked by 3 readers today (one of them twice), one by 2.
    const search = (query: string) => ({ type: 'search', query, results: 0 });
    const gapReaders = [newReader(), newReader(), newReader()];
    for (const reader of gapReaders) expect((await beacon([search('NEET PG cutoff 2026')], reader)).status).toBe(204);
    expect((await beacon([search('neet  pg cutoff 2026')], gapReaders[0])).status).toBe(204);
    for (let i = 0; i < 2; i += 1) expect((await beacon([search('rare question')], newReader())).status).toBe(204);
    // 3 readers in all, but never 3 on one day: not shown.
    const yesterday = utcDay(new Date(Date.now() - 86_400_000));
    await strapi.db.connection.raw(
      `INSERT INTO insight_searches (day, query, searches, visitors) VALUES (?, 'split question', 2, 2), (?, 'split question', 1, 1)`,
      [yesterday, today()],
    );

    // Speed: LCP of articles 6 × 1 s and 2 × 5 s; INP of the home page 100, 150, 300, 600 ms;
    // CLS of articles 0.3 four times.
    const vitals: Event[] = [
      ...Array.from({ length: 6 }, () => ({ type: 'vital', name: 'LCP', value: 1000, pageType: 'article' })),
      ...Array.from({ length: 2 }, () => ({ type: 'vital', name: 'LCP', value: 5000, pageType: 'article' })),
      ...[100, 150, 300, 600].map((value) => ({ type: 'vital', name: 'INP', value, pageType: 'home' })),
      ...Array.from({ length: 4 }, () => ({ type: 'vital', name: 'CLS', value: 0.3, pageType: 'article' })),
    ];
    expect((await beacon(vitals, newReader())).status).toBe(204);

    // A comment and an enquiry from the article's page; spam of either is not counted.
    expect((await request.post('/api/comments').send({ data: validComment(article.documentId) })).status).toBe(201);
    const enquiry = (overrides: Record<string, unknown>) =>
      request
        .post('/api/enquiries')
        .set('X-Forwarded-For', newReader())
        .send({ data: validEnquiry(overrides) });
    expect((await enquiry({ sourcePath: `/articles/${article.slug}?from=sidebar` })).status).toBe(201);
    expect((await enquiry({ sourcePath: `/articles/${article.slug}`, elapsedMs: 100 })).status).toBe(201);

    await flush();
    report = await insight().readers(7);
  });

  it('ranks articles by views, each with its days, screens, helpful share, comments and enquiries', () => {
    expect(report.period).toBe(7);
    expect(report.days).toHaveLength(7);
    expect(report.days[6]).toBe(today());
    expect(report.articles.map((entry) => entry.documentId).slice(0, 2)).toEqual([
      article.documentId,
      other.documentId,
    ]);
    const first = report.articles[0];
    const earlier = before.articles.find((entry) => entry.documentId === article.documentId);
    expect(first).toMatchObject({
      views: 4,
      dailyViews: [0, 0, 0, 0, 0, 0, 4],
      phoneViews: 3,
      desktopViews: 1,
      helpfulYes: 3,
      helpfulNo: 1,
      helpfulPercent: 75,
      comments: (earlier?.comments ?? 0) + 1,
      enquiries: (earlier?.enquiries ?? 0) + 1,
    });
    expect(first.title).toEqual(expect.any(String));
    expect(first.slug).toBe(article.slug);
    expect(report.articles[1]).toMatchObject({ views: 1, phoneViews: 0, desktopViews: 0, helpfulPercent: null });
  });

  it('shows a search that found nothing only once 3 different readers asked it on one day', () => {
    expect(report.contentGaps).toEqual([
      { query: 'neet pg cutoff 2026', searches: 4, visitors: 3, lastAsked: today() },
    ]);
  });

  it('lists the referring sites by readers', () => {
    expect(report.referrers).toEqual([{ domain: 'google.co.in', visitors: 4 }]);
  });

  it("gives each page type's 75th percentile of each measure against Google's thresholds", () => {
    const speed = Object.fromEntries(report.speed.map((entry) => [`${entry.pageType} ${entry.metric}`, entry]));
    expect(Object.keys(speed).sort()).toEqual(['article CLS', 'article LCP', 'home INP']);
    // Within one bucket of the true 75th percentile (1 s, 300 ms, 0.3).
    expect(speed['article LCP']).toMatchObject({ samples: 8, good: 2500, poor: 4000, unit: 'ms', rating: 'good' });
    expect(speed['article LCP'].p75).toBeGreaterThanOrEqual(1000);
    expect(speed['article LCP'].p75).toBeLessThan(1050);
    expect(speed['home INP']).toMatchObject({ samples: 4, good: 200, poor: 500, rating: 'needs-improvement' });
    expect(speed['home INP'].p75).toBeGreaterThanOrEqual(300);
    expect(speed['home INP'].p75).toBeLessThan(325);
    expect(speed['article CLS']).toMatchObject({ samples: 4, good: 0.1, poor: 0.25, unit: 'score', rating: 'poor' });
    expect(speed['article CLS'].p75).toBeGreaterThanOrEqual(0.3);
    expect(speed['article CLS'].p75).toBeLessThan(0.31);
    expect(speed['article LCP'].daily.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(speed['article LCP'].daily[6]).toBe(speed['article LCP'].p75);
  });

  it("keeps the article list to an Author's own articles when asked", async () => {
    const own = await insight().readers(7, { articles: [other.documentId] });
    expect(own.articles.map((entry) => entry.documentId)).toEqual([other.documentId]);
    expect(own.contentGaps).toEqual(report.contentGaps);
  });

  it("gives an article's edit view its last 30 days and its latest notes", async () => {
    const figures = await insight().article(article.documentId);
    expect(figures).toMatchObject({ period: 30, views: 4, helpfulPercent: 75, phoneViews: 3 });
    expect(figures.dailyViews).toHaveLength(30);
    expect(figures.dailyViews[29]).toBe(4);
    expect(figures.notes).toEqual([
      { day: today(), answer: 'no', note: 'Nothing on scholarships', createdAt: expect.any(String) },
    ]);
    const none = await insight().article('nosucharticle000000000000');
    expect(none).toMatchObject({ views: 0, helpfulPercent: null, notes: [] });
  });

  it('takes only 7, 30 or 90 days', async () => {
    await expect(insight().readers(14 as never)).rejects.toThrow(/7, 30, 90/);
    expect((await insight().readers(90)).days).toHaveLength(90);
  });
});

describe('retention', () => {
  it('deletes daily figures older than INSIGHT_RETENTION_DAYS, on a daily schedule', async () => {
    await clearTables();
    const days = strapi.config.get('insight.retentionDays') as number;
    expect(days).toBe(730);
    const old = utcDay(new Date(Date.now() - (days + 1) * 86_400_000));
    const kept = utcDay(new Date(Date.now() - (days - 1) * 86_400_000));
    for (const day of [old, kept]) {
      await strapi.db.connection.raw(
        `INSERT INTO insight_article_days (day, article_document_id, helpful_yes) VALUES (?, 'abcdefghij0123456789abcd', 1)`,
        [day],
      );
      await strapi.db.connection.raw(
        `INSERT INTO insight_referrers (day, domain, visitors) VALUES (?, 'bing.com', 1)`,
        [day],
      );
      await strapi.db.connection.raw(
        `INSERT INTO insight_searches (day, query, searches, visitors) VALUES (?, 'x', 1, 1)`,
        [day],
      );
      await strapi.db.connection.raw(
        `INSERT INTO insight_vitals (day, page_type, metric, bucket, count) VALUES (?, 'home', 'LCP', 1000, 1)`,
        [day],
      );
      await strapi.db.connection.raw(
        `INSERT INTO insight_helpful_notes (day, article_document_id, answer, note) VALUES (?, 'abcdefghij0123456789abcd', 'no', 'n')`,
        [day],
      );
    }
    expect(await insight().forgetOld()).toBe(5);
    const rows = (await stored()) as Record<string, Array<{ day: Date }>>;
    for (const table of TABLES)
      expect(
        rows[table].map((row) => utcDay(new Date(row.day))),
        table,
      ).toEqual([kept]);
    const { rows: schedules } = await strapi.db.connection.raw(
      `SELECT name, cron FROM pgboss.schedule WHERE name = 'insight-retention'`,
    );
    expect(schedules).toEqual([{ name: 'insight-retention', cron: '20 3 * * *' }]);
  });
});

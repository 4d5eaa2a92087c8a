/**
 * The Readers page's admin endpoints (/medblog/insight/...): the figures of each period from real
 * beacons (POST /api/insight, then a flush) and from older daily rows, what each role sees, the CSV
 * of each table, and refusals of bad input. The readers here come from 192.0.2.x (TEST-NET-1),
 * an address range no other test file uses, as X-Forwarded-For behind one trusted proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { ArticleReaders, ReadersReport } from '@medblog/shared';
import type { InsightService } from '../src/api/insight/services/insight';
import { utcDay } from '../src/platform/utils/dates';
import { ROLES } from '../src/platform/access/role-matrix';
import { api, bootStrapi, flushViews } from './helpers/strapi';
import { adminOfEachRole } from './helpers/content-manager';
import { publishedArticle, validEnquiry } from './helpers/fixtures';

const ARTICLE = 'api::article.article';
const TABLES = [
  'insight_article_days',
  'insight_referrers',
  'insight_searches',
  'insight_vitals',
  'insight_helpful_notes',
  'article_daily_views',
];

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const admins = adminOfEachRole('insight-admin');

/** The Author's own article; its title is one a spreadsheet would run as a formula. */
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Fees 2026")';
/** A content gap that starts as a formula would (queries are stored lower case). */
const FORMULA_GAP = '@sum(1+1) hostel fees';
let own: { documentId: string; slug: string };
let others: { documentId: string; slug: string };

let readerNumber = 0;
/** A new reader's address each call, from 192.0.2.0/24: no other test file's readers. */
const newReader = () => {
  readerNumber += 1;
  if (readerNumber > 254) throw new Error('insight-admin.test.ts ran out of reader addresses');
  return `192.0.2.${readerNumber}`;
};

const beacon = (events: Array<Record<string, unknown>>, reader: string) =>
  request.post('/api/insight').set('X-Forwarded-For', reader).send({ data: { events } });

async function flush() {
  await (strapi.service('api::insight.insight') as unknown as InsightService).flush();
  await flushViews();
}

async function clearTables() {
  await flush();
  for (const table of TABLES) await strapi.db.connection.raw(`DELETE FROM ${table}`);
}

const daysAgo = (days: number) => utcDay(new Date(Date.now() - days * 86_400_000));

type Headers = { Authorization: string };
const as = (code: (typeof ROLES)[keyof typeof ROLES]): Headers => admins[code].headers;
const get = (path: string, headers: Headers) => request.get(path).set(headers);
const report = async (period: number, headers: Headers) => {
  const response = await get(`/medblog/insight/readers?period=${period}`, headers);
  expect(response.status, response.text).toBe(200);
  return response.body as { data: ReadersReport; meta: { siteWide: boolean } };
};
const figuresOf = (data: ReadersReport, documentId: string) =>
  data.articles.find((article) => article.documentId === documentId);

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  strapi.server.app.proxy = true;
  await clearTables();

  // The Author's article, published so that readers count; written down as theirs.
  const created = await strapi.documents(ARTICLE).create({ data: { title: FORMULA_TITLE } as never });
  await strapi.documents(ARTICLE).publish({ documentId: created.documentId } as never);
  await strapi.db
    .query(ARTICLE)
    .updateMany({ where: { documentId: created.documentId }, data: { createdBy: admins[ROLES.author].id } });
  own = (await strapi.documents(ARTICLE).findOne({
    documentId: created.documentId,
    status: 'published',
  })) as unknown as typeof own;
  others = (await publishedArticle()) as unknown as typeof others;

  // Today: 3 readers of the Author's article (2 on a phone; 2 found it helpful, 1 not, with a
  // note), 5 of the other article arriving from Bing.
  const answers = ['yes', 'yes', 'no'];
  for (let i = 0; i < 3; i += 1) {
    const response = await beacon(
      [
        { type: 'view', pageType: 'article', article: own.documentId, viewportWidth: i < 2 ? 390 : 1366 },
        {
          type: 'helpful',
          article: own.documentId,
          answer: answers[i],
          ...(answers[i] === 'no' ? { note: 'No table of the hostel fees' } : {}),
        },
      ],
      newReader(),
    );
    expect(response.status).toBe(204);
  }
  for (let i = 0; i < 5; i += 1) {
    const view = { type: 'view', pageType: 'article', article: others.documentId, referrer: 'https://www.bing.com/' };
    expect((await beacon([view], newReader())).status).toBe(204);
  }
  // Searches that found nothing: one by 3 readers today, one by 2 only.
  const search = (query: string) => ({ type: 'search', query, results: 0 });
  for (let i = 0; i < 3; i += 1) expect((await beacon([search(FORMULA_GAP)], newReader())).status).toBe(204);
  for (let i = 0; i < 2; i += 1) expect((await beacon([search('asked by two readers')], newReader())).status).toBe(204);
  // The home page's LCP: 3 s for each of 4 readers (needs improvement: over 2.5 s, under 4 s).
  for (let i = 0; i < 4; i += 1) {
    expect((await beacon([{ type: 'vital', name: 'LCP', value: 3000, pageType: 'home' }], newReader())).status).toBe(
      204,
    );
  }
  // An enquiry sent from the Author's article.
  const enquiry = await request
    .post('/api/enquiries')
    .set('X-Forwarded-For', newReader())
    .send({ data: validEnquiry({ sourcePath: `/articles/${own.slug}` }) });
  expect(enquiry.status).toBe(201);
  await flush();

  // Older figures, as earlier days left them: 7 views 20 days ago, 11 views 60 days ago; a gap
  // asked by 4 readers 40 days ago; Google 50 days ago.
  const knex = strapi.db.connection;
  await knex('article_daily_views').insert([
    { day: daysAgo(20), article_document_id: own.documentId, views: 7 },
    { day: daysAgo(60), article_document_id: own.documentId, views: 11 },
  ]);
  await knex('insight_searches').insert({ day: daysAgo(40), query: 'old gap', searches: 6, visitors: 4 });
  await knex('insight_referrers').insert({ day: daysAgo(50), domain: 'google.co.in', visitors: 9 });
});

afterAll(async () => {
  await clearTables();
  strapi.server.app.proxy = false;
});

describe('GET /medblog/insight/readers', () => {
  it('gives an Editor the figures of each period, from beacons and older daily rows', async () => {
    const editor = as(ROLES.editor);
    const week = await report(7, editor);
    expect(week.meta).toEqual({ siteWide: true });
    // Ranked by views; articles with only comments (the demo's) follow with none.
    expect(week.data.articles.map((article) => article.documentId).slice(0, 2)).toEqual([
      others.documentId,
      own.documentId,
    ]);
    expect(week.data.articles.slice(2).every((article) => article.views === 0)).toBe(true);
    expect(figuresOf(week.data, own.documentId)).toMatchObject({
      title: FORMULA_TITLE,
      views: 3,
      dailyViews: [0, 0, 0, 0, 0, 0, 3],
      phoneViews: 2,
      desktopViews: 1,
      helpfulYes: 2,
      helpfulNo: 1,
      helpfulPercent: 67,
      enquiries: 1,
    });
    expect(week.data.contentGaps.map((gap) => gap.query)).toEqual([FORMULA_GAP]);
    expect(week.data.referrers).toEqual([{ domain: 'bing.com', visitors: 5 }]);
    expect(week.data.speed).toEqual([
      expect.objectContaining({ pageType: 'home', metric: 'LCP', rating: 'needs-improvement', samples: 4 }),
    ]);

    const month = await report(30, editor);
    const ownMonth = figuresOf(month.data, own.documentId)!;
    expect(ownMonth.views).toBe(10);
    expect(ownMonth.dailyViews).toHaveLength(30);
    expect(ownMonth.dailyViews[29 - 20]).toBe(7);
    // Now the Author's article leads.
    expect(month.data.articles[0].documentId).toBe(own.documentId);
    expect(month.data.contentGaps.map((gap) => gap.query)).toEqual([FORMULA_GAP]);

    const quarter = await report(90, editor);
    expect(figuresOf(quarter.data, own.documentId)!.views).toBe(21);
    expect(quarter.data.contentGaps.map((gap) => gap.query).sort()).toEqual([FORMULA_GAP, 'old gap'].sort());
    expect(quarter.data.referrers).toEqual([
      { domain: 'google.co.in', visitors: 9 },
      { domain: 'bing.com', visitors: 5 },
    ]);
  });

  it('shows a search only once 3 different readers asked it on one day', async () => {
    const { data } = await report(90, as(ROLES.editor));
    expect(data.contentGaps.map((gap) => gap.query)).not.toContain('asked by two readers');
    expect(data.contentGaps.find((gap) => gap.query === FORMULA_GAP)).toMatchObject({ visitors: 3, searches: 3 });
  });

  it("gives an Author their own articles and the content gaps, not the site's referrers and speed", async () => {
    const { data, meta } = await report(30, as(ROLES.author));
    expect(meta).toEqual({ siteWide: false });
    expect(data.articles.map((article) => article.documentId)).toEqual([own.documentId]);
    expect(data.contentGaps.map((gap) => gap.query)).toEqual([FORMULA_GAP]);
    expect(data.referrers).toEqual([]);
    expect(data.speed).toEqual([]);
  });

  it('gives a Super Admin the whole site', async () => {
    const { data, meta } = await report(7, as(ROLES.superAdmin));
    expect(meta.siteWide).toBe(true);
    expect(data.referrers).toEqual([{ domain: 'bing.com', visitors: 5 }]);
  });

  it('is never cached, and takes 30 days when no period is given', async () => {
    const response = await get('/medblog/insight/readers', as(ROLES.editor));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.data.period).toBe(30);
  });
});

describe('GET /medblog/insight/articles/:documentId', () => {
  it("gives an article's edit view its 30 days and latest notes", async () => {
    for (const code of [ROLES.editor, ROLES.author, ROLES.superAdmin]) {
      const response = await get(`/medblog/insight/articles/${own.documentId}`, as(code));
      expect(response.status, `${code}: ${response.text}`).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const figures = response.body.data as ArticleReaders;
      expect(figures).toMatchObject({ documentId: own.documentId, period: 30, views: 10, helpfulPercent: 67 });
      expect(figures.enquiries).toBe(1);
      expect(figures.dailyViews[29]).toBe(3);
      expect(figures.notes).toEqual([expect.objectContaining({ answer: 'no', note: 'No table of the hostel fees' })]);
    }
  });

  it("answers an Author asking for someone else's article 404, as for one that does not exist", async () => {
    const others404 = await get(`/medblog/insight/articles/${others.documentId}`, as(ROLES.author));
    expect(others404.status).toBe(404);
    expect(others404.body.data ?? null).toBeNull();
    const unknown = await get('/medblog/insight/articles/nosucharticle000000000000', as(ROLES.editor));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/No article nosucharticle000000000000/);
    // The Editor sees the other article.
    expect((await get(`/medblog/insight/articles/${others.documentId}`, as(ROLES.editor))).status).toBe(200);
  });
});

describe('GET /medblog/insight/export', () => {
  const csv = (table: string, headers: Headers, period = 90) =>
    request
      .get(`/medblog/insight/export?table=${table}&period=${period}`)
      .set(headers)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });

  it('downloads each table as CSV, formula-like text defused', async () => {
    const editor = as(ROLES.editor);
    const articles = await csv('articles', editor);
    expect(articles.status).toBe(200);
    expect(articles.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(articles.headers['cache-control']).toBe('no-store');
    expect(articles.headers['content-disposition']).toMatch(
      /^attachment; filename="readers-articles-90-days-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (articles.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '"Title","Address","Views","Phone views","Desktop views","Helpful","Not helpful","Helpful %","Comments","Enquiries"',
    );
    // The title starts with an apostrophe (text, not a formula), its quotes doubled.
    expect(lines).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Fees 2026"")","/articles/${own.slug}","21","2","1","2","1","67%","0","1"`,
    );

    const gaps = await csv('content-gaps', editor);
    expect(gaps.status).toBe(200);
    expect(gaps.body).toContain('"Search","Readers","Searches","Last asked"');
    expect(gaps.body).toContain(`"'${FORMULA_GAP}","3","3","${utcDay(new Date())}"`);
    expect(gaps.body).toContain(`"old gap","4","6","${daysAgo(40)}"`);

    const referrers = await csv('referrers', editor);
    expect(referrers.body).toContain('"Site","Readers"\r\n"google.co.in","9"\r\n"bing.com","5"\r\n');

    const speed = await csv('speed', editor, 7);
    expect(speed.body).toContain(
      '"Pages","Measure","75th percentile","Unit","Rating","Samples","Good up to","Poor above"',
    );
    expect(speed.body).toMatch(/"Home page","LCP","\d+","ms","Needs improvement","4","2500","4000"/);
    expect(speed.headers['x-total-count']).toBe('1');
  });

  it('gives an Author their own articles and the gaps; referring sites and speed are refused 403', async () => {
    const author = as(ROLES.author);
    const articles = await csv('articles', author);
    expect(articles.status).toBe(200);
    expect(articles.headers['x-total-count']).toBe('1');
    expect(articles.body).toContain(own.slug);
    expect(articles.body).not.toContain(`/articles/${others.slug}"`);
    expect((await csv('content-gaps', author)).status).toBe(200);
    for (const table of ['referrers', 'speed']) {
      const refused = await request.get(`/medblog/insight/export?table=${table}&period=30`).set(author);
      expect(refused.status, table).toBe(403);
      expect(refused.body.error.message).toMatch(/site-wide figures are for those who may publish articles/);
    }
  });
});

describe('who may use the Readers endpoints', () => {
  const paths = () => [
    '/medblog/insight/readers?period=7',
    `/medblog/insight/articles/${own.documentId}`,
    '/medblog/insight/export?table=content-gaps&period=7',
  ];

  it('refuses Enquiry staff and Audience with 403 naming the right, and anyone without a login with 401', async () => {
    for (const code of [ROLES.enquiryStaff, ROLES.audience]) {
      for (const path of paths()) {
        const response = await get(path, as(code));
        expect(response.status, `${code} ${path}`).toBe(403);
        expect(response.body.error.message).toMatch(/^You may not read article entries/);
      }
    }
    for (const path of paths()) expect((await request.get(path)).status, path).toBe(401);
  });

  it('lets Super Admins, Editors and Authors in', async () => {
    for (const code of [ROLES.superAdmin, ROLES.editor, ROLES.author]) {
      for (const path of paths()) expect((await get(path, as(code))).status, `${code} ${path}`).toBe(200);
    }
  });
});

describe('bad input', () => {
  const CASES: Array<[string, RegExp]> = [
    ['/medblog/insight/readers?period=14', /^period: must be one of 7, 30, 90 \(days\)$/],
    ['/medblog/insight/readers?period=seven', /^period: must be one of 7, 30, 90/],
    ['/medblog/insight/readers?period=7&period=30', /^period: must be one of 7, 30, 90/],
    [
      '/medblog/insight/export?table=users&period=7',
      /^table: must be one of articles, content-gaps, referrers, speed$/,
    ],
    ['/medblog/insight/export?period=7', /^table: must be one of articles/],
    ['/medblog/insight/export?table=articles&period=1', /^period: must be one of 7, 30, 90/],
    ['/medblog/insight/articles/Not-An-Id!', /^documentId: must be the documentId of an article$/],
  ];

  it('answers 400 naming the parameter', async () => {
    for (const [path, message] of CASES) {
      const response = await get(path, as(ROLES.editor));
      expect(response.status, path).toBe(400);
      expect(response.body.error.message, path).toMatch(message);
    }
  });
});

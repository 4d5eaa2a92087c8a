/**
 * The figures of the editors' Readers page (the admin screen comes next), for the last 7, 30 or 90
 * UTC days, today included: plain JSON (ReadersReport in @medblog/shared), read from the daily
 * tables only.
 * - articles: ranked by page views (article_daily_views, the count "popular" uses), each with its
 *   daily views, phone and desktop views, "Was this page helpful?" answers, comments sent (spam
 *   and staff replies left out) and enquiries sent from its page (`sourcePath` /articles/<slug>; suspected spam left out);
 * - content gaps: searches that found nothing, only those that at least GAP_VISITORS different
 *   readers asked on one same day (readers are told apart a day at a time, never across days, so
 *   one reader asking three days running is not three readers);
 * - referring sites, by readers;
 * - page speed: the 75th percentile per page type and measure, for the period and each day, with
 *   Google's thresholds.
 */
import type { Core } from '@strapi/strapi';
import {
  READERS_PERIODS,
  type ArticleReaders,
  VITAL_THRESHOLDS,
  type ContentGap,
  type InsightPageType,
  type PageSpeed,
  type ReadersArticle,
  type ReadersPeriod,
  type ReadersReport,
  type ReferringSite,
  type VitalMetric,
} from '@medblog/shared';
import { utcDay } from '../../../platform/utils/dates';
import { TABLES } from './collector';
import { p75, rating } from './vitals';

/** Different readers who must have asked a search on one day before editors see it. */
export const GAP_VISITORS = 3;
/** Rows of each list, at most. */
export const REPORT_LIMITS = { articles: 100, contentGaps: 50, referrers: 50 } as const;

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const ENQUIRY = 'api::enquiry.enquiry';
const VIEWS_TABLE = 'article_daily_views';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The period's days, oldest first, ending with `now`'s UTC day. */
export function periodDays(period: ReadersPeriod, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: period }, (_, i) => utcDay(new Date(today - (period - 1 - i) * 86_400_000)));
}

export function isReadersPeriod(value: unknown): value is ReadersPeriod {
  return (READERS_PERIODS as readonly unknown[]).includes(value);
}

const dayText = (value: unknown) => (value instanceof Date ? utcDay(value) : String(value).slice(0, 10));
const int = (value: unknown) => Number(value ?? 0);

type Database = Core.Strapi['db']['connection'];

/** documentId -> figure, from rows of { id, n }. */
const byId = (rows: Array<{ id: string; n: unknown }>) => new Map(rows.map((row) => [row.id, int(row.n)]));

/** Figures of the articles with any in `days`; of `only` these articles when given (an Author's own). */
async function articleFigures(
  strapi: Core.Strapi,
  db: Database,
  days: string[],
  only?: readonly string[],
): Promise<ReadersArticle[]> {
  // Every query of one article set: all of them when `only` is not given.
  const within = (column: string) => (query: { whereIn: (column: string, values: string[]) => unknown }) => {
    if (only) query.whereIn(column, [...only]);
  };
  const [from, to] = [days[0], days[days.length - 1]];
  const fromTime = `${from}T00:00:00.000Z`;
  const articles = strapi.db.metadata.get(ARTICLE).tableName;
  const comments = strapi.db.metadata.get(COMMENT);
  const link = (comments.attributes.article as unknown as { joinTable: JoinTable }).joinTable;
  const enquiries = strapi.db.metadata.get(ENQUIRY).tableName;

  const [views, screens, commentRows, enquiryRows] = await Promise.all([
    db(VIEWS_TABLE)
      .select({ id: 'article_document_id' })
      .sum({ n: 'views' })
      .whereBetween('day', [from, to])
      .modify(within('article_document_id'))
      .groupBy('article_document_id'),
    db(TABLES.articleDays)
      .select({ id: 'article_document_id' })
      .sum({ phone: 'phone_views', desktop: 'desktop_views', yes: 'helpful_yes', no: 'helpful_no' })
      .whereBetween('day', [from, to])
      .modify(within('article_document_id'))
      .groupBy('article_document_id'),
    db(comments.tableName)
      .join(link.name, `${link.name}.${link.joinColumn.name}`, `${comments.tableName}.id`)
      .join(articles, `${articles}.id`, `${link.name}.${link.inverseJoinColumn.name}`)
      .select({ id: `${articles}.document_id` })
      .countDistinct({ n: `${comments.tableName}.document_id` })
      .where(`${comments.tableName}.created_at`, '>=', fromTime)
      .whereNot(`${comments.tableName}.moderation_status`, 'spam')
      // Readers' comments: staff replies (with a badge) are not.
      .whereNull(`${comments.tableName}.badge`)
      .modify(within(`${articles}.document_id`))
      .groupBy(`${articles}.document_id`),
    db(enquiries)
      .select({ path: 'source_path' })
      .countDistinct({ n: 'document_id' })
      .where('created_at', '>=', fromTime)
      .where('source_path', 'like', '/articles/%')
      .where((query) => query.whereNull('handling_status').orWhereNot('handling_status', 'suspected-spam'))
      .groupBy('source_path'),
  ]);

  // Enquiries name their page: /articles/<slug>, perhaps with a query, a fragment or a slash.
  const enquiriesBySlug = new Map<string, number>();
  for (const row of enquiryRows as Array<{ path: string; n: unknown }>) {
    const slug = row.path.slice('/articles/'.length).split(/[/?#]/)[0];
    if (slug) enquiriesBySlug.set(slug, (enquiriesBySlug.get(slug) ?? 0) + int(row.n));
  }
  const viewsById = byId(views as Array<{ id: string; n: unknown }>);
  const screensById = new Map(
    (screens as Array<{ id: string; phone: unknown; desktop: unknown; yes: unknown; no: unknown }>).map((row) => [
      row.id,
      row,
    ]),
  );
  const commentsById = byId(commentRows as Array<{ id: string; n: unknown }>);

  // Every article with a figure; titles and slugs from its published version, else its draft.
  const slugRows = enquiriesBySlug.size
    ? ((await db(articles)
        .distinct({ id: 'document_id' })
        .whereIn('slug', [...enquiriesBySlug.keys()])) as Array<{ id: string }>)
    : [];
  const ids = [
    ...new Set([...viewsById.keys(), ...screensById.keys(), ...commentsById.keys(), ...slugRows.map((row) => row.id)]),
  ].filter((id) => !only || only.includes(id));
  if (!ids.length) return [];
  const meta = (await db(articles)
    .distinctOn('document_id')
    .select({ id: 'document_id', title: 'title', slug: 'slug' })
    .whereIn('document_id', ids)
    .orderBy([{ column: 'document_id' }, { column: 'published_at', order: 'desc', nulls: 'last' }])) as Array<{
    id: string;
    title: string;
    slug: string | null;
  }>;

  const ranked = meta
    .map((article): ReadersArticle => {
      const screen = screensById.get(article.id);
      const [yes, no] = [int(screen?.yes), int(screen?.no)];
      return {
        documentId: article.id,
        title: article.title,
        slug: article.slug,
        views: viewsById.get(article.id) ?? 0,
        dailyViews: [],
        phoneViews: int(screen?.phone),
        desktopViews: int(screen?.desktop),
        helpfulYes: yes,
        helpfulNo: no,
        helpfulPercent: yes + no ? Math.round((100 * yes) / (yes + no)) : null,
        comments: commentsById.get(article.id) ?? 0,
        enquiries: article.slug ? (enquiriesBySlug.get(article.slug) ?? 0) : 0,
      };
    })
    .sort(
      (a, b) =>
        b.views - a.views ||
        b.helpfulYes + b.helpfulNo - (a.helpfulYes + a.helpfulNo) ||
        b.enquiries - a.enquiries ||
        b.comments - a.comments ||
        a.title.localeCompare(b.title),
    )
    .slice(0, REPORT_LIMITS.articles);

  const series = (await db(VIEWS_TABLE)
    .select({ id: 'article_document_id', day: 'day', n: 'views' })
    .whereBetween('day', [from, to])
    .whereIn(
      'article_document_id',
      ranked.map((article) => article.documentId),
    )) as Array<{ id: string; day: unknown; n: unknown }>;
  const index = new Map(days.map((day, i) => [day, i]));
  const dailyById = new Map(ranked.map((article) => [article.documentId, days.map(() => 0)]));
  for (const row of series) {
    const i = index.get(dayText(row.day));
    const daily = dailyById.get(row.id);
    if (daily && i !== undefined) daily[i] += int(row.n);
  }
  return ranked.map((article) => ({ ...article, dailyViews: dailyById.get(article.documentId)! }));
}

async function contentGaps(db: Database, days: string[]): Promise<ContentGap[]> {
  const rows = (await db(TABLES.searches)
    .select('query')
    .sum({ searches: 'searches', visitors: 'visitors' })
    .max({ last: 'day' })
    .whereBetween('day', [days[0], days[days.length - 1]])
    .groupBy('query')
    .havingRaw('MAX(visitors) >= ?', [GAP_VISITORS])
    .orderBy([{ column: 'visitors', order: 'desc' }, { column: 'searches', order: 'desc' }, { column: 'query' }])
    .limit(REPORT_LIMITS.contentGaps)) as Array<{ query: string; searches: unknown; visitors: unknown; last: unknown }>;
  return rows.map((row) => ({
    query: row.query,
    searches: int(row.searches),
    visitors: int(row.visitors),
    lastAsked: dayText(row.last),
  }));
}

async function referrers(db: Database, days: string[]): Promise<ReferringSite[]> {
  const rows = (await db(TABLES.referrers)
    .select('domain')
    .sum({ visitors: 'visitors' })
    .whereBetween('day', [days[0], days[days.length - 1]])
    .groupBy('domain')
    .orderBy([{ column: 'visitors', order: 'desc' }, { column: 'domain' }])
    .limit(REPORT_LIMITS.referrers)) as Array<{ domain: string; visitors: unknown }>;
  return rows.map((row) => ({ domain: row.domain, visitors: int(row.visitors) }));
}

async function speed(db: Database, days: string[]): Promise<PageSpeed[]> {
  const rows = (await db(TABLES.vitals)
    .select('day', 'page_type', 'metric', 'bucket', 'count')
    .whereBetween('day', [days[0], days[days.length - 1]])) as Array<{
    day: unknown;
    page_type: InsightPageType;
    metric: VitalMetric;
    bucket: unknown;
    count: unknown;
  }>;
  const index = new Map(days.map((day, i) => [day, i]));
  // page type + measure -> the period's buckets and each day's.
  const groups = new Map<string, { period: Map<number, number>; daily: Array<Map<number, number>> }>();
  for (const row of rows) {
    const key = `${row.page_type}|${row.metric}`;
    const group = groups.get(key) ?? { period: new Map(), daily: days.map(() => new Map()) };
    groups.set(key, group);
    const [bucket, count] = [Number(row.bucket), int(row.count)];
    group.period.set(bucket, (group.period.get(bucket) ?? 0) + count);
    const day = group.daily[index.get(dayText(row.day)) ?? -1];
    day?.set(bucket, (day.get(bucket) ?? 0) + count);
  }
  return [...groups.entries()]
    .map(([key, group]): PageSpeed => {
      const [pageType, metric] = key.split('|') as [InsightPageType, VitalMetric];
      const value = p75(metric, group.period);
      const { good, poor, unit } = VITAL_THRESHOLDS[metric];
      return {
        pageType,
        metric,
        p75: value,
        rating: rating(metric, value),
        samples: [...group.period.values()].reduce((sum, count) => sum + count, 0),
        good,
        poor,
        unit,
        daily: group.daily.map((buckets) => p75(metric, buckets)),
      };
    })
    .sort((a, b) => a.pageType.localeCompare(b.pageType) || a.metric.localeCompare(b.metric));
}

/**
 * The Readers page's figures for the last `period` days (7, 30 or 90), today included; `articles`
 * keeps the article list to those (an Author's own), the site-wide lists staying whole.
 */
export async function readersReport(
  strapi: Core.Strapi,
  period: ReadersPeriod,
  { now = new Date(), articles: only }: { now?: Date; articles?: readonly string[] } = {},
): Promise<ReadersReport> {
  if (!isReadersPeriod(period)) throw new Error(`The period must be one of ${READERS_PERIODS.join(', ')} days`);
  const db = strapi.db.connection;
  const days = periodDays(period, now);
  const [articles, gaps, sites, pageSpeed] = await Promise.all([
    articleFigures(strapi, db, days, only),
    contentGaps(db, days),
    referrers(db, days),
    speed(db, days),
  ]);
  return { period, days, articles, contentGaps: gaps, referrers: sites, speed: pageSpeed };
}

/** The latest notes an article's edit view shows. */
export const ARTICLE_NOTES = 10;

/**
 * What an article's edit view shows: its figures of the last 30 days (zero when it has none) and
 * its latest "What was missing?" notes, newest first.
 */
export async function articleReaders(
  strapi: Core.Strapi,
  documentId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<ArticleReaders> {
  const period = 30;
  const days = periodDays(period, now);
  const [figures, notes] = await Promise.all([
    articleFigures(strapi, strapi.db.connection, days, [documentId]),
    strapi.db
      .connection(TABLES.notes)
      .select('day', 'answer', 'note', { createdAt: 'created_at' })
      .where('article_document_id', documentId)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(ARTICLE_NOTES) as Promise<Array<{ day: unknown; answer: 'yes' | 'no'; note: string; createdAt: unknown }>>,
  ]);
  const found = figures[0];
  return {
    documentId,
    period,
    days,
    views: found?.views ?? 0,
    dailyViews: found?.dailyViews ?? days.map(() => 0),
    phoneViews: found?.phoneViews ?? 0,
    desktopViews: found?.desktopViews ?? 0,
    helpfulYes: found?.helpfulYes ?? 0,
    helpfulNo: found?.helpfulNo ?? 0,
    helpfulPercent: found?.helpfulPercent ?? null,
    comments: found?.comments ?? 0,
    enquiries: found?.enquiries ?? 0,
    notes: notes.map((row) => ({
      day: dayText(row.day),
      answer: row.answer,
      note: row.note,
      createdAt: new Date(row.createdAt as string).toISOString(),
    })),
  };
}

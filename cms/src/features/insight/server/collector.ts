/**
 * What a beacon reports, counted (never stored as it came) and written to PostgreSQL in batches:
 * one multi-row upsert per table every INSIGHT_FLUSH_SECONDS and at shutdown, as page views are
 * (features/articles/server/page-views.ts). With Redis the counts wait there (one HINCRBY per
 * figure, one round trip per beacon), shared by every instance, and one instance at a time moves
 * them to the database (runExclusive), so nothing is written twice. Without Redis, or while it is
 * unreachable, each instance keeps its own counts in memory and writes only those.
 *
 * Each reader counts once a day per figure, told apart as the page views do (a salted hash of the
 * address remembered until midnight, in memory or Redis, never in the database):
 * - an article view counts towards the article's page views through the very "once per visitor per
 *   article per day" of POST /api/articles/{documentId}/views, so the two never count one reading
 *   twice; the beacon's view adds the screen kind (phone or desktop) once a day per article;
 * - a referring site counts once per reader per domain per day; the site's own domain never;
 * - "Was this page helpful?" counts the first answer per reader per article per day, and the first
 *   note (a later beacon may bring it), with e-mail addresses and phone numbers taken out;
 * - a search that found nothing counts each time, and its reader once a day (how many different
 *   readers asked it); one that looks like an e-mail address or a phone number is dropped;
 * - speed measures count at most VITALS_PER_DAY per reader, page type and measure a day.
 */
import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import {
  INSIGHT_LIMITS,
  looksPersonal,
  normaliseSearchQuery,
  referrerDomain,
  removePersonalDetails,
  type InsightEvent,
} from '@medblog/shared';
import { redis } from '../../../platform/redis';
import { runExclusive } from '../../../platform/exclusive';
import { firstTimeToday, withinToday } from '../../../platform/limits/rate-limit';
import { utcDay } from '../../../platform/utils/dates';
import { createArticleResolver } from './articles';
import { bucketOf } from './vitals';

export const TABLES = {
  articleDays: 'insight_article_days',
  referrers: 'insight_referrers',
  searches: 'insight_searches',
  vitals: 'insight_vitals',
  notes: 'insight_helpful_notes',
} as const;

/** Speed measures one reader adds per page type and measure a day (a reader opens a few pages). */
export const VITALS_PER_DAY = 20;

// Counts not written yet, as a hash of figure -> count, and the notes as a list of JSON.
const PENDING = 'insight';
const PENDING_NOTES = 'insight:notes';
// The batch being written; when writing fails it stays, and the next flush writes it first.
const FLUSHING = 'insight:flushing';
const FLUSHING_NOTES = 'insight:notes:flushing';

const ARTICLE_COLUMNS = ['phone_views', 'desktop_views', 'helpful_yes', 'helpful_no'] as const;
type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];
const SEARCH_COLUMNS = ['searches', 'visitors'] as const;

/** One figure of the hash: the table's key and column, written so it can be read back. */
const figure = {
  article: (day: string, documentId: string, column: ArticleColumn) => `a|${day}|${documentId}|${column}`,
  referrer: (day: string, domain: string) => `r|${day}|${domain}`,
  search: (day: string, column: (typeof SEARCH_COLUMNS)[number], query: string) => `s|${day}|${column}|${query}`,
  vital: (day: string, pageType: string, metric: string, bucket: number) => `v|${day}|${pageType}|${metric}|${bucket}`,
};

export interface Note {
  article: string;
  day: string;
  answer: 'yes' | 'no';
  note: string;
}

type Database = Core.Strapi['db']['connection'];

const CHUNK = 1000;

async function upsert(db: Database, table: string, rows: object[], key: string[], sums: string[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db(table)
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(key)
      .merge(
        Object.fromEntries(sums.map((column) => [column, db.raw('??.?? + excluded.??', [table, column, column])])),
      );
  }
}

/** Writes `counts` and `notes` (in `db`, a transaction when given one); returns how many rows. */
async function write(db: Database, counts: Array<[string, number]>, notes: Note[]): Promise<number> {
  const articles = new Map<string, Record<string, string | number>>();
  const referrers: object[] = [];
  const searches = new Map<string, Record<string, string | number>>();
  const vitals: object[] = [];
  for (const [field, count] of counts) {
    if (!count) continue;
    const [kind, day, ...rest] = field.split('|');
    if (kind === 'a') {
      const [documentId, column] = rest;
      const key = `${day}|${documentId}`;
      const row = articles.get(key) ?? { day, article_document_id: documentId, ...zeros(ARTICLE_COLUMNS) };
      row[column] = Number(row[column]) + count;
      articles.set(key, row);
    } else if (kind === 'r') {
      referrers.push({ day, domain: rest.join('|'), visitors: count });
    } else if (kind === 's') {
      const [column, ...query] = rest;
      const text = query.join('|');
      const key = `${day}|${text}`;
      const row = searches.get(key) ?? { day, query: text, ...zeros(SEARCH_COLUMNS) };
      row[column] = Number(row[column]) + count;
      searches.set(key, row);
    } else if (kind === 'v') {
      const [pageType, metric, bucket] = rest;
      vitals.push({ day, page_type: pageType, metric, bucket: Number(bucket), count });
    }
  }
  await upsert(db, TABLES.articleDays, [...articles.values()], ['day', 'article_document_id'], [...ARTICLE_COLUMNS]);
  await upsert(db, TABLES.referrers, referrers, ['day', 'domain'], ['visitors']);
  await upsert(db, TABLES.searches, [...searches.values()], ['day', 'query'], [...SEARCH_COLUMNS]);
  await upsert(db, TABLES.vitals, vitals, ['day', 'page_type', 'metric', 'bucket'], ['count']);
  for (let i = 0; i < notes.length; i += CHUNK) {
    await db(TABLES.notes).insert(
      notes
        .slice(i, i + CHUNK)
        .map(({ article, day, answer, note }) => ({ article_document_id: article, day, answer, note })),
    );
  }
  return articles.size + referrers.length + searches.size + vitals.length + notes.length;
}

const zeros = (columns: readonly string[]) => Object.fromEntries(columns.map((column) => [column, 0]));

/** The site's own domains (its public address and the CMS's): never counted as referring sites. */
function ownDomains(strapi: Core.Strapi): Set<string> {
  const addresses = [strapi.config.get('site.publicUrl', ''), strapi.config.get('server.url', '')] as string[];
  return new Set(addresses.flatMap((address) => (address ? [referrerDomain(address) ?? ''] : [])).filter(Boolean));
}

export function createInsightCollector(strapi: Core.Strapi) {
  let memory = new Map<string, number>();
  let memoryNotes: Note[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const articles = createArticleResolver(strapi);
  // Read once, on the first referrer: the addresses are settings of the process.
  let own: Set<string> | undefined;
  const isOwnDomain = (domain: string) => (own ??= ownDomains(strapi)).has(domain);

  /** What one event adds: figures to count and at most one note. */
  async function countEvent(
    event: InsightEvent,
    visitor: string,
    now: Date,
    articleOf: (ref: { article?: string; slug?: string }) => string | null,
  ): Promise<{ figures: string[]; note?: Note }> {
    const day = utcDay(now);
    const once = (name: string, key: string) => firstTimeToday(strapi, name, `${key}:${visitor}`, now);
    const figures: string[] = [];
    switch (event.type) {
      case 'view': {
        const documentId = event.pageType === 'article' ? articleOf(event) : null;
        if (documentId) {
          // The page views' own count, shared with POST /api/articles/{documentId}/views.
          if (await once('article-view', documentId)) {
            await strapi.service('api::article.article').addView(documentId);
          }
          if (event.viewportWidth !== undefined && (await once('insight-screen', documentId))) {
            const phone = event.viewportWidth < INSIGHT_LIMITS.phoneBelowPx;
            figures.push(figure.article(day, documentId, phone ? 'phone_views' : 'desktop_views'));
          }
        }
        const domain = event.referrer ? referrerDomain(event.referrer) : null;
        if (domain && !isOwnDomain(domain) && (await once('insight-referrer', domain))) {
          figures.push(figure.referrer(day, domain));
        }
        return { figures };
      }
      case 'helpful': {
        const documentId = articleOf(event);
        if (!documentId) return { figures };
        if (await once('insight-helpful', documentId)) {
          figures.push(figure.article(day, documentId, event.answer === 'yes' ? 'helpful_yes' : 'helpful_no'));
        }
        const note = event.note ? removePersonalDetails(event.note).trim() : '';
        if (note && (await once('insight-note', documentId))) {
          return { figures, note: { article: documentId, day, answer: event.answer, note } };
        }
        return { figures };
      }
      case 'search': {
        if (event.results > 0) return { figures };
        const query = normaliseSearchQuery(event.query);
        // Never stored, not even counted: it may be a reader's own address or number.
        if (!query || looksPersonal(event.query) || looksPersonal(query)) return { figures };
        figures.push(figure.search(day, 'searches', query));
        if (await once('insight-search', query)) figures.push(figure.search(day, 'visitors', query));
        return { figures };
      }
      case 'vital': {
        const key = `${event.pageType}:${event.name}:${visitor}`;
        if (await withinToday(strapi, 'insight-vital', key, VITALS_PER_DAY, now)) {
          figures.push(figure.vital(day, event.pageType, event.name, bucketOf(event.name, event.value)));
        }
        return { figures };
      }
    }
  }

  const remember = (figures: Array<[string, number]>, notes: Note[]) => {
    for (const [field, count] of figures) memory.set(field, (memory.get(field) ?? 0) + count);
    memoryNotes.push(...notes);
  };

  async function flushMemory() {
    const batch = memory;
    const notes = memoryNotes;
    memory = new Map();
    memoryNotes = [];
    try {
      return await write(strapi.db.connection, [...batch], notes);
    } catch (error) {
      remember([...batch], notes);
      throw error;
    }
  }

  async function flushRedis(client: Redis) {
    let written = 0;
    await runExclusive(strapi, 'insight-flush', async (trx) => {
      // A batch left by a failed flush is written first; what arrives meanwhile starts new keys.
      for (const [pending, batch] of [
        [PENDING, FLUSHING],
        [PENDING_NOTES, FLUSHING_NOTES],
      ]) {
        if (!(await client.exists(batch)) && (await client.exists(pending))) await client.rename(pending, batch);
      }
      const counts = await client.hgetall(FLUSHING);
      const notes = (await client.lrange(FLUSHING_NOTES, 0, -1)).map((json) => JSON.parse(json) as Note);
      written = await write(
        trx,
        Object.entries(counts).map(([field, count]) => [field, Number(count)]),
        notes,
      );
      // Deleted before the commit: if deleting fails, the rows roll back and the batch is retried.
      await client.del(FLUSHING, FLUSHING_NOTES);
    });
    return written;
  }

  async function flushNow() {
    await flushMemory();
    const client = redis(strapi);
    // While Redis is unreachable its counts wait there; they are written once it is back.
    if (client?.status === 'ready') await flushRedis(client);
  }

  return {
    /** Counts a beacon's events for `visitor` (a salted hash); they reach the tables with the next flush. */
    async add(events: InsightEvent[], visitor: string, now = new Date()): Promise<void> {
      const refs = events.flatMap((event) =>
        (event.type === 'view' && event.pageType === 'article') || event.type === 'helpful' ? [event] : [],
      );
      const articleOf = await articles.resolve(refs);
      const counted = await Promise.all(events.map((event) => countEvent(event, visitor, now, articleOf)));
      const figures = new Map<string, number>();
      for (const field of counted.flatMap((item) => item.figures)) figures.set(field, (figures.get(field) ?? 0) + 1);
      const notes = counted.flatMap((item) => (item.note ? [item.note] : []));
      if (!figures.size && !notes.length) return;
      const client = redis(strapi);
      if (client) {
        try {
          const transaction = client.multi();
          for (const [field, count] of figures) transaction.hincrby(PENDING, field, count);
          for (const note of notes) transaction.rpush(PENDING_NOTES, JSON.stringify(note));
          await transaction.exec();
          return;
        } catch {
          // Redis is unreachable: this instance keeps the counts until it can write them itself.
        }
      }
      remember([...figures], notes);
    },

    /** Writes what was counted so far; one flush at a time in this process. */
    flush(): Promise<void> {
      flushing = flushing.catch(() => {}).then(flushNow);
      return flushing;
    },

    start() {
      const { flushSeconds } = strapi.config.get('insight') as { flushSeconds: number };
      timer = setInterval(() => {
        this.flush().catch((error: Error) => strapi.log.warn(`Insight figures not written yet: ${error.message}`));
      }, flushSeconds * 1000);
      timer.unref();
    },

    /** At shutdown: no more scheduled flushes, and a last one. */
    async stop() {
      clearInterval(timer);
      await this.flush();
    },
  };
}

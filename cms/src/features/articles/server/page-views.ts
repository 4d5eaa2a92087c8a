/**
 * Page views are counted as they arrive and written to PostgreSQL in batches, one multi-row upsert
 * every few seconds (config/page-views.ts) and at shutdown, instead of an UPDATE of one hot row per
 * view. So the popular list lags behind the views by up to that interval.
 *
 * With Redis the counts wait there (HINCRBY), shared by every instance, and one instance at a time
 * moves them to the database (runExclusive), so no view is written twice. Without Redis, or while
 * it is unreachable, each instance keeps its own counts in memory and writes only those.
 */
import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { redis } from '../../../platform/redis';
import { runExclusive } from '../../../platform/exclusive';
import { apiCache, CACHE_TAGS } from '../../../platform/cache/store';

export const VIEWS_TABLE = 'article_daily_views';
// Views not written yet, as a hash of "documentId/day" to a count.
const PENDING = 'page-views';
// The batch being written; when writing fails it stays, and the next flush writes it first.
const FLUSHING = 'page-views:flushing';

type Database = Core.Strapi['db']['connection'];

/** Writes `counts`; returns how many rows it wrote. */
async function write(db: Database, counts: Array<[field: string, views: number]>): Promise<number> {
  if (!counts.length) return 0;
  const rows = counts.map(([field, views]) => {
    const [documentId, day] = field.split('/');
    return { article_document_id: documentId, day, views };
  });
  await db(VIEWS_TABLE)
    .insert(rows)
    .onConflict(['article_document_id', 'day'])
    .merge({ views: db.raw('??.views + excluded.views', [VIEWS_TABLE]) });
  return rows.length;
}

export function createViewCounter(strapi: Core.Strapi) {
  let memory = new Map<string, number>();
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const remember = (field: string, views: number) => memory.set(field, (memory.get(field) ?? 0) + views);

  async function flushMemory() {
    const batch = memory;
    memory = new Map();
    try {
      return await write(strapi.db.connection, [...batch]);
    } catch (error) {
      for (const [field, views] of batch) remember(field, views);
      throw error;
    }
  }

  async function flushRedis(client: Redis) {
    let written = 0;
    await runExclusive(strapi, 'page-view-flush', async (trx) => {
      if (!(await client.exists(FLUSHING))) {
        if (!(await client.exists(PENDING))) return;
        // Views arriving from now on start a new hash.
        await client.rename(PENDING, FLUSHING);
      }
      const batch = await client.hgetall(FLUSHING);
      written = await write(
        trx,
        Object.entries(batch).map(([field, views]) => [field, Number(views)]),
      );
      // Deleted before the commit: if deleting fails, the rows roll back and the batch is retried.
      // Only a commit failing after it loses the batch; nothing is ever counted twice.
      await client.del(FLUSHING);
    });
    return written;
  }

  async function flushNow() {
    let written = await flushMemory();
    const client = redis(strapi);
    // While Redis is unreachable its counts wait there; they are written once it is back.
    if (client?.status === 'ready') written += await flushRedis(client);
    // The popular list changed (after the commit: a list computed before it must not be kept).
    if (written) await apiCache(strapi).invalidate([CACHE_TAGS.views]);
  }

  return {
    async add(documentId: string, day: string): Promise<void> {
      const field = `${documentId}/${day}`;
      const client = redis(strapi);
      if (client) {
        try {
          await client.hincrby(PENDING, field, 1);
          return;
        } catch {
          // Redis is unreachable: this instance keeps the view until it can write it itself.
        }
      }
      remember(field, 1);
    },

    /** Writes the counted views to the database; one flush at a time in this process. */
    flush(): Promise<void> {
      flushing = flushing.catch(() => {}).then(flushNow);
      return flushing;
    },

    start() {
      const { flushSeconds } = strapi.config.get('page-views') as { flushSeconds: number };
      timer = setInterval(() => {
        this.flush().catch((error: Error) => strapi.log.warn(`Page views not written yet: ${error.message}`));
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

/**
 * Forgetting: the daily figures and notes older than INSIGHT_RETENTION_DAYS (730 by default) are
 * deleted once a day, on the platform's queue (once across instances). Nothing else needs it: no
 * raw beacon is ever stored, and who counted today is remembered only until midnight (in memory or
 * Redis, by the rate limiter), never in the database.
 */
import type { Core } from '@strapi/strapi';
import { defineJob, registerJobs } from '../../../platform/jobs/queue';
import { TABLES } from './collector';

const DAILY_TABLES = [TABLES.articleDays, TABLES.referrers, TABLES.searches, TABLES.vitals, TABLES.notes];

/** Deletes what is older than the retention; returns how many rows went. */
export async function forgetOldInsight(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const days = strapi.config.get('insight.retentionDays') as number;
  const oldest = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  let deleted = 0;
  for (const table of DAILY_TABLES) deleted += await strapi.db.connection(table).where('day', '<', oldest).delete();
  return deleted;
}

export const insightRetentionJob = defineJob<Record<string, never>>({
  name: 'insight-retention',
  schedule: (strapi) => strapi.config.get('insight.retentionSchedule') as string,
  async handle(strapi) {
    const deleted = await forgetOldInsight(strapi);
    if (deleted) strapi.log.info(`Insight: deleted ${deleted} daily figure(s) older than the retention`);
  },
});

export function registerInsightJobs(): void {
  registerJobs(insightRetentionJob);
}

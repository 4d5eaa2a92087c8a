// What readers' browsers report (src/features/insight): counted as they arrive, written to the
// database in batches, kept as daily figures for a while.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // How often the counted events are written (one write per table per flush, and at shutdown).
  flushSeconds: env.int('INSIGHT_FLUSH_SECONDS', 5),
  // How long the daily figures and the "What was missing?" notes are kept.
  retentionDays: env.int('INSIGHT_RETENTION_DAYS', 730),
  // When the figures older than that are deleted: a cron expression, UTC (daily at 03:20).
  retentionSchedule: env('INSIGHT_RETENTION_SCHEDULE', '20 3 * * *'),
});

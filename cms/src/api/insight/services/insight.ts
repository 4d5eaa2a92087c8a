import type { Core } from '@strapi/strapi';
import type { InsightEvent, ReadersPeriod } from '@medblog/shared';
import { createInsightCollector } from '../../../features/insight/server/collector';
import { readersReport } from '../../../features/insight/server/readers';
import { forgetOldInsight } from '../../../features/insight/server/retention';

/** What readers' browsers report (src/features/insight/server): counting, writing in batches, the Readers figures. */
const insightService = ({ strapi }: { strapi: Core.Strapi }) => {
  const collector = createInsightCollector(strapi);
  return {
    collect: (events: InsightEvent[], visitor: string) => collector.add(events, visitor),
    /** Writes what was counted so far (tests call it before reading the tables). */
    flush: () => collector.flush(),
    startFlushing: () => collector.start(),
    stopFlushing: () => collector.stop(),
    /** What the daily retention job does (tests run it now). */
    forgetOld: (now?: Date) => forgetOldInsight(strapi, now),
    readers: (period: ReadersPeriod, options?: { now?: Date }) => readersReport(strapi, period, options),
  };
};

export type InsightService = ReturnType<typeof insightService>;
export default insightService;

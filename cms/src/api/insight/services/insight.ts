import type { Core } from '@strapi/strapi';
import type { InsightEvent, ReadersPeriod } from '@medblog/shared';
import { createInsightCollector } from '../../../features/insight/server/collector';
import { articleReaders, readersReport } from '../../../features/insight/server/readers';
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
    /** The Readers page's figures (`articles`: only these articles in its list, as for an Author). */
    readers: (period: ReadersPeriod, options?: { now?: Date; articles?: readonly string[] }) =>
      readersReport(strapi, period, options),
    /** An article's edit view's figures and notes. */
    article: (documentId: string, options?: { now?: Date }) => articleReaders(strapi, documentId, options),
  };
};

export type InsightService = ReturnType<typeof insightService>;
export default insightService;

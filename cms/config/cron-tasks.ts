// Work the CMS does on its own, on a timer (Strapi's cron, enabled in config/server.ts).
import type { Core } from '@strapi/strapi';
import { runSchedule } from '../src/features/scheduling/server/scheduling';

export default {
  articleSchedule: {
    // Every 30 seconds: a "Publish at" or "Unpublish at" acts within a minute of its time.
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await runSchedule(strapi);
      } catch (error) {
        strapi.log.error(`Scheduled publishing failed, it tries again in 30 s: ${(error as Error).message}`);
      }
    },
    options: { rule: '*/30 * * * * *' },
  },
};

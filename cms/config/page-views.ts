// Page views are counted as they arrive and written to the database in batches (src/features/articles/server/page-views.ts).
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  flushSeconds: env.int('VIEW_FLUSH_SECONDS', 5),
});

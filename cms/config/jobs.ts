// The job queue (src/platform/jobs/queue.ts): pg-boss in its own schema of the CMS's database.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  schema: env('JOBS_SCHEMA', 'pgboss'),
  // How often an idle worker looks for new jobs.
  pollingIntervalSeconds: env.float('JOBS_POLL_SECONDS', 2),
  // How often pg-boss looks for jobs of an instance that stopped answering (to hand them on).
  superviseIntervalSeconds: env.int('JOBS_SUPERVISE_SECONDS', 30),
});

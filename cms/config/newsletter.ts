// E-mail subscriptions (src/features/newsletter).
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The first wait before a refused or failed e-mail is tried again; it doubles each try.
  retryDelaySeconds: env.int('NEWSLETTER_RETRY_DELAY_SECONDS', 10),
  // E-mails to subscribers an instance takes from the queue at a time, and with how many workers;
  // the rate they go out at is NEWSLETTER_MAX_PER_SECOND (config/plugins.ts).
  batchSize: env.int('NEWSLETTER_BATCH_SIZE', 20),
  concurrency: env.int('NEWSLETTER_WORKERS', 2),
  // When the CMS looks whether the weekly digest is due (its day and hour are in the Newsletter
  // settings): a cron expression, UTC.
  digestSchedule: env('NEWSLETTER_DIGEST_SCHEDULE', '*/15 * * * *'),
});

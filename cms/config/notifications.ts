// Notification e-mails (src/platform/mail.ts): one retry after a failed send, and a cap on
// the messages waiting for the mail server so a long outage cannot fill memory.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  retryDelayMs: env.int('EMAIL_RETRY_DELAY_MS', 30_000),
  maxPending: env.int('EMAIL_MAX_PENDING', 100),
});

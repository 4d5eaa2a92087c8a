// E-mail subscriptions (src/features/newsletter).
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The first wait before a refused or failed e-mail is tried again; it doubles each try.
  retryDelaySeconds: env.int('NEWSLETTER_RETRY_DELAY_SECONDS', 10),
});

import type { Core } from '@strapi/strapi';
import { assertSecretsPresent, secret } from '../src/platform/utils/secrets';
import cronTasks from './cron-tasks';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  assertSecretsPresent();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL of the CMS (used in links of notification e-mails and by the admin).
    url: env('PUBLIC_URL', ''),
    // Behind a load balancer or CDN, the client address is read from X-Forwarded-For, trusting
    // only the last PROXY_HOPS entries (the ones our own proxies added); without BEHIND_PROXY the
    // header is ignored, so a visitor cannot pick its own address.
    proxy: { koa: env.bool('BEHIND_PROXY', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
    app: { keys: secret('APP_KEYS').split(',') },
    // Scheduled publishing (config/cron-tasks.ts); safe on every instance, it runs under a lock.
    cron: { enabled: true, tasks: cronTasks },
  };
};

import { assertSecretsPresent, secret } from '../src/utils/secrets';

export default ({ env }) => {
  assertSecretsPresent();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL of the CMS (used in links of notification e-mails and by the admin).
    url: env('PUBLIC_URL', ''),
    proxy: { koa: env.bool('BEHIND_PROXY', false) },
    app: { keys: secret('APP_KEYS').split(',') },
  };
};

import type { Core } from '@strapi/strapi';
import { createPreviewToken } from '../src/features/preview/server/token';
import { adminAbility, mayReadEntry } from '../src/platform/access/admin-access';
import { secret } from '../src/platform/utils/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: secret('ADMIN_JWT_SECRET') },
  apiToken: { salt: secret('API_TOKEN_SALT') },
  transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
  // The admin panel's path on this server.
  url: env('ADMIN_PATH', '/admin'),
  // The Preview button of an article opens the reader site's preview of its draft, with a
  // short-lived link for that one article (src/features/preview/server/token.ts), for an admin who may read it
  // (src/features/preview/server/read-guards.ts).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [new URL(env('SITE_URL', 'http://localhost:5173')).origin],
      async handler(uid: string, { documentId }: { documentId?: string }) {
        if (uid !== 'api::article.article' || !documentId) return null;
        // The token opens the draft without a login: none without a signed-in admin who may read it.
        const ability = adminAbility(strapi.requestContext.get());
        if (!(await mayReadEntry(strapi, ability, uid, documentId))) return null;
        const site = env('SITE_URL', 'http://localhost:5173').replace(/\/+$/, '');
        return `${site}/preview/${documentId}?token=${createPreviewToken(documentId)}`;
      },
    },
  },
  // Strapi's limit on admin logins: attempts per e-mail address and client address in 5 minutes.
  rateLimit: { enabled: true, interval: { min: 5 }, max: env.int('ADMIN_LOGIN_RATE_MAX', 5) },
  flags: { nps: false, promoteEE: false },
});

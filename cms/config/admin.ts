import type { Core } from '@strapi/strapi';
import { secret } from '../src/utils/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: secret('ADMIN_JWT_SECRET') },
  apiToken: { salt: secret('API_TOKEN_SALT') },
  transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
  // The admin panel's path on this server.
  url: env('ADMIN_PATH', '/admin'),
  // No Preview: the site has no preview mode, and staff should not meet a "Set up preview" link.
  preview: { enabled: false },
  flags: { nps: false, promoteEE: false },
});

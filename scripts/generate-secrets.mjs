// Prints fresh random values for every secret production needs, as lines for a .env file:
//   node scripts/generate-secrets.mjs >> cms/.env
import { randomBytes } from 'node:crypto';

const value = () => randomBytes(24).toString('base64url');
const lines = {
  APP_KEYS: [value(), value(), value(), value()].join(','),
  API_TOKEN_SALT: value(),
  ADMIN_JWT_SECRET: value(),
  TRANSFER_TOKEN_SALT: value(),
  JWT_SECRET: value(),
  ENCRYPTION_KEY: value(),
  IP_HASH_SALT: value(),
  NEWSLETTER_SECRET: value(),
  // The site's server checks the CMS's purge calls with the same value.
  PURGE_SECRET: value(),
};
for (const [name, secret] of Object.entries(lines)) console.log(`${name}=${secret}`);

/**
 * Secrets the CMS needs. In production each must come from the environment, and start-up stops
 * with one message naming every missing one. In development and tests, fixed development values
 * stand in so `pnpm dev` works on a fresh clone; they are public and must never reach production.
 */
const DEV_DEFAULTS: Record<string, string> = {
  APP_KEYS: 'devKeyA,devKeyB',
  API_TOKEN_SALT: 'dev-api-token-salt',
  ADMIN_JWT_SECRET: 'dev-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'dev-transfer-token-salt',
  JWT_SECRET: 'dev-users-permissions-jwt-secret',
  ENCRYPTION_KEY: 'dev-encryption-key-32-characters',
  IP_HASH_SALT: 'dev-ip-hash-salt',
  // Signs the links of subscription e-mails (confirm, manage, unsubscribe).
  NEWSLETTER_SECRET: 'dev-newsletter-secret',
};

export const SECRET_NAMES = Object.keys(DEV_DEFAULTS);

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/** `strapi build` loads the configuration but runs nothing: it needs neither secrets nor a database. */
export function isBuilding(): boolean {
  return process.argv.slice(2).includes('build');
}

/** Throws one error naming every missing secret (production only). */
export function assertSecretsPresent(): void {
  if (!isProduction() || isBuilding()) return;
  const missing = SECRET_NAMES.filter((name) => !process.env[name]?.trim());
  if (missing.length) {
    throw new Error(
      `Missing required secrets in the environment: ${missing.join(', ')}. ` +
        'Set each to a long random value (see README, "Production").',
    );
  }
}

export function secret(name: keyof typeof DEV_DEFAULTS | string): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  assertSecretsPresent();
  return DEV_DEFAULTS[name];
}

/** A secret that only a configured feature needs: in production, start-up stops without it. */
export function assertSecretFor(name: string, feature: string): void {
  if (!isProduction() || isBuilding() || process.env[name]?.trim()) return;
  throw new Error(
    `Missing required secret in the environment: ${name}, needed for ${feature}. Set it to a long random value (see README, "Production").`,
  );
}

// Loads the compiled Strapi app of this package (cms/dist) in the current process.
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// Strapi's ESM entry does not load under plain Node ESM; its CommonJS entry does.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');

export const cmsDir = fileURLToPath(new URL('../..', import.meta.url));

export async function loadStrapi({ logLevel = process.env.STRAPI_LOG_LEVEL ?? 'warn' } = {}) {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const strapi = createStrapi({ appDir: cmsDir, distDir: `${cmsDir}/dist` });
  strapi.log.level = logLevel;
  return strapi;
}

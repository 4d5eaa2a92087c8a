import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/testing/setup.ts'],
      globalSetup: ['src/testing/global-setup.ts'],
      // Fixed addresses so tests can assert absolute URLs (images, canonical links).
      env: { VITE_API_URL: 'http://cms.test', VITE_SITE_URL: 'https://blog.test' },
    },
  }),
);

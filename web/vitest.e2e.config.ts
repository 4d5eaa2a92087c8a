import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium against the production build and the real CMS with demo content.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // One browser at a time: CI machines have two cores, and the CMS and database share them.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

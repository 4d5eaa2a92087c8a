import { defineConfig } from 'vitest/config';

// One real Strapi on one fresh PostgreSQL database for the whole run: the test files share a
// single worker process (no isolation) so Strapi boots once.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});

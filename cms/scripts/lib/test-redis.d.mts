// Types of test-redis.mjs, for the TypeScript tests that import it (the CMS's and the site's).
export interface TestRedis {
  url: string;
  keyPrefix: string;
  stop: () => Promise<void>;
}
export const redisMissing: string | undefined;
export function startTestRedis(): Promise<TestRedis>;

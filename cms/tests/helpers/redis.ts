// The tests' Redis (cms/scripts/lib/test-redis.mjs, shared with the site server's tests).
export { redisMissing, startTestRedis, type TestRedis } from '../../scripts/lib/test-redis.mjs';

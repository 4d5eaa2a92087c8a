// Node only (lru-cache, ioredis): `@medblog/shared/cache`, never imported by the browser bundle.
export * from './tagged-cache.js';
export * from './redis-tier.js';

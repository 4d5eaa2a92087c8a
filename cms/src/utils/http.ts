// Only for src/middlewares/api-cache.ts until the cache rewrite (src/platform/cache/) lands: then delete.
export * from '../platform/utils/http';

// Only for src/infra/api-cache.ts until the cache rewrite (src/platform/cache/) lands: then delete.
export * from '../platform/content-changes';

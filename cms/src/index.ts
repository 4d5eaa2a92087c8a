import type { Core } from '@strapi/strapi';
import { registerComputedFields } from './documents/computed-fields';
import { registerModerationTimestamps } from './documents/moderation';
import { registerCommentsWindowChanges } from './documents/comments-window';
import { registerScheduleChecks } from './documents/scheduling';
import { registerEnquirySenderFields } from './documents/enquiry-sender';
import { registerContentChanges } from './documents/content-changes';
import { registerRedirectPaths } from './documents/redirect-paths';
import { registerArticleTrustChecks } from './documents/article-trust';
import { detectTrigramSupport, rebuildSearchIndex, registerSearchIndexing } from './documents/search-index';
import { registerAdminApi } from './admin-api';
import { guardEntryReads } from './admin-api/read-guards';
import { registerRevisions } from './documents/revisions';
import { applyRevisionAccess } from './bootstrap/revision-access';
import { registerSitePurge } from './notifications/site-purge';
import { applyPublicPermissions } from './bootstrap/public-permissions';
import { applyAdminRoles } from './bootstrap/admin-roles';
import { applyAdminViews } from './bootstrap/admin-views';
import { createDevAdmin } from './bootstrap/dev-admin';
import { isEmpty, seedDemoContent } from './seed/seed';
import { closeRedis, connectRedis } from './infra/redis';
import { registerApiCache } from './platform/cache/store';
import { serveHitsFirst } from './platform/cache/middleware';
import { releaseStartUpLock, serializeDatabaseStartUp } from './database/start-up-lock';
import { openApiDocument } from './public-api/openapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    serializeDatabaseStartUp(strapi);
    registerComputedFields(strapi);
    registerModerationTimestamps(strapi);
    registerCommentsWindowChanges(strapi);
    registerScheduleChecks(strapi);
    registerEnquirySenderFields(strapi);
    registerSearchIndexing(strapi);
    registerRedirectPaths(strapi);
    registerArticleTrustChecks(strapi);
    registerContentChanges(strapi);
    registerSitePurge(strapi);
    registerApiCache(strapi);
    registerAdminApi(strapi);
    guardEntryReads(strapi);
    registerRevisions(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Started together, instances go through this one at a time (database/start-up-lock.ts).
    try {
      await connectRedis(strapi);
      serveHitsFirst(strapi);
      strapi.service('api::article.article').startViewFlushing();
      await detectTrigramSupport(strapi);
      await applyPublicPermissions(strapi);
      // Made now: a contract naming a field its content type lacks stops the start.
      openApiDocument(strapi);
      await applyAdminRoles(strapi);
      await applyAdminViews(strapi);
      await applyRevisionAccess(strapi);
      await createDevAdmin(strapi);
      if (process.env.SEED_DEMO_CONTENT !== 'false' && (await isEmpty(strapi))) {
        const { created } = await seedDemoContent(strapi);
        strapi.log.info(`Demo content seeded (${created} entries)`);
      }
      const indexed = await rebuildSearchIndex(strapi);
      if (indexed) strapi.log.info(`Search: indexed ${indexed} published articles`);
    } finally {
      await releaseStartUpLock();
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('api::article.article').stopViewFlushing();
    await closeRedis();
    await releaseStartUpLock();
  },
};

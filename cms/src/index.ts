import type { Core } from '@strapi/strapi';
import { registerComputedFields } from './features/articles/server/computed-fields';
import { registerModerationTimestamps } from './features/comments/server/moderation';
import { registerCommentsWindowChanges } from './features/comments/server/comments-window';
import { registerScheduleChecks } from './features/scheduling/server/scheduling';
import { registerEnquirySenderFields } from './features/enquiry/server/enquiry-sender';
import { registerContentChanges } from './platform/content-changes';
import { registerRedirectPaths } from './features/redirects/server/redirect-paths';
import { registerArticleTrustChecks } from './features/articles/server/article-trust';
import { detectTrigramSupport, rebuildSearchIndex, registerSearchIndexing } from './features/search/server/search-index';
import { registerAdminApi } from './platform/access/admin-api.ts';
import { guardEntryReads } from './features/preview/server/read-guards';
import { registerRevisions } from './features/history/server/revisions';
import { applyRevisionAccess } from './features/history/server/revision-access';
import { registerSitePurge } from './platform/site-purge';
import { applyPublicPermissions } from './platform/access/public-permissions';
import { applyAdminRoles } from './platform/access/admin-roles';
import { applyAdminViews } from './platform/access/admin-views';
import { createDevAdmin } from './platform/access/dev-admin';
import { isEmpty, seedDemoContent } from './features/seed/server/seed';
import { closeRedis, connectRedis } from './platform/redis';
import { registerApiCache } from './infra/api-cache';
import { serveHitsFirst } from './middlewares/api-cache';
import { releaseStartUpLock, serializeDatabaseStartUp } from './platform/database/start-up-lock';
import { openApiDocument } from './platform/gate/openapi';

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

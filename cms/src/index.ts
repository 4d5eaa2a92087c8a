/**
 * Strapi's entry: each feature's (src/features) and the platform's (src/platform) registrations
 * and start-up steps, in this order. Document Service middlewares run in the order they are
 * registered, so `register` keeps it.
 */
import type { Core } from '@strapi/strapi';
import { releaseStartUpLock, serializeDatabaseStartUp } from './platform/database/start-up-lock';
import { registerContentChanges } from './platform/content-changes';
import { registerSitePurge } from './platform/site-purge';
import { closeRedis, connectRedis } from './platform/redis';
import { registerAdminApi } from './platform/access/admin-api';
import { applyPublicPermissions } from './platform/access/public-permissions';
import { applyAdminRoles } from './platform/access/admin-roles';
import { applyAdminViews } from './platform/access/admin-views';
import { createDevAdmin } from './platform/access/dev-admin';
import { openApiDocument } from './platform/gate/openapi';
import { registerApiCache } from './platform/cache/store';
import { serveHitsFirst } from './platform/cache/middleware';
import { registerComputedFields } from './features/articles/server/computed-fields';
import { registerDisplayDate } from './features/articles/server/display-date';
import { registerArticleTrustChecks } from './features/articles/server/article-trust';
import { registerLiveArticleDeletes } from './features/articles/server/live-articles';
import { registerModerationTimestamps } from './features/comments/server/moderation';
import { registerCommentsWindowChanges } from './features/comments/server/comments-window';
import { registerEnquirySenderFields, SENDER_FIELDS } from './features/enquiry/server/enquiry-sender';
import { registerRevisions } from './features/history/server/revisions';
import { applyRevisionAccess } from './features/history/server/revision-access';
import { guardEntryReads } from './features/preview/server/read-guards';
import { registerRedirectPaths } from './features/redirects/server/redirect-paths';
import { registerScheduleChecks } from './features/scheduling/server/scheduling';
import {
  detectTrigramSupport,
  rebuildSearchIndex,
  registerSearchIndexing,
} from './features/search/server/search-index';
import { isEmpty, seedDemoContent } from './features/seed/server/seed';
import { registerNewsletterJobs } from './features/newsletter/server/jobs';
import { registerFirstPublications, resumeSends } from './features/newsletter/server/sends';
import { registerInsightJobs } from './features/insight/server/retention';
import { startJobs, stopJobs } from './platform/jobs/queue';
import type { InsightService } from './api/insight/services/insight';
import { adminRoutes } from './admin-routes';

const insight = (strapi: Core.Strapi) => strapi.service('api::insight.insight') as unknown as InsightService;

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
    registerLiveArticleDeletes(strapi);
    registerContentChanges(strapi);
    registerSitePurge(strapi);
    registerApiCache(strapi);
    registerAdminApi(strapi, adminRoutes);
    guardEntryReads(strapi);
    registerRevisions(strapi);
    registerNewsletterJobs();
    registerInsightJobs();
    registerFirstPublications(strapi);
    // Innermost: the purges, the API cache and the history see the article with its date set.
    registerDisplayDate(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Started together, instances go through this one at a time (platform/database/start-up-lock.ts).
    try {
      await connectRedis(strapi);
      serveHitsFirst(strapi);
      strapi.service('api::article.article').startViewFlushing();
      insight(strapi).startFlushing();
      await detectTrigramSupport(strapi);
      await applyPublicPermissions(strapi);
      // Made now: a contract naming a field its content type lacks stops the start.
      openApiDocument(strapi);
      await applyAdminRoles(strapi);
      // What a reader sent is shown, never edited.
      await applyAdminViews(strapi, { 'api::enquiry.enquiry': SENDER_FIELDS });
      await applyRevisionAccess(strapi);
      await createDevAdmin(strapi);
      if (process.env.SEED_DEMO_CONTENT !== 'false' && (await isEmpty(strapi))) {
        const { created } = await seedDemoContent(strapi);
        strapi.log.info(`Demo content seeded (${created} entries)`);
      }
      // After the start-up migrations: the queue installs its own schema on first start.
      await startJobs(strapi);
      await resumeSends(strapi);
      const indexed = await rebuildSearchIndex(strapi);
      if (indexed) strapi.log.info(`Search: indexed ${indexed} published articles`);
    } finally {
      await releaseStartUpLock();
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Before the page views: an article view of a beacon counts there.
    await insight(strapi).stopFlushing();
    await strapi.service('api::article.article').stopViewFlushing();
    await stopJobs();
    await closeRedis();
    await releaseStartUpLock();
  },
};

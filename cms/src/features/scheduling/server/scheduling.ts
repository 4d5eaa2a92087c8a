/**
 * Scheduled publishing: an article's "Publish at" and "Unpublish at" act within a minute of their
 * time (config/cron-tasks.ts runs this every 30 s), once, however many CMS instances run it
 * (runExclusive). A draft edited after its publication was scheduled is still published on time,
 * as its editor last saved it, and the admin says so in the article's "Schedule note".
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { runExclusive } from '../../../platform/exclusive';

const ARTICLE = 'api::article.article';
/** A save that only set the schedule also stamps updatedAt: anything later is a real edit. */
const SAME_SAVE_MS = 2000;

interface Scheduled {
  documentId: string;
  title: string;
  updatedAt: string;
  scheduledAt: string | null;
}

const when = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** Publishes and unpublishes what is due at `now`; returns the documentIds it acted on. */
export async function runSchedule(strapi: Core.Strapi, now = new Date()) {
  const done = { published: [] as string[], unpublished: [] as string[] };
  const documents = strapi.documents(ARTICLE);
  // The schedule fields are cleared on the rows directly: through the Document Service, clearing
  // them would be an edit of the draft, shown as "modified" beside the version just published.
  const clear = (documentId: string, data: Record<string, unknown>) =>
    strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data });

  await runExclusive(strapi, 'article-schedule', async () => {
    const toPublish = (await documents.findMany({
      status: 'draft',
      filters: { publishAt: { $lte: now.toISOString() } },
      fields: ['title', 'updatedAt', 'scheduledAt'],
    } as never)) as unknown as Scheduled[];
    for (const article of toPublish) {
      await documents.publish({ documentId: article.documentId });
      const editedAfter =
        article.scheduledAt && Date.parse(article.updatedAt) - Date.parse(article.scheduledAt) > SAME_SAVE_MS;
      await clear(article.documentId, {
        publishAt: null,
        scheduleNote: editedAfter
          ? `Published as scheduled on ${when(now)}, with changes saved after it was scheduled (last on ${when(new Date(article.updatedAt))}).`
          : `Published as scheduled on ${when(now)}.`,
      });
      done.published.push(article.documentId);
    }

    const toUnpublish = (await documents.findMany({
      status: 'published',
      filters: { unpublishAt: { $lte: now.toISOString() } },
      fields: ['title'],
    } as never)) as unknown as Scheduled[];
    for (const article of toUnpublish) {
      await documents.unpublish({ documentId: article.documentId });
      await clear(article.documentId, { unpublishAt: null, scheduleNote: `Unpublished as scheduled on ${when(now)}.` });
      done.unpublished.push(article.documentId);
    }
  });
  return done;
}

/**
 * Checks a schedule when it is saved, and stamps when it was set (to tell later edits apart).
 */
export function registerScheduleChecks(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || (context.action !== 'create' && context.action !== 'update')) return next();
    const { data, documentId } = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (!data || (!('publishAt' in data) && !('unpublishAt' in data))) return next();

    const current = documentId
      ? await strapi.db
          .query(ARTICLE)
          .findOne({ select: ['publishAt', 'unpublishAt'], where: { documentId, publishedAt: null } })
      : null;
    const publishAt = 'publishAt' in data ? data.publishAt : current?.publishAt;
    const unpublishAt = 'unpublishAt' in data ? data.unpublishAt : current?.unpublishAt;
    if (publishAt && unpublishAt && Date.parse(String(unpublishAt)) <= Date.parse(String(publishAt))) {
      throw new errors.ValidationError('unpublishAt: must be later than publishAt', {
        errors: [{ path: ['unpublishAt'], message: 'must be later than "Publish at"', name: 'ValidationError' }],
      });
    }
    const scheduleChanged =
      'publishAt' in data &&
      (data.publishAt ? Date.parse(String(data.publishAt)) : null) !==
        (current?.publishAt ? Date.parse(String(current.publishAt)) : null);
    if (scheduleChanged) {
      data.scheduledAt = data.publishAt ? new Date().toISOString() : null;
      data.scheduleNote = null;
    }
    return next();
  });
}

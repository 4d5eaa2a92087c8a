/**
 * Revision history of articles: after each create, update, publish and unpublish of an article,
 * the draft's editable content is kept as a new version (api::article-revision), with who did it,
 * when, how, and which fields changed since the previous version. A save that changes nothing
 * editable keeps none; deleting the article deletes its versions. "Versions kept per article" (Editorial settings) bounds how many are kept;
 * empty, the default, keeps them all.
 *
 * Versions are looked up by article and number: an index on both keeps that quick however long the
 * history. It is declared in the content type's schema.json (`indexes`), so Strapi's schema sync
 * makes it with the table, as Strapi declares its own documentId indexes; a migration could not,
 * as migrations run before the sync and a new database has no table yet.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { changedFields, type Ref, type Snapshot } from './compare';

const ARTICLE = 'api::article.article';
export const REVISION = 'api::article-revision.article-revision';
export const EDITORIAL_SETTING = 'api::editorial-setting.editorial-setting';
const RECORDED = new Set(['create', 'update', 'publish', 'unpublish']);

export type RevisionAction = 'save' | 'publish' | 'unpublish' | 'restore';

/** Who saved when no admin is logged in (no request, or a request of no admin user). */
export const NO_ADMIN = { import: 'Import', scheduler: 'Scheduler', system: 'System' } as const;

// Set by restoreVersion for the update it makes, so that update is recorded as a restore.
const restoring = new AsyncLocalStorage<number>();

// Read with the query engine, the cheapest way: a save pays for this read and one insert.
const SNAPSHOT_POPULATE = {
  cover: { select: ['id', 'name'] },
  category: { select: ['documentId', 'name'] },
  author: { select: ['documentId', 'name'] },
  reviewer: { select: ['documentId', 'name'] },
  relatedArticles: { select: ['documentId', 'title'] },
  seo: { populate: { shareImage: { select: ['id', 'name'] } } },
  references: true,
};

type Entry = Record<string, unknown>;

const toRef = (entry: unknown, labelField: string, idField = 'documentId'): Ref | null =>
  entry && typeof entry === 'object'
    ? { id: (entry as Entry)[idField] as string | number, label: String((entry as Entry)[labelField] ?? '') }
    : null;

const text = (value: unknown) => (value === undefined || value === '' ? null : (value as string | null));
const dateTime = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
/** A calendar day as YYYY-MM-DD, whether the driver gives a text or a Date at local midnight. */
const day = (value: unknown) =>
  value instanceof Date ? value.toLocaleDateString('en-CA') : (text(value) as string | null);

/** The editable content of an article, as a version keeps it. */
export function snapshotOf(article: Entry): Snapshot {
  const seo = article.seo as Entry | null | undefined;
  return {
    title: text(article.title),
    slug: text(article.slug),
    excerpt: text(article.excerpt),
    body: (article.body as unknown[] | null) ?? null,
    cover: toRef(article.cover, 'name', 'id'),
    category: toRef(article.category, 'name'),
    author: toRef(article.author, 'name'),
    reviewer: toRef(article.reviewer, 'name'),
    // Once per article, should a relation reach both its draft and its published row.
    relatedArticles: [
      ...new Map(
        ((article.relatedArticles as Entry[] | undefined) ?? []).map((entry) => [
          entry.documentId,
          toRef(entry, 'title')!,
        ]),
      ).values(),
    ],
    seo: seo
      ? {
          metaTitle: text(seo.metaTitle),
          metaDescription: text(seo.metaDescription),
          shareImage: toRef(seo.shareImage, 'name', 'id'),
        }
      : null,
    featured: (article.featured as boolean | null) ?? null,
    commentsEnabled: (article.commentsEnabled as boolean | null) ?? null,
    originalPublishedAt: dateTime(article.originalPublishedAt),
    lastReviewedAt: day(article.lastReviewedAt),
    nextReviewDueAt: day(article.nextReviewDueAt),
    references: ((article.references as Entry[] | undefined) ?? []).map((ref) => ({
      citation: String(ref.citation ?? ''),
      url: text(ref.url),
      doi: text(ref.doi),
      pmid: text(ref.pmid),
    })),
    conflictOfInterest: text(article.conflictOfInterest),
    audience: text(article.audience),
  };
}

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}

function editorOf(
  strapi: Core.Strapi,
  action: string,
  article: Entry,
): { editorId: number | null; editorName: string } {
  const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
  if (user?.id) {
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email;
    return { editorId: user.id, editorName: name ?? `Admin ${user.id}` };
  }
  // Without an admin, publishing and unpublishing is the scheduler's; saves are the importer's
  // (its articles carry an import key) or the CMS's own (the demo content).
  if (action === 'publish' || action === 'unpublish') return { editorId: null, editorName: NO_ADMIN.scheduler };
  return { editorId: null, editorName: article.importKey ? NO_ADMIN.import : NO_ADMIN.system };
}

/** How a Document Service action shows in the history. */
function revisionAction(action: string, params: { status?: string }): RevisionAction {
  if (restoring.getStore() !== undefined) return 'restore';
  if (action === 'publish' || action === 'unpublish') return action;
  return params.status === 'published' ? 'publish' : 'save';
}

/** The limit of Editorial settings, or null for no limit. */
async function versionsKept(strapi: Core.Strapi): Promise<number | null> {
  const settings = await strapi.db.query(EDITORIAL_SETTING).findOne({ select: ['versionsKeptPerArticle'] });
  return settings?.versionsKeptPerArticle ?? null;
}

/** Keeps a new version of the article's draft, unless a save changed nothing editable. */
async function recordVersion(strapi: Core.Strapi, documentId: string, action: string, params: { status?: string }) {
  const article = await strapi.db
    .query(ARTICLE)
    .findOne({ where: { documentId, publishedAt: null }, populate: SNAPSHOT_POPULATE });
  if (!article) return;
  const snapshot = snapshotOf(article);
  const last = await strapi.db.query(REVISION).findOne({
    where: { articleDocumentId: documentId },
    orderBy: { version: 'desc' },
    select: ['version', 'snapshot'],
  });
  const changed = changedFields((last?.snapshot as Snapshot | undefined) ?? null, snapshot);
  const kind = revisionAction(action, params);
  if (kind === 'save' && last && !changed.length) return;

  const version = (last?.version ?? 0) + 1;
  await strapi.db.query(REVISION).create({
    data: {
      articleDocumentId: documentId,
      version,
      action: kind,
      restoredVersion: restoring.getStore() ?? null,
      snapshot,
      changedFields: changed,
      ...editorOf(strapi, action, article),
    },
  });
  const kept = await versionsKept(strapi);
  if (kept) {
    await strapi.db
      .query(REVISION)
      .deleteMany({ where: { articleDocumentId: documentId, version: { $lte: version - kept } } });
  }
}

/**
 * The first version of each article written in bulk, without the Document Service (the importer's
 * new articles): what its middleware would have kept, in two queries for them all.
 */
export async function recordFirstVersions(
  strapi: Core.Strapi,
  articles: Array<{ documentId: string; published: boolean }>,
  editorName: string,
): Promise<void> {
  if (!articles.length) return;
  const published = new Map(articles.map((article) => [article.documentId, article.published]));
  const drafts = await strapi.db.query(ARTICLE).findMany({
    where: { documentId: { $in: [...published.keys()] }, publishedAt: null },
    populate: SNAPSHOT_POPULATE,
  });
  await strapi.db.query(REVISION).createMany({
    data: drafts.map((article) => {
      const snapshot = snapshotOf(article);
      return {
        articleDocumentId: article.documentId,
        version: 1,
        action: published.get(article.documentId) ? 'publish' : 'save',
        snapshot,
        changedFields: changedFields(null, snapshot),
        editorId: null,
        editorName,
      };
    }),
  });
}

export function registerRevisions(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as { documentId?: string; status?: string };
    if (context.action === 'delete' && params.documentId) {
      // An article deleted takes its history along: nothing could show or restore it any more.
      const result = await next();
      await strapi.db.query(REVISION).deleteMany({ where: { articleDocumentId: params.documentId } });
      return result;
    }
    if (!RECORDED.has(context.action)) return next();
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await recordVersion(strapi, documentId, context.action, params);
    return result;
  });
}

/** Ids of `ids` that still exist in `uid` (a restored version may name a deleted category). */
async function stillThere(strapi: Core.Strapi, uid: string, ids: Array<string | number>, key = 'documentId') {
  if (!ids.length) return new Set();
  const rows = await strapi.db.query(uid).findMany({ where: { [key]: { $in: ids } }, select: [key] });
  return new Set(rows.map((row) => row[key]));
}

/** A version's content as Document Service data for the article's draft; related entries since deleted are left empty. */
export async function restoreData(strapi: Core.Strapi, snapshot: Snapshot): Promise<Entry> {
  const refs = (uid: string, list: Array<Ref | null | undefined>, key?: string) =>
    stillThere(
      strapi,
      uid,
      list.filter((ref): ref is Ref => Boolean(ref)).map((ref) => ref.id),
      key,
    );
  const [authors, categories, articles, files] = await Promise.all([
    refs('api::author.author', [snapshot.author, snapshot.reviewer]),
    refs('api::category.category', [snapshot.category]),
    refs(ARTICLE, snapshot.relatedArticles),
    refs('plugin::upload.file', [snapshot.cover, snapshot.seo?.shareImage], 'id'),
  ]);
  const id = (ref: Ref | null | undefined, existing: Set<unknown>) => (ref && existing.has(ref.id) ? ref.id : null);
  return {
    title: snapshot.title,
    slug: snapshot.slug,
    excerpt: snapshot.excerpt,
    body: snapshot.body,
    cover: id(snapshot.cover, files),
    category: id(snapshot.category, categories),
    author: id(snapshot.author, authors),
    reviewer: id(snapshot.reviewer, authors),
    relatedArticles: snapshot.relatedArticles.map((ref) => ref.id).filter((ref) => articles.has(ref)),
    seo: snapshot.seo && { ...snapshot.seo, shareImage: id(snapshot.seo.shareImage, files) },
    featured: snapshot.featured,
    commentsEnabled: snapshot.commentsEnabled,
    originalPublishedAt: snapshot.originalPublishedAt,
    lastReviewedAt: snapshot.lastReviewedAt,
    nextReviewDueAt: snapshot.nextReviewDueAt,
    references: snapshot.references,
    conflictOfInterest: snapshot.conflictOfInterest,
    audience: snapshot.audience,
  };
}

/** Saves `data` (a version's content) on the article's draft, recorded as the restore of `version`. */
export function saveRestored(strapi: Core.Strapi, documentId: string, version: number, data: Entry) {
  return restoring.run(version, () => strapi.documents(ARTICLE).update({ documentId, data: data as never }));
}

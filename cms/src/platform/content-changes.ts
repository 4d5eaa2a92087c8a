/**
 * One source of "what readers see has changed" events: after each successful write on a public
 * content type, the purge tags (PURGE_TAGS in @medblog/shared) of what it changed go to every
 * listener (the site purge in src/platform/site-purge.ts, and any cache of the CMS's own).
 * When a change might be visible, it is announced: a needless purge costs a re-render, a missed one
 * leaves stale pages.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_FIELDS, PURGE_TAGS } from '@medblog/shared';

export type ContentChangeListener = (tags: string[]) => void;

const listeners = new Set<ContentChangeListener>();

/** Calls `listener` with the tags of each change; returns the way to stop. */
export function onContentChange(listener: ContentChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** Types whose every write is visible, and the tags each touches (cards show category and author names). */
const ALWAYS_VISIBLE: Record<string, string[]> = {
  'api::category.category': [PURGE_TAGS.categories, PURGE_TAGS.articles],
  'api::author.author': [PURGE_TAGS.authors, PURGE_TAGS.articles],
  'api::global.global': [PURGE_TAGS.global],
  'api::redirect.redirect': [PURGE_TAGS.redirects],
};

interface WriteParams {
  documentId?: string;
  status?: string;
}

/** Whether this write deletes an article that has a published version (read before the delete). */
async function deletesPublishedArticle(strapi: Core.Strapi, action: string, params: WriteParams) {
  if (action !== 'delete' || !params.documentId) return false;
  const published = await strapi
    .documents(ARTICLE)
    .findOne({ documentId: params.documentId, status: 'published', fields: ['documentId'] });
  return Boolean(published);
}

/**
 * An article's published version changes on publish and unpublish, on a create or update that
 * publishes (`status: 'published'`), and on deleting a document that had one. Saving or discarding
 * a draft leaves what readers see alone.
 */
const articleChanged = (action: string, params: WriteParams, deletedPublished: boolean) =>
  action === 'publish' ||
  action === 'unpublish' ||
  ((action === 'create' || action === 'update') && params.status === 'published') ||
  deletedPublished;

/** What the public sees of a comment, and its article; null when the public does not see it. */
type VisibleComment = { articleId: string | undefined; shown: string } | null;

async function visibleComment(strapi: Core.Strapi, documentId: string | undefined): Promise<VisibleComment> {
  if (!documentId) return null;
  const comment = await strapi.db.query(COMMENT).findOne({
    where: { documentId },
    select: PUBLIC_FIELDS.comment.filter((field) => field !== 'article' && field !== 'parent'),
    populate: { article: { select: ['documentId'] }, parent: { select: ['documentId'] } },
  });
  if (comment?.moderationStatus !== 'approved') return null;
  const { article, parent, ...fields } = comment;
  return {
    articleId: article?.documentId,
    shown: JSON.stringify({ ...fields, article: article?.documentId, parent: parent?.documentId ?? null }),
  };
}

/** An approved comment appeared, changed or disappeared: the comments of its article (both, if it moved). */
function commentTags(before: VisibleComment, after: VisibleComment): string[] {
  if (before?.shown === after?.shown) return [];
  return [before?.articleId, after?.articleId]
    .filter((id): id is string => Boolean(id))
    .map((id) => PURGE_TAGS.comments(id));
}

/**
 * Tells the listeners that `tags` changed. Also for writers that know better than each save, such
 * as the importer once its transaction has committed.
 */
export function announceChange(strapi: Core.Strapi, tags: string[]): void {
  const unique = [...new Set(tags)];
  if (!unique.length) return;
  for (const listener of listeners) {
    try {
      listener(unique);
    } catch (error) {
      strapi.log.error(`Content change ${unique.join(', ')}: a listener failed: ${(error as Error).message}`);
    }
  }
}

export function registerContentChanges(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const isArticle = uid === ARTICLE;
    const isComment = uid === COMMENT;
    if (!WRITES.has(action) || !(isArticle || isComment || Object.hasOwn(ALWAYS_VISIBLE, uid))) return next();

    const params = context.params as WriteParams;
    // What a delete or an update takes away can only be read before it happens.
    const deletedPublished = isArticle && (await deletesPublishedArticle(strapi, action, params));
    const commentBefore = isComment && action !== 'create' ? await visibleComment(strapi, params.documentId) : null;

    const result = await next();

    try {
      if (isArticle) {
        // The topics readers see are those with a published article (api/category/controllers).
        if (articleChanged(action, params, deletedPublished))
          announceChange(strapi, [PURGE_TAGS.articles, PURGE_TAGS.categories]);
      } else if (isComment) {
        const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
        const commentAfter = action === 'delete' ? null : await visibleComment(strapi, documentId);
        announceChange(strapi, commentTags(commentBefore, commentAfter));
      } else {
        announceChange(strapi, ALWAYS_VISIBLE[uid]);
      }
    } catch (error) {
      // The change itself is saved; only its announcement is lost, and the log says which.
      strapi.log.error(`Content change on ${uid} (${action}) not announced: ${(error as Error).message}`);
    }
    return result;
  });
}

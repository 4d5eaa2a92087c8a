/**
 * `pnpm import --undo <file>`: removes what an import of that file created (its ledger, see
 * ledger.ts): articles with their imported comments, redirects, authors, categories and images.
 * What someone changed since stays, and so does what the site still needs: an article an editor
 * saved, published or unpublished, or that readers commented on; a redirect to an article that
 * stays; an author, category or image that an article which stays still uses. Each kept entry is
 * named with why. One transaction: nothing is removed if anything fails (images, stored outside
 * the database, go once it has committed).
 */
import { basename } from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { PURGE_TAGS } from '@medblog/shared';
import { announceChange } from '../../../platform/content-changes';
import type { ImportSteps } from './importer';
import { forget, ledgerOf } from './ledger';
import { counts, quoted, type EntryKind } from './summary';

const ARTICLE = 'api::article.article';
const REVISION = 'api::article-revision.article-revision';
const COMMENT = 'api::comment.comment';
const UPLOAD_FILE = 'plugin::upload.file';
const UIDS: Record<Exclude<EntryKind, 'image'>, UID.ContentType> = {
  article: ARTICLE,
  comment: COMMENT,
  redirect: 'api::redirect.redirect',
  author: 'api::author.author',
  category: 'api::category.category',
};

export interface UndoSummary {
  file: string;
  removed: Record<EntryKind, number>;
  kept: Array<{ what: string; why: string }>;
}

export class NothingToUndo extends Error {}

type Row = Record<string, unknown> & { id: number; documentId: string; updatedAt: string | Date };
type Knex = Core.Strapi['db']['connection'];

const changedSince = (rows: Row[], importedAt: Date) => rows.some((row) => new Date(row.updatedAt) > importedAt);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export async function undoImport(
  strapi: Core.Strapi,
  path: string,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<UndoSummary> {
  const file = basename(path);
  const knex = strapi.db.connection as unknown as Knex;
  const ledger = await ledgerOf(knex, file);
  if (!ledger.size) {
    throw new NothingToUndo(`Nothing to undo for ${file}: it was never imported into this database, or was undone.`);
  }
  const summary: UndoSummary = {
    file,
    removed: { article: 0, comment: 0, redirect: 0, author: 0, category: 0, image: 0 },
    kept: [],
  };
  const entries = (kind: EntryKind) => ledger.get(kind) ?? new Map<string, Date>();
  const rowsOf = async (uid: UID.Schema, ids: Iterable<string>, select: string[], populate?: object) => {
    const byDocument = new Map<string, Row[]>();
    const found = (await strapi.db.query(uid).findMany({
      where: { documentId: { $in: [...ids] } },
      select: ['id', 'documentId', 'updatedAt', ...select],
      ...(populate ? { populate } : {}),
    })) as Row[];
    for (const row of found) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    return byDocument;
  };
  const gone: Array<[EntryKind, string]> = [];
  const removals = new Map<EntryKind, string[]>();
  const remove = (kind: EntryKind, documentId: string) => {
    removals.set(kind, [...(removals.get(kind) ?? []), documentId]);
    summary.removed[kind] += 1;
  };

  // Articles, with the comments the file brought.
  const articles = await rowsOf(ARTICLE, entries('article').keys(), ['title', 'slug']);
  // Readers' comments on them: any not from the file.
  const readersComments = new Map<string, number>();
  for (const comment of (await strapi.db.query(COMMENT).findMany({
    where: { article: { documentId: { $in: [...entries('article').keys()] } } },
    select: ['documentId'],
    populate: { article: { select: ['documentId'] } },
  })) as Array<{ documentId: string; article: { documentId: string } }>) {
    if (entries('comment').has(comment.documentId)) continue;
    readersComments.set(comment.article.documentId, (readersComments.get(comment.article.documentId) ?? 0) + 1);
  }
  const editorSaved = new Set(
    (
      (await strapi.db.query(REVISION).findMany({
        where: { articleDocumentId: { $in: [...entries('article').keys()] }, editorId: { $notNull: true } },
        select: ['articleDocumentId'],
      })) as Array<{ articleDocumentId: string }>
    ).map((revision) => revision.articleDocumentId),
  );
  const keptSlugs = new Set<string>();
  const removedRows = new Set<number>();
  for (const [documentId, importedAt] of entries('article')) {
    const rows = articles.get(documentId);
    if (!rows) {
      gone.push(['article', documentId]);
      continue;
    }
    const title = `article ${quoted(String(rows[0]!.title))}`;
    const readers = readersComments.get(documentId) ?? 0;
    let why: string | null = null;
    if (editorSaved.has(documentId) || changedSince(rows, importedAt)) why = 'changed by an editor since the import';
    else if (readers) why = `${plural(readers, "reader's comment", "readers' comments")} arrived since the import`;
    if (why) {
      summary.kept.push({ what: title, why });
      keptSlugs.add(String(rows[0]!.slug));
    } else {
      remove('article', documentId);
      for (const row of rows) removedRows.add(row.id);
    }
  }
  // A comment goes with its article (or once its article is gone), never on its own.
  const comments = await rowsOf(COMMENT, entries('comment').keys(), [], { article: { select: ['documentId'] } });
  const removedArticles = new Set(removals.get('article'));
  for (const documentId of entries('comment').keys()) {
    const rows = comments.get(documentId);
    const article = (rows?.[0]?.article as { documentId: string } | null | undefined)?.documentId;
    if (!rows) gone.push(['comment', documentId]);
    else if (!article || removedArticles.has(article)) remove('comment', documentId);
  }

  // Redirects: those that would now lead nowhere.
  const redirects = await rowsOf(UIDS.redirect, entries('redirect').keys(), ['fromPath', 'toPath']);
  for (const [documentId, importedAt] of entries('redirect')) {
    const rows = redirects.get(documentId);
    if (!rows) {
      gone.push(['redirect', documentId]);
      continue;
    }
    const { fromPath, toPath } = rows[0]! as Row & { fromPath: string; toPath: string };
    const what = `redirect from ${fromPath}`;
    if (changedSince(rows, importedAt)) summary.kept.push({ what, why: 'changed by an editor since the import' });
    else if (keptSlugs.has(toPath.replace(/^\/articles\//, ''))) {
      summary.kept.push({ what, why: `it leads to an article that stays (${toPath})` });
    } else remove('redirect', documentId);
  }

  // Authors and categories, unless an article that stays uses them.
  for (const kind of ['author', 'category'] as const) {
    const found = await rowsOf(UIDS[kind], entries(kind).keys(), ['name']);
    // Articles that stay and name them (an author also as reviewer).
    const fields = kind === 'author' ? ['author', 'reviewer'] : ['category'];
    const users = new Set<string>();
    for (const field of fields) {
      const using = (await strapi.db.query(ARTICLE).findMany({
        where: { [field]: { documentId: { $in: [...entries(kind).keys()] } }, id: { $notIn: [...removedRows] } },
        select: ['id'],
        populate: { [field]: { select: ['documentId'] } },
      })) as Array<Record<string, { documentId: string } | null>>;
      for (const article of using) if (article[field]) users.add(article[field].documentId);
    }
    for (const [documentId, importedAt] of entries(kind)) {
      const rows = found.get(documentId);
      if (!rows) {
        gone.push([kind, documentId]);
        continue;
      }
      const what = `${kind} ${quoted(String(rows[0]!.name))}`;
      if (changedSince(rows, importedAt)) summary.kept.push({ what, why: 'changed by an editor since the import' });
      else if (users.has(documentId)) summary.kept.push({ what, why: 'articles that stay name it' });
      else remove(kind, documentId);
    }
  }

  // Images, unless something that stays shows them (a cover, a share image, an article's text).
  const images = await rowsOf(UPLOAD_FILE, entries('image').keys(), ['name', 'url'], {
    related: { select: ['id'] },
  });
  const toRemove: Row[] = [];
  for (const [documentId, importedAt] of entries('image')) {
    const rows = images.get(documentId);
    if (!rows) {
      gone.push(['image', documentId]);
      continue;
    }
    const image = rows[0]!;
    const what = `image ${quoted(String(image.name))}`;
    if (changedSince(rows, importedAt))
      summary.kept.push({ what, why: 'changed in the Media Library since the import' });
    else if (await usedElsewhere(strapi, image, removedRows))
      summary.kept.push({ what, why: 'something that stays shows it' });
    else {
      remove('image', documentId);
      toRemove.push(image);
    }
  }
  if (dryRun) return summary;

  await strapi.db.transaction(async () => {
    for (const documentId of removals.get('article') ?? []) await strapi.documents(ARTICLE).delete({ documentId });
    for (const kind of ['comment', 'redirect', 'author', 'category'] as const) {
      const ids = removals.get(kind) ?? [];
      if (ids.length) await strapi.db.query(UIDS[kind]).deleteMany({ where: { documentId: { $in: ids } } });
    }
    for (const kind of ['article', 'comment', 'redirect', 'author', 'category'] as const) {
      await forget(knex, file, kind, [
        ...(removals.get(kind) ?? []),
        ...gone.filter(([k]) => k === kind).map(([, id]) => id),
      ]);
    }
  });
  for (const image of toRemove) await strapi.plugin('upload').service('upload').remove(image);
  await forget(knex, file, 'image', [
    ...(removals.get('image') ?? []),
    ...gone.filter(([k]) => k === 'image').map(([, id]) => id),
  ]);

  const { rebuildSearchIndex } = strapi.service('api::article.article').importSteps() as ImportSteps;
  await rebuildSearchIndex(strapi);
  announceChange(strapi, [
    PURGE_TAGS.articles,
    PURGE_TAGS.redirects,
    PURGE_TAGS.authors,
    PURGE_TAGS.categories,
    ...[...removedArticles].map((documentId) => PURGE_TAGS.comments(documentId)),
  ]);
  return summary;
}

/**
 * Whether anything but the removed article rows shows the image: a media field (cover, share
 * image...) or an article's text (its blocks hold the file's address).
 */
async function usedElsewhere(strapi: Core.Strapi, image: Row, removedRows: Set<number>): Promise<boolean> {
  const related = (image.related as Array<{ id: number; __type?: string }> | undefined) ?? [];
  if (related.some((entry) => entry.__type !== ARTICLE || !removedRows.has(entry.id))) return true;
  const knex = strapi.db.connection as unknown as Knex;
  const { tableName } = strapi.db.metadata.get(ARTICLE);
  const inText = await knex(tableName)
    .whereRaw('body::text like ?', [`%${JSON.stringify(String(image.url)).slice(1, -1)}%`])
    .whereNotIn('id', [...removedRows])
    .first('id');
  return Boolean(inText);
}

export function formatUndoSummary(summary: UndoSummary, { dryRun = false } = {}): string {
  return [
    dryRun
      ? `Dry run: nothing was removed. Undoing the import of ${summary.file} would remove:`
      : `Undid the import of ${summary.file}. Removed:`,
    `  ${counts(summary.removed)}`,
    `  kept: ${summary.kept.length}`,
    ...summary.kept.map(({ what, why }) => `    - ${what}: ${why}`),
  ].join('\n');
}

/**
 * An article's displayDate: the date readers are shown (its original publication date when it was
 * imported, otherwise when it was published here), stored so every list can be ordered by it.
 * Kept after each save, whoever saves; the importer writes it with its own rows.
 */
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
// Every action that writes an article's rows (publish makes a published row with a new publishedAt).
const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft']);

export function registerDisplayDate(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid !== ARTICLE || !WRITES.has(context.action)) return result;
    const documentId =
      (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const { tableName, attributes } = strapi.db.metadata.get(ARTICLE);
    const column = (name: string) => (attributes[name] as unknown as { columnName: string }).columnName;
    const shown = `COALESCE(??, ??)`;
    // In SQL: the query engine would also move updatedAt (the admin would then call a just
    // published article "Modified"). Inside the saver's transaction when there is one (the importer's).
    await strapi.db.transaction(({ trx }) =>
      trx.raw(`UPDATE ?? SET ?? = ${shown} WHERE ?? = ? AND ?? IS DISTINCT FROM ${shown}`, [
        tableName,
        column('displayDate'),
        column('originalPublishedAt'),
        column('publishedAt'),
        column('documentId'),
        documentId,
        column('displayDate'),
        column('originalPublishedAt'),
        column('publishedAt'),
      ]),
    );
    return result;
  });
}

/**
 * The import ledger: for each imported file (by its name), every entry it created, by kind and
 * documentId, with when the importer last wrote it. `pnpm import --undo <file>` removes what the
 * ledger holds for the file; an entry written after that time was changed by someone else, and
 * stays. Entries the file found already there (an author, a category, an editor's redirect) are
 * never in it.
 */
import type { Core } from '@strapi/strapi';
import type { EntryKind } from './summary';

type Knex = Core.Strapi['db']['connection'];

const LEDGER = 'import_ledger';

/** The entries of a file the importer wrote in one run, by kind: created, or created before and updated. */
export class Written {
  readonly created = new Map<EntryKind, Set<string>>();
  readonly updated = new Map<EntryKind, Set<string>>();

  add(outcome: 'created' | 'updated', kind: EntryKind, documentId: string): void {
    const byKind = this[outcome];
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(documentId);
  }
}

/**
 * Records what a run of `file` wrote, at `at` (no earlier than any of its writes): its new entries,
 * and a new time for those of its entries it updated (an update of an entry another file or an
 * editor made stays theirs).
 */
export async function recordWritten(knex: Knex, file: string, written: Written, at: Date): Promise<void> {
  for (const [kind, ids] of written.created) {
    const rows = [...ids].map((documentId) => ({ file, kind, document_id: documentId, imported_at: at }));
    for (let start = 0; start < rows.length; start += 5000) {
      await knex(LEDGER)
        .insert(rows.slice(start, start + 5000))
        .onConflict(['file', 'kind', 'document_id'])
        .merge(['imported_at']);
    }
  }
  for (const [kind, ids] of written.updated) {
    await knex(LEDGER)
      .where({ file, kind })
      .whereIn('document_id', [...ids])
      .update({ imported_at: at });
  }
}

/** What the ledger holds for `file`: per kind, each entry's documentId and when it was last imported. */
export async function ledgerOf(knex: Knex, file: string): Promise<Map<EntryKind, Map<string, Date>>> {
  const rows = (await knex(LEDGER).where({ file }).select('kind', 'document_id', 'imported_at')) as Array<{
    kind: EntryKind;
    document_id: string;
    imported_at: Date;
  }>;
  const ledger = new Map<EntryKind, Map<string, Date>>();
  for (const row of rows) {
    if (!ledger.has(row.kind)) ledger.set(row.kind, new Map());
    ledger.get(row.kind)!.set(row.document_id, new Date(row.imported_at));
  }
  return ledger;
}

/** Takes entries out of `file`'s ledger: removed, or gone already. */
export async function forget(knex: Knex, file: string, kind: EntryKind, documentIds: string[]): Promise<void> {
  if (documentIds.length) await knex(LEDGER).where({ file, kind }).whereIn('document_id', documentIds).delete();
}

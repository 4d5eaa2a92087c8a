/**
 * What each imported file created (see src/features/import/server/ledger.ts), so that
 * `pnpm import --undo <file>` can remove it again.
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('import_ledger')) return;
  await knex.schema.createTable('import_ledger', (table) => {
    table.text('file').notNullable();
    table.text('kind').notNullable();
    table.text('document_id').notNullable();
    table.timestamp('imported_at', { useTz: true }).notNullable();
    table.primary(['file', 'kind', 'document_id']);
  });
}

/**
 * Articles get displayDate, the date readers are shown (the original publication date of an
 * imported post, otherwise when it was published here), so lists can be ordered by it. Strapi adds
 * the column with its schema sync, after migrations: here it is added to a database that has
 * articles already, and filled. A new database has no articles table yet (the CMS fills the field
 * on every save, src/features/articles/server/display-date.ts).
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('articles'))) return;
  if (!(await knex.schema.hasColumn('articles', 'display_date'))) {
    // Strapi's type for a datetime field, so its schema sync finds the column as it would make it.
    await knex.schema.alterTable('articles', (table) => table.datetime('display_date', { useTz: false, precision: 6 }));
  }
  await knex.raw('UPDATE articles SET display_date = COALESCE(original_published_at, published_at)');
}

/**
 * Enquiries filed as closed automatically, as suspected spam, before that status of their own
 * existed, get it: the list then tells them apart from the enquiries staff closed. A new database
 * has no enquiries yet (Strapi makes the table after migrations run there).
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('enquiries'))) return;
  await knex('enquiries')
    .where({ handling_status: 'closed' })
    .andWhere('internal_notes', 'like', 'Closed automatically as suspected spam:%')
    .update({ handling_status: 'suspected-spam' });
}

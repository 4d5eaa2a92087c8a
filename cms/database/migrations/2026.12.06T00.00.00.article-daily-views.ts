/**
 * Page views, kept as one counter per article per day: no visitor data at all (the controller
 * counts each visitor once a day). Databases made before migrations already have the table, made
 * at bootstrap: hence IF NOT EXISTS.
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS article_daily_views (
      article_document_id varchar(64) NOT NULL,
      day date NOT NULL,
      views integer NOT NULL DEFAULT 0,
      PRIMARY KEY (article_document_id, day)
    )`);
}

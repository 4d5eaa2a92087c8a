/**
 * What the newsletter sends (src/features/newsletter/server/sends.ts): one row per article's first
 * publication or weekly digest, and one per recipient of it. A delivery's row is its idempotency
 * key: a subscriber gets an article or a digest at most once, whatever the queue or a crash does.
 * Articles already on the site count as published: editing one later sends nothing.
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('newsletter_sends'))) {
    await knex.schema.createTable('newsletter_sends', (table) => {
      table.increments('id');
      table.text('kind').notNullable();
      table.text('key').notNullable().unique();
      table.text('article_document_id');
      table.jsonb('articles');
      table.text('state').notNullable();
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  }
  if (!(await knex.schema.hasTable('newsletter_deliveries'))) {
    await knex.schema.createTable('newsletter_deliveries', (table) => {
      table.bigIncrements('id');
      table.integer('send_id').notNullable().references('newsletter_sends.id').onDelete('CASCADE');
      table.text('subscriber_id');
      table.text('status').notNullable().defaultTo('queued');
      table.integer('attempts').notNullable().defaultTo(0);
      table.text('error');
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      table.unique(['send_id', 'subscriber_id']);
      table.index(['send_id', 'status']);
    });
  }
  if (await knex.schema.hasTable('articles')) {
    await knex.raw(`
      INSERT INTO newsletter_sends (kind, key, article_document_id, state)
      SELECT DISTINCT 'article', 'article:' || document_id, document_id, 'off'
      FROM articles WHERE published_at IS NOT NULL
      ON CONFLICT (key) DO NOTHING`);
  }
}

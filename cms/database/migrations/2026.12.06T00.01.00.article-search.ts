/**
 * The search tables (cms/src/features/search/server/search-index.ts): one row per published article with a
 * weighted tsvector, its passages for snippets, and the lexicon of indexed words with a pg_trgm
 * index for typo tolerance. Databases made before migrations already have them, made at bootstrap,
 * perhaps without the later storage and index settings: every step is safe to run on them.
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  const trigramAvailable = await createTrigramExtension(knex);
  // The tsvector is computed by PostgreSQL from the stored texts: title weighs most, then the
  // category name, excerpt and headings, then the body.
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS article_search (
      article_document_id varchar(64) PRIMARY KEY,
      published_at timestamp(6),
      title text NOT NULL,
      category text NOT NULL DEFAULT '',
      excerpt text NOT NULL DEFAULT '',
      headings text NOT NULL DEFAULT '',
      body text NOT NULL DEFAULT '',
      document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', category), 'B') ||
        setweight(to_tsvector('english', excerpt), 'B') ||
        setweight(to_tsvector('english', headings), 'B') ||
        setweight(to_tsvector('english', body), 'C')
      ) STORED
    )`);
  await keepVectorsInRow(knex);
  await createGinIndex(knex, 'article_search_document_idx', 'article_search USING GIN (document)');
  // Deleting an article's row deletes its passages.
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS article_search_passages (
      article_document_id varchar(64) NOT NULL REFERENCES article_search ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL,
      document tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
      PRIMARY KEY (article_document_id, position)
    )`);
  await knex.raw('CREATE TABLE IF NOT EXISTS article_search_words (word text PRIMARY KEY)');
  if (trigramAvailable) {
    await createGinIndex(knex, 'article_search_words_trgm_idx', 'article_search_words USING GIN (word gin_trgm_ops)');
  }
}

/**
 * pg_trgm when the database user may create it. Without it search works without typo tolerance
 * (the CMS warns at each start). A savepoint keeps a refusal from aborting the migration.
 */
async function createTrigramExtension(knex: Knex): Promise<boolean> {
  try {
    await knex.transaction((savepoint) => savepoint.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps each article's tsvector in its row (STORAGE MAIN) rather than out of line in TOAST, where a
 * 4 kB value goes by default: PostgreSQL cannot compress a tsvector, and fetching it from TOAST for
 * every match, then again for its rank, was most of a common word's search time. A table made
 * before this is rewritten once: UPDATE recomputes the vector, which is then stored the new way.
 */
async function keepVectorsInRow(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(
    `SELECT attstorage FROM pg_attribute WHERE attrelid = 'article_search'::regclass AND attname = 'document'`,
  );
  if (rows[0]?.attstorage === 'm') return;
  await knex.raw('ALTER TABLE article_search ALTER COLUMN document SET STORAGE MAIN');
  await knex.raw('UPDATE article_search SET title = title');
}

/**
 * A GIN index that takes each write at once (fastupdate off). By default GIN queues new entries in
 * a pending list that every search then reads through, until a vacuum merges it; on a site that
 * publishes a few articles a day that can take months. Writes here are few, searches many.
 */
async function createGinIndex(knex: Knex, name: string, on: string): Promise<void> {
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${on} WITH (fastupdate = off)`);
  const { rows } = await knex.raw('SELECT reloptions FROM pg_class WHERE relname = ?', [name]);
  if ((rows[0]?.reloptions ?? []).includes('fastupdate=off')) return;
  // An index made before: merge what is queued, then stop queueing.
  await knex.raw(`ALTER INDEX ${name} SET (fastupdate = off)`);
  await knex.raw('SELECT gin_clean_pending_list(?::regclass)', [name]);
}

/**
 * What readers' browsers report (src/features/insight), kept as daily figures only: no address, no
 * visitor hash, no raw event. A reader is told apart from another only until midnight, in memory or
 * Redis (the page views' "once per visitor per day"), never here.
 * - insight_article_days: per article per day, the views the beacon reported by screen kind and the
 *   answers to "Was this page helpful?" (the views themselves stay in article_daily_views);
 * - insight_referrers: readers arriving from each other site's domain per day;
 * - insight_searches: searches that found nothing, by normalised query per day, with that day's
 *   number of different readers who asked it;
 * - insight_vitals: page speed measures as a histogram per day, page type and measure (`bucket` is
 *   the lower bound of a fixed bucket), enough for a 75th percentile;
 * - insight_helpful_notes: the "What was missing?" notes, private to editors.
 * And an index of the page views by day, which the Readers page reads by period.
 */
import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS insight_article_days (
      day date NOT NULL,
      article_document_id varchar(64) NOT NULL,
      phone_views integer NOT NULL DEFAULT 0,
      desktop_views integer NOT NULL DEFAULT 0,
      helpful_yes integer NOT NULL DEFAULT 0,
      helpful_no integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, article_document_id)
    )`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS insight_article_days_article ON insight_article_days (article_document_id, day)`);
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS insight_referrers (
      day date NOT NULL,
      domain varchar(253) NOT NULL,
      visitors integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, domain)
    )`);
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS insight_searches (
      day date NOT NULL,
      query text NOT NULL,
      searches integer NOT NULL DEFAULT 0,
      visitors integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, query)
    )`);
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS insight_vitals (
      day date NOT NULL,
      page_type varchar(16) NOT NULL,
      metric varchar(8) NOT NULL,
      bucket double precision NOT NULL,
      count integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, page_type, metric, bucket)
    )`);
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS insight_helpful_notes (
      id bigserial PRIMARY KEY,
      article_document_id varchar(64) NOT NULL,
      day date NOT NULL,
      answer varchar(3) NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS insight_helpful_notes_article ON insight_helpful_notes (article_document_id, day)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS insight_helpful_notes_day ON insight_helpful_notes (day)`);
  if (await knex.schema.hasTable('article_daily_views')) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS article_daily_views_day ON article_daily_views (day)`);
  }
}

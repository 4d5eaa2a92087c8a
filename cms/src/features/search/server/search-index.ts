/**
 * Full-text search over published articles, in PostgreSQL: a table of our own with one row per
 * published article (its texts and a weighted tsvector with a GIN index), kept up to date by a
 * Document Service middleware and topped up at bootstrap. Drafts never enter it: each row is read
 * from the article's published version. The tables and indexes are made by a migration
 * (cms/database/migrations, "article-search").
 *
 * Snippets are cut from passages (the excerpt and each block of the body, each with its own
 * tsvector, in a second table): ts_headline parses all the text it is given, so it is given the
 * two passages that match best rather than a whole article.
 *
 * Typo tolerance: a lexicon of the indexed words with a pg_trgm index; when a query finds nothing
 * its words are replaced by the nearest known words (words nothing resembles are dropped) and the
 * search runs once more. Without pg_trgm the search still works, without that second chance.
 */
import type { Core } from '@strapi/strapi';
import type { SearchSnippet } from '@medblog/shared';
import { blockTexts } from '../../../platform/blocks';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
export const SEARCH_TABLE = 'article_search';
const PASSAGES_TABLE = 'article_search_passages';
const WORDS_TABLE = 'article_search_words';

// ts_headline marks matches with these; they are removed from indexed text, so a marker in the
// output is always ours and becomes an offset, never markup.
const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
const MARKERS = /[\uE000\uE001]/g;
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=28, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
// Passages of an article a snippet is cut from.
const SNIPPET_PASSAGES = 2;

// Words shorter than this have too few trigrams to be corrected usefully.
const MIN_CORRECTABLE_LENGTH = 3;
const MAX_WORD_LENGTH = 40;

let trigramAvailable = false;

type Connection = Core.Strapi['db']['connection'];

/** Whether pg_trgm is there for typo tolerance (the migration adds it when the database user may). */
export async function detectTrigramSupport(strapi: Core.Strapi): Promise<void> {
  const { rows } = await strapi.db.connection.raw("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
  trigramAvailable = rows.length > 0;
  if (!trigramAvailable)
    strapi.log.warn(
      'Search: the pg_trgm extension is not installed in this database; search works without typo tolerance. ' +
        'Ask the database administrator to run CREATE EXTENSION pg_trgm.',
    );
}

const wordsOf = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => word.length >= MIN_CORRECTABLE_LENGTH && word.length <= MAX_WORD_LENGTH,
  );

const clean = (text: unknown) => (typeof text === 'string' ? text.replace(MARKERS, '') : '');

interface IndexedArticle {
  title?: unknown;
  excerpt?: unknown;
  body?: unknown;
  category?: { name?: unknown } | null;
}

/** The texts of an article's index row, and its passages in reading order. */
function searchTexts(article: IndexedArticle) {
  const blocks = blockTexts(article.body)
    .filter(({ text }) => text)
    .map(({ type, text }) => ({ type, text: clean(text) }));
  const texts = blocks.map(({ text }) => text);
  const excerpt = clean(article.excerpt);
  // An excerpt made from the first paragraph would only repeat it in a snippet.
  const excerptRepeats = texts.some((text) => text.startsWith(excerpt.replace(/…$/, '')));
  const row = {
    title: clean(article.title),
    category: clean(article.category?.name),
    excerpt,
    headings: blocks
      .filter(({ type }) => type === 'heading')
      .map(({ text }) => text)
      .join('\n'),
    body: texts.join('\n'),
  };
  const passages = [...(excerpt && !excerptRepeats ? [excerpt] : []), ...texts];
  return { row, passages };
}

/** Replaces the passages of these articles. */
async function writePassages(db: Connection, articles: { documentId: string; passages: string[] }[]): Promise<void> {
  await db.raw(`DELETE FROM ${PASSAGES_TABLE} WHERE article_document_id = ANY(?::text[])`, [
    articles.map(({ documentId }) => documentId),
  ]);
  const each = articles.flatMap(({ documentId, passages }) =>
    passages.map((text, position) => ({ documentId, position, text })),
  );
  // Three array parameters, however many passages (a query takes at most 65,535 parameters).
  await db.raw(
    `INSERT INTO ${PASSAGES_TABLE} (article_document_id, position, text)
     SELECT * FROM unnest(?::text[], ?::int[], ?::text[])`,
    [each.map(({ documentId }) => documentId), each.map(({ position }) => position), each.map(({ text }) => text)],
  );
}

async function addWords(strapi: Core.Strapi, texts: string[]): Promise<void> {
  const words = [...new Set(texts.flatMap(wordsOf))];
  await strapi.db.connection.raw(`INSERT INTO ${WORDS_TABLE} (word) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING`, [
    words,
  ]);
}

// Index rows written per insert by indexArticles.
const INDEX_BATCH = 500;

/**
 * Indexes the published versions of many articles in a few queries (an import's, or what a start
 * finds missing); those without one are left alone.
 */
export async function indexArticles(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  for (let start = 0; start < documentIds.length; start += INDEX_BATCH) {
    const articles = await strapi.db.query(ARTICLE).findMany({
      where: { documentId: { $in: documentIds.slice(start, start + INDEX_BATCH) }, publishedAt: { $notNull: true } },
      select: ['documentId', 'title', 'excerpt', 'body', 'publishedAt'],
      populate: { category: { select: ['name'] } },
    });
    if (!articles.length) continue;
    // One row per article, as indexArticle writes it (the latest published version's date).
    const latest = new Map<string, (typeof articles)[number]>();
    for (const article of articles) {
      const seen = latest.get(article.documentId);
      if (!seen || Date.parse(article.publishedAt) > Date.parse(seen.publishedAt))
        latest.set(article.documentId, article);
    }
    const indexed = [...latest.values()].map((article) => ({ article, ...searchTexts(article) }));
    const rows = indexed.map(({ article, row }) => ({
      article_document_id: article.documentId,
      published_at: article.publishedAt,
      ...row,
    }));
    await strapi.db.connection.transaction(async (trx) => {
      await trx(SEARCH_TABLE)
        .insert(rows)
        .onConflict('article_document_id')
        .merge(['published_at', 'title', 'category', 'excerpt', 'headings', 'body']);
      await writePassages(
        trx,
        indexed.map(({ article, passages }) => ({ documentId: article.documentId, passages })),
      );
    });
    await addWords(
      strapi,
      rows.map(({ title, category, excerpt, headings, body }) => [title, category, excerpt, headings, body].join(' ')),
    );
  }
}

/** Indexes the published version of an article, or removes it when there is none. */
export async function indexArticle(strapi: Core.Strapi, documentId: string): Promise<void> {
  const db = strapi.db.connection;
  const article = await strapi.documents(ARTICLE).findOne({
    documentId,
    status: 'published',
    fields: ['title', 'excerpt', 'body'],
    populate: { category: { fields: ['name'] } },
  });
  if (!article) {
    await db.raw(`DELETE FROM ${SEARCH_TABLE} WHERE article_document_id = ?`, [documentId]);
    return;
  }
  const { row: texts, passages } = searchTexts(article);
  // Row and passages change together: a search never sees an article without its passages.
  await db.transaction(async (trx) => {
    await trx.raw(
      `INSERT INTO ${SEARCH_TABLE} (article_document_id, published_at, title, category, excerpt, headings, body)
       VALUES (?, (SELECT max(published_at) FROM articles WHERE document_id = ? AND published_at IS NOT NULL), ?, ?, ?, ?, ?)
       ON CONFLICT (article_document_id) DO UPDATE SET published_at = EXCLUDED.published_at, title = EXCLUDED.title,
         category = EXCLUDED.category, excerpt = EXCLUDED.excerpt, headings = EXCLUDED.headings, body = EXCLUDED.body`,
      [documentId, documentId, texts.title, texts.category, texts.excerpt, texts.headings, texts.body],
    );
    await writePassages(trx, [{ documentId, passages }]);
  });
  await addWords(strapi, [Object.values(texts).join(' ')]);
}

/**
 * Indexes what is missing or out of date (an existing database, an article published while the
 * index was not kept, an index made before passages), and forgets articles no longer published.
 * An article with no text but its title has no passages, so it is read again at each start.
 */
export async function rebuildSearchIndex(strapi: Core.Strapi): Promise<number> {
  const db = strapi.db.connection;
  await db.raw(
    `DELETE FROM ${SEARCH_TABLE} s WHERE NOT EXISTS (
       SELECT 1 FROM articles a WHERE a.document_id = s.article_document_id AND a.published_at IS NOT NULL)`,
  );
  const { rows } = await db.raw(
    `SELECT DISTINCT a.document_id AS "documentId" FROM articles a
     LEFT JOIN ${SEARCH_TABLE} s ON s.article_document_id = a.document_id
     WHERE a.published_at IS NOT NULL AND (s.article_document_id IS NULL OR s.published_at IS DISTINCT FROM a.published_at
       OR NOT EXISTS (SELECT 1 FROM ${PASSAGES_TABLE} p WHERE p.article_document_id = s.article_document_id))`,
  );
  await indexArticles(
    strapi,
    (rows as { documentId: string }[]).map(({ documentId }) => documentId),
  );
  return rows.length;
}

const INDEXED_ARTICLE_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * Keeps the index in step with publishing. Every action that may change an article's published
 * version re-reads it (a create or update can publish too, with `status: 'published'`); renaming
 * or deleting a category re-indexes its articles.
 */
export function registerSearchIndexing(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string };
    const isArticle = context.uid === ARTICLE && INDEXED_ARTICLE_ACTIONS.has(context.action);
    const isCategory = context.uid === CATEGORY && (context.action === 'update' || context.action === 'delete');
    if (!isArticle && !isCategory) return next();

    // A deleted category no longer links to its articles: find them first.
    const articleIds = isCategory && params.documentId ? await articlesOfCategory(strapi, params.documentId) : [];
    const result = await next();
    if (isArticle) {
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) articleIds.push(documentId);
    }
    try {
      for (const documentId of articleIds) await indexArticle(strapi, documentId);
    } catch (error) {
      // The change itself is saved; the next start re-indexes what is missing.
      strapi.log.error(`Search: could not index ${articleIds.join(', ')}: ${(error as Error).message}`);
    }
    return result;
  });
}

async function articlesOfCategory(strapi: Core.Strapi, categoryId: string): Promise<string[]> {
  const articles = await strapi.documents(ARTICLE).findMany({
    status: 'published',
    fields: ['documentId'],
    filters: { category: { documentId: categoryId } },
  });
  return articles.map((article) => article.documentId);
}

/** ts_headline's output with our markers turned into offsets. */
export function toSnippet(marked: string): SearchSnippet {
  let text = '';
  const highlights: SearchSnippet['highlights'] = [];
  let start = -1;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MATCH_START) start = text.length;
    else if (part === MATCH_END) {
      if (start >= 0 && text.length > start) highlights.push({ start, end: text.length });
      start = -1;
    } else text += part;
  }
  return { text, highlights };
}

/** One page of ranked matches: the total, and the page's documentIds best first. */
export interface RankedPage {
  total: number;
  documentIds: string[];
  /** How the page's snippets are to mark the matches (the query as it was finally run). */
  query: SnippetQuery;
}

type SnippetQuery = { parse: 'websearch_to_tsquery' | 'plainto_tsquery'; text: string };

async function rankedPage(
  strapi: Core.Strapi,
  query: SnippetQuery,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  // The table holds published articles only (registerSearchIndexing keeps it so), and the cards
  // are read from published versions afterwards: ranking needs no join. Each match is ranked in
  // the subquery (OFFSET 0 keeps it one), so the count's window holds only ids and ranks; ranked
  // after it, every match's whole row, tsvector included, was copied into the window first.
  const { rows } = await strapi.db.connection.raw(
    `SELECT m."documentId", count(*) OVER ()::int AS total
     FROM (
       SELECT s.article_document_id AS "documentId", s.published_at, ts_rank(s.document, q.query) AS rank
       FROM ${SEARCH_TABLE} s, ${query.parse}('english', ?) AS q(query)
       WHERE s.document @@ q.query
       OFFSET 0
     ) m
     ORDER BY m.rank DESC, m.published_at DESC, m."documentId"
     LIMIT ? OFFSET ?`,
    [query.text, limit, offset],
  );
  let total: number = rows[0]?.total ?? 0;
  if (!rows.length && offset > 0) {
    const counted = await strapi.db.connection.raw(
      `SELECT count(*)::int AS total FROM ${SEARCH_TABLE} WHERE document @@ ${query.parse}('english', ?)`,
      [query.text],
    );
    total = counted.rows[0].total;
  }
  return { total, documentIds: rows.map((row: { documentId: string }) => row.documentId), query };
}

/**
 * The snippets of a page of matches, by documentId, with the matches marked. Each is cut from the
 * article's two best passages, in reading order: those that match the whole query first, then
 * those with most of its words (a match may be spread over passages), then the first ones.
 * An article with no text but its title has none.
 */
export async function searchSnippets(strapi: Core.Strapi, page: RankedPage): Promise<Map<string, SearchSnippet>> {
  if (!page.documentIds.length) return new Map();
  const { rows } = await strapi.db.connection.raw(
    `WITH q AS (
       SELECT ${page.query.parse}('english', ?) AS query, tsvector_to_array(to_tsvector('english', ?)) AS words
     ), best AS (
       SELECT p.article_document_id, p.position, p.text, row_number() OVER (
         PARTITION BY p.article_document_id
         ORDER BY p.document @@ q.query DESC, length(p.document) - length(ts_delete(p.document, q.words)) DESC, p.position
       ) AS n
       FROM ${PASSAGES_TABLE} p, q WHERE p.article_document_id = ANY(?::text[])
     )
     SELECT best.article_document_id AS "documentId",
            ts_headline('english', string_agg(best.text, E'\\n' ORDER BY best.position), q.query, ?) AS snippet
     FROM best, q WHERE best.n <= ?
     GROUP BY best.article_document_id, q.query`,
    [page.query.text, page.query.text, page.documentIds, HEADLINE_OPTIONS, SNIPPET_PASSAGES],
  );
  return new Map(rows.map((row: { documentId: string; snippet: string }) => [row.documentId, toSnippet(row.snippet)]));
}

/** The query's words replaced by the nearest indexed words; null when nothing is near. */
async function correctedWords(strapi: Core.Strapi, q: string): Promise<string | null> {
  if (!trigramAvailable) return null;
  // Excluded words ("-word") stay excluded: they are not offered for correction.
  const words = wordsOf(q.replace(/(^|\s)-\S+/g, ' '));
  if (!words.length) return null;
  const { rows } = await strapi.db.connection.raw(
    `SELECT string_agg(best.word, ' ' ORDER BY q.n) AS words
     FROM unnest(?::text[]) WITH ORDINALITY AS q(word, n)
     CROSS JOIN LATERAL (
       SELECT w.word FROM ${WORDS_TABLE} w WHERE w.word % q.word
       ORDER BY similarity(w.word, q.word) DESC, w.word LIMIT 1) best`,
    [words],
  );
  return rows[0]?.words ?? null;
}

/**
 * Published articles matching `q`, best first: PostgreSQL's web-search syntax ("quoted phrases",
 * -excluded, or) with English stemming; when that finds nothing, the typo-corrected words.
 */
export async function rankArticles(strapi: Core.Strapi, q: string, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const exact = await rankedPage(strapi, { parse: 'websearch_to_tsquery', text: q }, pageSize, offset);
  if (exact.total > 0) return exact;
  const corrected = await correctedWords(strapi, q);
  return corrected ? rankedPage(strapi, { parse: 'plainto_tsquery', text: corrected }, pageSize, offset) : exact;
}

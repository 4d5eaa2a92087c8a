/**
 * Brings posts into the CMS, one database transaction per file: a file that fails anywhere leaves
 * nothing behind (and the images uploaded for it are removed). Entries are keyed (private
 * importKey fields) so a second run compares and writes only what changed. What a file already
 * has (its articles, comments, redirects, categories, authors, the slugs in use) is read in a few
 * queries up front; changed entries are saved through the Document Service, while new ones (most
 * of a first import) are written together at the file's end in the shape the Document Service
 * gives them, with what its middlewares add: computed fields and free slugs here, the search index
 * and the purge calls (site and API cache) once per file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Core, UID } from '@strapi/strapi';
import { LIMITS, normaliseRedirectPath, PURGE_TAGS, type Block, type InlineNode } from '@medblog/shared';
import { blockTexts } from '../../../platform/blocks';
import { announceChange } from '../../../platform/content-changes';
import { ipHash } from '../../../platform/utils/client';
import { imageAddress, linkAddress } from './addresses';
import { recordWritten, Written } from './ledger';
import { htmlToBlocks, htmlToText, type ImageBlock } from './html-blocks';
import { findMediaFile, IMAGE_TYPES, type MediaFile } from './media-files';
import { replaceShortcodes } from './shortcodes';
import { addSummary, droppedLines, emptySummary, quoted, type EntryKind, type Outcome, type Summary } from './summary';
import { textToPost, titleFromBlocks } from './text-blocks';
import { ImportFileError, parseWxrFile, type WxrComment, type WxrPost } from './wxr';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const REDIRECT = 'api::redirect.redirect';
const AUTHOR = 'api::author.author';
const CATEGORY = 'api::category.category';
const UPLOAD_FILE = 'plugin::upload.file';

const TITLE_MAX = 160;
// WordPress's own markers in a post's text.
const MORE = /<!--\s*more\b[^>]*-->/i;
const NEXT_PAGE = /<!--\s*nextpage\s*-->/gi;
const COMMENT_NAME_MAX = 80;
const COMMENT_BODY_MAX = 4000;
// authorEmail is required; a comment WordPress kept without a usable address gets this one.
const NO_EMAIL = 'unknown@example.invalid';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the importer does in other features' stead, as it writes new entries to the database
 * rather than through the Document Service: slugs and computed fields (articles), first versions
 * (history), the search index (search). Features never import each other: the article service
 * hands these over (src/api/article/services/article.ts).
 */
export interface ImportSteps {
  slugify(text: string): string;
  freeSlug(base: string, used: Set<string>): string;
  fillArticleFields(data: Record<string, unknown>): void;
  recordFirstVersions(
    strapi: Core.Strapi,
    articles: Array<{ documentId: string; published: boolean }>,
    editorName: string,
  ): Promise<void>;
  rebuildSearchIndex(strapi: Core.Strapi): Promise<number>;
  /** Who saved an imported post, as its history names them. */
  importerName: string;
}

const steps = (strapi: Core.Strapi) => strapi.service('api::article.article').importSteps() as ImportSteps;

export interface ImportOptions {
  /** Publish the plain-text copies (a WordPress post's own status decides for it). */
  publish?: boolean;
  /** Do everything, then roll each file back. */
  dryRun?: boolean;
  /** The export's uploads folder (wp-content/uploads). */
  mediaDir?: string;
  /** Called after each post of a file. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** A post ready to write, from either kind of file. */
interface PostInput {
  key: string;
  label: string;
  title: string;
  slug?: string;
  excerpt: string | null;
  blocks: Block[];
  published: boolean;
  originalPublishedAt: string | null;
  category: { name: string; slug: string } | null;
  author: string | null;
  oldPaths: string[];
  comments: WxrComment[];
  /** For the editor only: what was left out of a text copy, and why. */
  importNote: string | null;
  /** The post's featured image (its attachment's file address and alt text), to be its cover. */
  featuredImage: { url: string; alternativeText: string | null } | null;
}

class DryRun extends Error {}

// What readers may see change when an entry of each kind is written (comments: per article).
const CHANGE_TAGS: Partial<Record<EntryKind, string>> = {
  article: PURGE_TAGS.articles,
  redirect: PURGE_TAGS.redirects,
  author: PURGE_TAGS.authors,
  category: PURGE_TAGS.categories,
};

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
// As stored: dates as text, no undefined; jsonb keeps its own key order, which does not matter.
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));
const same = (a: unknown, b: unknown) => isDeepStrictEqual(asStored(a), asStored(b));

/** Imports each file (a WXR export, or a folder of them and of .txt copies) in its own transaction. */
export async function importFiles(strapi: Core.Strapi, paths: string[], options: ImportOptions = {}): Promise<Summary> {
  const total = emptySummary();
  for (const file of expandPaths(paths)) {
    addSummary(total, await importFile(strapi, file, options));
  }
  return total;
}

/** The files of `paths`: each file, and the .xml and .txt files of each folder. */
export function expandPaths(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => /\.(xml|txt)$/i.test(name))
      .sort()
      .map((name) => join(path, name));
  });
}

async function readPosts(file: string, options: ImportOptions, summary: Summary): Promise<PostInput[]> {
  if (extname(file).toLowerCase() === '.txt') return [textPost(file, options, summary)];
  const wxr = await parseWxrFile(file);
  const names = new Map(wxr.authors.map((author) => [author.login, author.displayName || author.login]));
  const attachments = new Map(
    wxr.posts.filter((post) => post.type === 'attachment').map((post) => [post.postId, post]),
  );
  const posts: PostInput[] = [];
  for (const post of wxr.posts) {
    const label = `${quoted(post.title || post.slug || String(post.postId))} (${basename(file)})`;
    if (post.type && post.type !== 'post') {
      summary.skipped.push({ what: label, why: `a WordPress ${post.type}, not a post` });
      continue;
    }
    if (post.status === 'private' || post.status === 'trash') {
      summary.skipped.push({
        what: label,
        why: `${post.status === 'trash' ? 'in the trash' : 'private'} on WordPress`,
      });
      continue;
    }
    posts.push(wxrPost(post, label, names, summary, attachments));
  }
  return posts;
}

/** Replaces shortcodes in `text`, each one dropped named once in `summary` (see shortcodes.ts). */
function shortcodeReplacer(label: string, summary: Summary) {
  const dropped = new Map<string, boolean>();
  const replace = (text: string, format: 'html' | 'text') =>
    replaceShortcodes(text, format, (name, keptText) => dropped.set(name, Boolean(dropped.get(name)) || keptText));
  const report = () => {
    for (const [name, keptText] of dropped) {
      summary.warnings.push(
        `${label}: shortcode [${name}] dropped, as nothing here stands for it${keptText ? '; the text it wrapped is kept' : ''}`,
      );
    }
  };
  return { replace, report };
}

function wxrPost(
  post: WxrPost,
  label: string,
  names: Map<string, string>,
  summary: Summary,
  attachments: Map<string, WxrPost>,
): PostInput {
  // Scheduled (future), draft and pending posts wait for an editor here too.
  const published = post.status === 'publish';
  const shortcodes = shortcodeReplacer(label, summary);
  // <!--nextpage--> splits a post into pages: here a break between paragraphs, never text.
  const content = shortcodes.replace(post.content.replace(NEXT_PAGE, '\n\n'), 'html');
  const blocks = htmlToBlocks(content, {
    onRefusedLink: (href) =>
      summary.warnings.push(
        `${label}: link ${quoted(href)} dropped, its text kept (not http(s), mailto, or a path from the site's root)`,
      ),
  });
  if (!blockTexts(blocks).some(({ text }) => text.trim()))
    summary.warnings.push(`${label}: no text (only images, or nothing): imported as it is, for an editor to complete`);
  // Titles are plain text: WordPress lets them hold markup (<em>, <strong>, entities).
  const title = htmlToText(post.title).replace(/\s+/g, ' ') || titleFromBlocks(blocks);
  if (title.length > TITLE_MAX) summary.warnings.push(`${label}: title shortened to ${TITLE_MAX} characters`);
  // Without an excerpt of its own, what comes before <!--more--> is the post's teaser.
  const teaser = MORE.test(content) ? htmlToText(content.split(MORE)[0]!).replace(/\s+/g, ' ') : '';
  let excerpt = htmlToText(shortcodes.replace(post.excerpt, 'html')) || teaser || null;
  shortcodes.report();
  if (excerpt && excerpt.length > LIMITS.articleExcerpt) {
    summary.warnings.push(`${label}: excerpt shortened to ${LIMITS.articleExcerpt} characters`);
    excerpt = truncate(excerpt, LIMITS.articleExcerpt);
  }
  const oldPaths: string[] = [];
  if (published && URL.canParse(post.link)) {
    const link = new URL(post.link);
    oldPaths.push(link.pathname + link.search);
  }
  if (published && post.postId) oldPaths.push(`/?p=${post.postId}`);
  return {
    key: post.guid || `wordpress-post:${post.postId}`,
    label,
    title: truncate(title, TITLE_MAX),
    slug: safeDecode(post.slug) || undefined,
    excerpt,
    blocks,
    published,
    originalPublishedAt: post.date,
    category: post.categories[0] ?? null,
    author: post.creator ? (names.get(post.creator) ?? post.creator) : null,
    oldPaths,
    comments: post.comments,
    importNote: null,
    featuredImage: featuredImage(post, label, summary, attachments),
  };
}

/** The attachment a post names as its featured image; a warning when the export lacks it. */
function featuredImage(post: WxrPost, label: string, summary: Summary, attachments: Map<string, WxrPost>) {
  if (!post.thumbnailId) return null;
  const attachment = attachments.get(post.thumbnailId);
  if (!attachment?.attachmentUrl) {
    summary.warnings.push(
      `${label}: its featured image (attachment ${post.thumbnailId}) is not in the export; no cover`,
    );
    return null;
  }
  return { url: attachment.attachmentUrl, alternativeText: attachment.imageAlt || null };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function textPost(file: string, options: ImportOptions, summary: Summary): PostInput {
  const label = `${basename(file)}`;
  const shortcodes = shortcodeReplacer(label, summary);
  const { title, blocks, dropped } = textToPost(shortcodes.replace(readFileSync(file, 'utf8'), 'text'));
  shortcodes.report();
  let chosen = title;
  if (!chosen) {
    chosen = titleFromBlocks(blocks);
    summary.warnings.push(`${label}: no title line; titled ${quoted(chosen)}`);
  }
  if (dropped.length) summary.dropped.push({ file: label, lines: dropped });
  return {
    key: `text:${chosen}`,
    label,
    title: truncate(chosen, TITLE_MAX),
    excerpt: null,
    blocks,
    published: Boolean(options.publish),
    originalPublishedAt: null,
    category: null,
    author: null,
    oldPaths: [],
    comments: [],
    importNote: dropped.length
      ? [`Left out of ${label} as the old site's page furniture:`, ...droppedLines(dropped)].join('\n')
      : null,
    featuredImage: null,
  };
}

async function importFile(strapi: Core.Strapi, file: string, options: ImportOptions): Promise<Summary> {
  const summary = emptySummary();
  const touched = new Set<string>();
  const uploaded: UploadedFile[] = [];
  try {
    const posts = await readPosts(file, options, summary);
    await strapi.db.transaction(async ({ trx }) => {
      const writer = new Writer(strapi, summary, options, touched, uploaded);
      await writer.load(posts);
      for (const [index, post] of posts.entries()) {
        try {
          await writer.post(post);
        } catch (error) {
          throw new ImportFileError(`${post.label}: ${reasonOf(error)}`, { cause: error });
        }
        options.onProgress?.(index + 1, posts.length, file);
      }
      await writer.flush(trx as unknown as Transaction);
      await recordWritten(trx as unknown as Transaction, basename(file), writer.written, new Date());
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    // The rollback took the files' rows; their copies in the upload provider go too.
    await removeUploads(strapi, uploaded);
    if (!(error instanceof DryRun)) {
      const failed = emptySummary();
      failed.failed.push({ file: basename(file), error: reasonOf(error) });
      return failed;
    }
  } finally {
    // The index is written beside the transaction: bring it in line with what was kept.
    await steps(strapi).rebuildSearchIndex(strapi);
  }
  // Purge calls made during the transaction may have reached the site before the commit.
  if (!options.dryRun && touched.size) announceChange(strapi, [...touched]);
  await eventsSent(strapi);
  return summary;
}

async function removeUploads(strapi: Core.Strapi, files: UploadedFile[]): Promise<void> {
  for (const file of files) {
    try {
      await strapi.plugin('upload').service('upload').remove(file);
    } catch (error) {
      strapi.log.warn(`Import: could not remove the upload ${String(file.name)}: ${(error as Error).message}`);
    }
  }
}

/**
 * Once a transaction commits, Strapi reads every entry the Document Service saved in it once more,
 * all at once, for its events (webhooks): after an edited export, many queries may wait for a
 * connection. The next file and the end of the run wait for them (a minute at most). Entries
 * written in bulk raise no such events.
 */
async function eventsSent(strapi: Core.Strapi): Promise<void> {
  const { pool } = (strapi.db.connection as unknown as { client: { pool: Pool } }).client;
  for (let waited = 0; waited < 60_000 && (pool.numPendingAcquires() || pool.numUsed()); waited += 50) await sleep(50);
}

/** An error as one line, with each field a validation error names. */
function reasonOf(error: unknown): string {
  const { message, details } = error as Error & { details?: { errors?: Array<{ path: string[]; message: string }> } };
  const fields = details?.errors?.map((problem) => `${problem.path.join('.')}: ${problem.message}`) ?? [];
  return fields.length ? fields.join('; ') : message;
}

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
}

type Existing = Record<string, unknown> & { documentId: string };

type StoredComment = Existing & { importKey: string; parent?: Existing | null; article?: Existing | null };

/** An entry's row: its id (what link tables hold) and its documentId. */
interface Row {
  id: number;
  documentId: string;
}

/** A new article, written with the file's other new entries once all its posts are read (see flush). */
interface NewArticle {
  data: Record<string, unknown>;
  published: boolean;
  category: Row | null;
  author: Row | null;
  /** The upload file id of its cover. */
  cover: number | null;
}

interface NewComment {
  data: Record<string, unknown>;
  article: string;
  parent: string | null;
}

type Transaction = Core.Strapi['db']['connection'];

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

interface MorphJoinTable extends Pick<JoinTable, 'name' | 'joinColumn'> {
  morphColumn: { idColumn: { name: string }; typeColumn: { name: string } };
}

/** A file the upload plugin stored. */
type UploadedFile = Record<string, unknown> & { id: number };

const commentKey = (post: PostInput, comment: WxrComment) => `${post.key}#comment-${comment.id}`;

// Link tables take this many rows per insert (well within PostgreSQL's 65,535 parameters).
const LINK_BATCH = 5000;

async function insertLinks(trx: Transaction, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += LINK_BATCH) {
    await trx(table).insert(rows.slice(start, start + LINK_BATCH));
  }
}

class Writer {
  private readonly authors = new Map<string, Row>();
  private readonly categories = new Map<string, Row>();
  // What earlier runs stored for this file's entries, read in one query each (see load).
  private drafts = new Map<string, Existing>();
  private published = new Set<string>();
  private storedComments = new Map<string, StoredComment>();
  private redirects = new Map<string, Existing>();
  private slugs = new Set<string>();
  // New entries of the file: a few inserts at its end instead of a Document Service save each.
  private readonly newArticles: NewArticle[] = [];
  private readonly newComments: NewComment[] = [];
  private readonly newRedirects: Record<string, unknown>[] = [];
  private readonly newDocumentId: () => string;
  /** What this run wrote, for the import ledger (see ledger.ts). */
  readonly written = new Written();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly summary: Summary,
    private readonly options: ImportOptions,
    private readonly touched: Set<string>,
    /** Files uploaded for this file's images: removed again when its transaction rolls back. */
    private readonly uploaded: UploadedFile[],
  ) {
    // Strapi's own documentId generator (the default of every type's documentId).
    const { documentId } = strapi.db.metadata.get(ARTICLE).attributes as Record<string, { default?: unknown }>;
    this.newDocumentId = documentId.default as () => string;
  }

  /** Counts an entry in the summary; one created or updated, with its documentId, in the ledger too. */
  private count(kind: EntryKind, outcome: Outcome, documentId?: string) {
    this.summary[outcome][kind] += 1;
    if (documentId && outcome !== 'unchanged') this.written.add(outcome, kind, documentId);
    const tag = CHANGE_TAGS[kind];
    if (outcome !== 'unchanged' && tag) this.touched.add(tag);
  }

  /**
   * Reads what a previous import of these posts stored (their articles, comments and redirects),
   * their categories and authors, and the slugs in use.
   */
  async load(posts: PostInput[]): Promise<void> {
    const keys = posts.map((post) => post.key);
    const articles = this.strapi.db.query(ARTICLE);
    const drafts = (await articles.findMany({
      where: { importKey: { $in: keys }, publishedAt: { $null: true } },
      select: ['documentId', 'importKey', 'title', 'excerpt', 'body', 'originalPublishedAt', 'slug', 'importNote'],
      populate: {
        category: { select: ['documentId'] },
        author: { select: ['documentId'] },
        cover: { select: ['id'] },
      },
    })) as Existing[];
    this.drafts = new Map(drafts.map((row) => [row.importKey as string, row]));
    const published = await articles.findMany({
      where: { importKey: { $in: keys }, publishedAt: { $notNull: true } },
      select: ['importKey'],
    });
    this.published = new Set(published.map((row) => row.importKey as string));
    const slugs = await articles.findMany({ select: ['slug'], where: { slug: { $notNull: true } } });
    this.slugs = new Set(slugs.map((row) => row.slug as string));
    const comments = (await this.strapi.db.query(COMMENT).findMany({
      where: { importKey: { $in: posts.flatMap((post) => post.comments.map((c) => commentKey(post, c))) } },
      select: ['documentId', 'importKey', 'authorName', 'authorEmail', 'body', 'moderationStatus'],
      populate: { parent: { select: ['documentId'] }, article: { select: ['documentId'] } },
    })) as StoredComment[];
    this.storedComments = new Map(comments.map((row) => [row.importKey, row]));
    const redirects = (await this.strapi.db.query(REDIRECT).findMany({
      where: { fromPath: { $in: posts.flatMap((post) => post.oldPaths.map(normaliseRedirectPath)) } },
      select: ['documentId', 'fromPath', 'toPath', 'code'],
    })) as Existing[];
    this.redirects = new Map(redirects.map((row) => [row.fromPath as string, row]));
    for (const [uid, names, found] of [
      [CATEGORY, posts.map((post) => post.category?.name), this.categories],
      [AUTHOR, posts.map((post) => post.author), this.authors],
    ] as const) {
      const rows = await this.strapi.db.query(uid).findMany({
        where: { name: { $in: [...new Set(names.filter(Boolean))] } },
        select: ['id', 'documentId', 'name'],
      });
      for (const row of rows) found.set(row.name as string, row as Row);
    }
  }

  async post(post: PostInput): Promise<void> {
    const blocks = await this.images(post);
    const cover = await this.cover(post);
    const category = post.category ? await this.category(post.category) : null;
    const author = post.author ? await this.author(post.author) : null;
    const existing = this.drafts.get(post.key);
    let documentId: string;
    let slug: string;
    if (!existing) ({ documentId, slug } = await this.newArticle(post, blocks, category, author, cover));
    else {
      documentId = existing.documentId;
      slug = existing.slug as string;
      await this.updateArticle(post, existing, {
        title: post.title,
        body: blocks,
        originalPublishedAt: post.originalPublishedAt,
        importNote: post.importNote,
        category: category?.documentId ?? null,
        author: author?.documentId ?? null,
        ...(post.excerpt ? { excerpt: post.excerpt } : {}),
        // Without one from the export, an editor's choice of cover stays.
        ...(cover ? { cover } : {}),
      });
    }
    if (post.published) for (const path of post.oldPaths) await this.redirect(path, `/articles/${slug}`, post.label);
    await this.comments(post, documentId);
  }

  /**
   * A new article as the Document Service would save it: the fields its middlewares compute (a
   * free slug, reading time, excerpt) and Strapi's validation, written later by flush.
   */
  private async newArticle(
    post: PostInput,
    blocks: Block[],
    category: Row | null,
    author: Row | null,
    cover: number | null,
  ) {
    const { freeSlug, slugify } = steps(this.strapi);
    const slug = freeSlug(slugify(post.slug || post.title) || 'article', this.slugs);
    this.slugs.add(slug);
    const data: Record<string, unknown> = {
      documentId: this.newDocumentId(),
      title: post.title,
      slug,
      body: blocks,
      excerpt: post.excerpt,
      originalPublishedAt: post.originalPublishedAt,
      importKey: post.key,
      importNote: post.importNote,
      // Old posts: subscribers are not e-mailed about them (an editor may untick it before publishing).
      doNotEmail: true,
    };
    steps(this.strapi).fillArticleFields(data);
    this.newArticles.push({
      data: await this.valid(ARTICLE, data, !post.published),
      published: post.published,
      category,
      author,
      cover,
    });
    this.count('article', 'created', data.documentId as string);
    return { documentId: data.documentId as string, slug };
  }

  private async updateArticle(post: PostInput, existing: Existing, data: Record<string, unknown>): Promise<void> {
    const stored = {
      title: existing.title,
      body: existing.body,
      originalPublishedAt: existing.originalPublishedAt
        ? new Date(existing.originalPublishedAt as string).toISOString()
        : null,
      importNote: existing.importNote ?? null,
      category: (existing.category as Existing | null)?.documentId ?? null,
      author: (existing.author as Existing | null)?.documentId ?? null,
      ...(post.excerpt ? { excerpt: existing.excerpt } : {}),
      ...('cover' in data ? { cover: (existing.cover as { id: number } | null)?.id ?? null } : {}),
    };
    // A draft post leaves a version published here before alone.
    if (same(stored, data) && (this.published.has(post.key) || !post.published)) {
      this.count('article', 'unchanged');
      return;
    }
    await this.strapi.documents(ARTICLE).update({
      documentId: existing.documentId,
      data: data as never,
      status: post.published ? 'published' : 'draft',
    });
    this.count('article', 'updated', existing.documentId);
  }

  /**
   * `data` checked by Strapi's validator as a Document Service save is (lengths, formats, required
   * fields, unique values), against the written fields only: relations are linked by flush, and a
   * schema of every field costs a file of thousands of entries seconds.
   */
  private async valid(uid: UID.ContentType, data: Record<string, unknown>, isDraft = false) {
    const { attributes, ...model } = this.strapi.contentType(uid);
    const written = Object.fromEntries(Object.entries(attributes).filter(([name]) => name in data));
    const checked = await this.strapi.entityValidator.validateEntityCreation(
      { ...model, attributes: written } as never,
      data as never,
      { isDraft },
    );
    return checked as Record<string, unknown>;
  }

  private async category({ name, slug }: { name: string; slug: string }): Promise<Row> {
    const found = this.categories.get(name);
    if (found) return found;
    const created = await this.strapi
      .documents(CATEGORY)
      .create({ data: { name, slug: safeDecode(slug) || undefined } as never });
    this.count('category', 'created', created.documentId);
    this.categories.set(name, created as Row);
    return created as Row;
  }

  private async author(name: string): Promise<Row> {
    const found = this.authors.get(name);
    if (found) return found;
    const created = await this.strapi.documents(AUTHOR).create({ data: { name } });
    this.count('author', 'created', created.documentId);
    this.authors.set(name, created as Row);
    return created as Row;
  }

  private async redirect(oldPath: string, toPath: string, label: string): Promise<void> {
    const fromPath = normaliseRedirectPath(oldPath);
    if (fromPath === '/' || fromPath === toPath) return;
    if (/\s|#/.test(fromPath)) {
      this.summary.warnings.push(`${label}: no redirect from ${fromPath} (not a path the site can answer)`);
      return;
    }
    const found = this.redirects.get(fromPath);
    const data = { toPath, code: 'permanent-301' as const };
    if (!found) {
      const created = await this.valid(REDIRECT, { documentId: this.newDocumentId(), fromPath, ...data });
      this.newRedirects.push(created);
      // A later post of the file may claim the same old address.
      this.redirects.set(fromPath, created as Existing);
      this.count('redirect', 'created', created.documentId as string);
    } else if (found.toPath === toPath && found.code === 'permanent-301') this.count('redirect', 'unchanged');
    else {
      // Not written yet: it is a redirect of this file, and changes before its insert.
      if (this.newRedirects.includes(found)) Object.assign(found, data);
      else await this.strapi.documents(REDIRECT).update({ documentId: found.documentId, data });
      this.count('redirect', 'updated', found.documentId);
    }
  }

  /**
   * The post's blocks with each image uploaded from --media, or, when the file is not there, a
   * link. Left out, each named in a warning: an image whose address is not http(s) (javascript:,
   * data:...), whose path leads out of --media, or that is missing and has no address to link to.
   */
  private async images(post: PostInput): Promise<Block[]> {
    const blocks: Block[] = [];
    for (const block of post.blocks) {
      if (block.type !== 'image') {
        blocks.push(block);
        continue;
      }
      const written = block.image.url;
      const found = this.locate(written, `${post.label}: image ${quoted(written)}`);
      if (!found) continue;
      const { address, file } = found;
      if (file !== 'missing') {
        const uploaded = await this.upload(file, block);
        // Null: a dry run found the file; it would be uploaded, and the body is not saved.
        if (uploaded) blocks.push(uploaded);
        continue;
      }
      const missing = `${post.label}: image ${quoted(written)} ${this.notFound()}`;
      const url = linkAddress(written);
      if (!url) {
        this.summary.warnings.push(`${missing}, and its address is no link a reader could follow; dropped`);
        continue;
      }
      this.summary.warnings.push(`${missing}; kept as a link`);
      const name = basename(address.pathname);
      const label: InlineNode[] = [{ type: 'text', text: block.image.alternativeText || `Image: ${name}` }];
      blocks.push({ type: 'paragraph', children: [{ type: 'link', url, children: label as never }] });
    }
    return blocks;
  }

  /**
   * The file of an image address in --media, or 'missing'. Null, with a warning starting with
   * `what`, for an address that is not http(s) (javascript:, data:...) or whose path leads out of
   * --media.
   */
  private locate(written: string, what: string): { address: URL; file: MediaFile | 'missing' } | null {
    const { mediaDir } = this.options;
    const address = imageAddress(written);
    if (!address) {
      this.summary.warnings.push(`${what} dropped: not an http(s) address`);
      return null;
    }
    const file = mediaDir ? findMediaFile(address, mediaDir) : 'missing';
    if (file === 'outside') {
      this.summary.warnings.push(`${what} skipped: its path leads outside ${mediaDir}`);
      return null;
    }
    return { address, file };
  }

  private notFound(): string {
    return this.options.mediaDir ? `not found in ${this.options.mediaDir}` : '(no --media folder given)';
  }

  /**
   * The post's featured image as the id of its cover: uploaded from --media with its alt text.
   * Null, with a warning naming the post, when the file is not there or has no alt text (a cover
   * needs one: the picture is uploaded all the same, for an editor to describe and choose).
   */
  private async cover(post: PostInput): Promise<number | null> {
    if (!post.featuredImage) return null;
    const { url: written, alternativeText } = post.featuredImage;
    const what = `${post.label}: featured image ${quoted(written)}`;
    const found = this.locate(written, what);
    if (!found) return null;
    if (found.file === 'missing') {
      this.summary.warnings.push(`${what} ${this.notFound()}; no cover`);
      return null;
    }
    const stored = await this.storedFile(found.file, alternativeText);
    // The file may have been described since, in the Media Library.
    const described = (stored?.alternativeText as string | null | undefined)?.trim() || alternativeText;
    if (!described) {
      this.summary.warnings.push(
        `${what} has no alt text, which a cover needs: no cover; describe the picture in the Media Library and choose it`,
      );
      return null;
    }
    // Null: a dry run found the file; it would be uploaded, and the article is not saved.
    if (!stored) return null;
    if (!(stored.alternativeText as string | null)?.trim()) {
      await this.strapi.db
        .query(UPLOAD_FILE)
        .update({ where: { id: stored.id }, data: { alternativeText: described } });
      this.written.add('updated', 'image', stored.documentId as string);
    }
    return stored.id;
  }

  /**
   * A file in the media library: uploaded now, or by an earlier run (found by its path in the
   * uploads folder, kept as its name). A dry run uploads nothing and gives null.
   */
  private async storedFile(file: MediaFile, alternativeText: string | null): Promise<UploadedFile | null> {
    const stored = (await this.strapi.db.query(UPLOAD_FILE).findOne({ where: { name: file.name } })) as UploadedFile;
    if (stored) {
      this.count('image', 'unchanged');
      return stored;
    }
    if (this.options.dryRun) {
      this.count('image', 'created');
      return null;
    }
    const [uploaded] = await this.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: file.name, alternativeText } },
        files: {
          filepath: file.path,
          originalFilename: basename(file.name),
          mimetype: IMAGE_TYPES[extname(file.name).toLowerCase()],
          size: statSync(file.path).size,
        },
      });
    this.uploaded.push(uploaded);
    this.count('image', 'created', uploaded.documentId as string);
    return uploaded;
  }

  /** The image block of a file in the media library. A dry run uploads nothing, and says "a link" instead. */
  private async upload(file: MediaFile, block: ImageBlock): Promise<Block | null> {
    const stored = await this.storedFile(file, block.image.alternativeText);
    if (!stored) return null;
    // The file as the admin's editor stores it in a body, with this post's alt text and caption.
    const { id, documentId, name, hash, ext, mime, size, url, previewUrl, provider, provider_metadata } = stored;
    const { width, height, formats, createdAt, updatedAt } = stored;
    return {
      type: 'image',
      image: {
        ...{ id, documentId, name, hash, ext, mime, size, url, previewUrl, provider, provider_metadata },
        ...{ width, height, formats, createdAt, updatedAt },
        alternativeText: block.image.alternativeText,
        caption: block.image.caption ?? null,
      } as ImageBlock['image'],
      children: block.children,
    };
  }

  /** A post's comments in their WordPress order, replies after what they answer. */
  private async comments(post: PostInput, articleId: string): Promise<void> {
    if (!post.comments.length) return;
    const keyOf = (comment: WxrComment) => commentKey(post, comment);
    const ids = new Map<string, string>();
    const ordered = [...post.comments].sort((a, b) => Number(a.id) - Number(b.id));
    let changedShown = false;
    for (const comment of ordered) {
      const label = `comment ${comment.id} on ${post.label}`;
      if (comment.approved === 'trash') {
        this.summary.skipped.push({ what: label, why: 'in the trash on WordPress' });
        continue;
      }
      if (comment.type === 'pingback' || comment.type === 'trackback') {
        this.summary.skipped.push({ what: label, why: `a ${comment.type}, not a reader's comment` });
        continue;
      }
      let parent: string | null = null;
      if (comment.parentId) {
        parent = ids.get(comment.parentId) ?? null;
        if (!parent)
          this.summary.warnings.push(
            `${label}: answers comment ${comment.parentId}, not imported; kept as a comment of its own`,
          );
      }
      const body = htmlToText(comment.content) || comment.content.trim();
      if (!body) {
        this.summary.skipped.push({ what: label, why: 'empty' });
        continue;
      }
      if (body.length > COMMENT_BODY_MAX)
        this.summary.warnings.push(`${label}: shortened to ${COMMENT_BODY_MAX} characters`);
      const email = EMAIL.test(comment.authorEmail) ? comment.authorEmail : NO_EMAIL;
      const moderationStatus = comment.approved === '1' ? 'approved' : comment.approved === 'spam' ? 'spam' : 'pending';
      const data = {
        authorName: truncate(comment.authorName.trim() || 'Anonymous', COMMENT_NAME_MAX),
        authorEmail: email,
        body: truncate(body, COMMENT_BODY_MAX),
        moderationStatus,
        parent,
        article: articleId,
      };
      const found = this.storedComments.get(keyOf(comment));
      if (!found) {
        const { parent: parentId, article, ...fields } = data;
        const created = await this.valid(COMMENT, {
          ...fields,
          documentId: this.newDocumentId(),
          importKey: keyOf(comment),
          moderatedAt: moderationStatus === 'pending' ? null : comment.date,
          ipHash: comment.authorIp ? ipHash(comment.authorIp) : null,
          ...(comment.date ? { createdAt: comment.date } : {}),
        });
        this.newComments.push({ data: created, article, parent: parentId });
        ids.set(comment.id, created.documentId as string);
        this.count('comment', 'created', created.documentId as string);
        changedShown ||= moderationStatus === 'approved';
        continue;
      }
      ids.set(comment.id, found.documentId);
      const stored = {
        authorName: found.authorName,
        authorEmail: found.authorEmail,
        body: found.body,
        moderationStatus: found.moderationStatus,
        parent: found.parent?.documentId ?? null,
        article: found.article?.documentId ?? null,
      };
      if (same(stored, data)) this.count('comment', 'unchanged');
      else {
        await this.strapi.documents(COMMENT).update({ documentId: found.documentId, data: data as never });
        this.count('comment', 'updated', found.documentId);
        changedShown = true;
      }
    }
    if (changedShown) this.touched.add(PURGE_TAGS.comments(articleId));
  }

  /**
   * Writes the file's new entries, each kind in a few inserts, in the shape the Document Service
   * gives them: an article's draft row and, when published, its published row (one documentId,
   * same timestamps), each linked to its category and author; comments and redirects (types
   * without drafts) published at once; a comment linked to every version of its article, and to
   * its parent; each new article's first version in its history. The middlewares' other work
   * follows from the caller: the search index (rebuilt after the transaction), the purge calls and
   * the API cache (announced after the commit).
   */
  async flush(trx: Transaction): Promise<void> {
    const now = new Date();
    // displayDate as features/articles keeps it: the original date, else when it was published.
    const dated = (data: Record<string, unknown>, publishedAt: Date | null) => ({
      ...data,
      publishedAt,
      displayDate: data.originalPublishedAt ?? publishedAt,
      createdAt: now,
      updatedAt: now,
    });
    const articleRows = this.newArticles.flatMap(({ data, published }) => [
      dated(data, null),
      ...(published ? [dated(data, now)] : []),
    ]);
    await this.insert(ARTICLE, articleRows);
    await this.insert(
      REDIRECT,
      this.newRedirects.map((data) => ({ ...data, publishedAt: now })),
    );
    await this.insert(
      COMMENT,
      this.newComments.map(({ data }) => ({ ...data, publishedAt: now, updatedAt: now })),
    );

    const versions = await this.rowsOf(ARTICLE, [
      ...this.newArticles.map(({ data }) => data.documentId as string),
      ...this.newComments.map(({ article }) => article),
    ]);
    const comments = await this.rowsOf(COMMENT, [
      ...this.newComments.map(({ data }) => data.documentId as string),
      ...this.newComments.flatMap(({ parent }) => (parent ? [parent] : [])),
    ]);
    const ids = (map: Map<string, number[]>, documentId: string) => map.get(documentId) ?? [];
    for (const field of ['category', 'author'] as const) {
      await this.link(
        trx,
        ARTICLE,
        field,
        this.newArticles.flatMap((article) => {
          const target = article[field];
          return target ? ids(versions, article.data.documentId as string).map((id) => [id, target.id]) : [];
        }),
      );
    }
    await this.linkCovers(
      trx,
      this.newArticles.flatMap(({ data, cover }) =>
        cover ? ids(versions, data.documentId as string).map((id) => [id, cover]) : [],
      ),
    );
    await steps(this.strapi).recordFirstVersions(
      this.strapi,
      this.newArticles.map(({ data, published }) => ({ documentId: data.documentId as string, published })),
      steps(this.strapi).importerName,
    );
    const commentId = (comment: NewComment) => ids(comments, comment.data.documentId as string)[0];
    await this.link(
      trx,
      COMMENT,
      'article',
      this.newComments.flatMap((comment) => ids(versions, comment.article).map((id) => [commentId(comment), id])),
    );
    await this.link(
      trx,
      COMMENT,
      'parent',
      this.newComments.flatMap((comment) =>
        comment.parent ? [[commentId(comment), ids(comments, comment.parent)[0]]] : [],
      ),
    );
  }

  private async insert(uid: UID.ContentType, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length) await this.strapi.db.query(uid).createMany({ data: rows });
  }

  /** The row ids of each of `documentIds`, oldest first (an article's draft, then its published version). */
  private async rowsOf(uid: UID.ContentType, documentIds: string[]): Promise<Map<string, number[]>> {
    const rows = new Map<string, number[]>();
    if (!documentIds.length) return rows;
    const found = (await this.strapi.db.query(uid).findMany({
      where: { documentId: { $in: [...new Set(documentIds)] } },
      select: ['id', 'documentId'],
      orderBy: { id: 'asc' },
    })) as Row[];
    for (const { id, documentId } of found) rows.set(documentId, [...(rows.get(documentId) ?? []), id]);
    return rows;
  }

  /**
   * Rows linking articles to their covers, [article's row id, file id] each, in the table the
   * upload plugin keeps for every media field (the field's name and an order in each row).
   */
  private async linkCovers(trx: Transaction, pairs: number[][]): Promise<void> {
    const { joinTable } = this.strapi.db.metadata.get(UPLOAD_FILE).attributes.related as unknown as {
      joinTable: MorphJoinTable;
    };
    const { joinColumn, morphColumn } = joinTable;
    const rows = pairs.map(([article, file]) => ({
      [joinColumn.name]: file,
      [morphColumn.idColumn.name]: article,
      [morphColumn.typeColumn.name]: ARTICLE,
      field: 'cover',
      order: 1,
    }));
    await insertLinks(trx, joinTable.name, rows);
  }

  /** Rows of a relation's link table, [owner's row id, target's row id] each (these have no order columns). */
  private async link(trx: Transaction, uid: UID.ContentType, field: string, pairs: number[][]): Promise<void> {
    const { joinTable } = this.strapi.db.metadata.get(uid).attributes[field] as unknown as { joinTable: JoinTable };
    const rows = pairs.map(([owner, target]) => ({
      [joinTable.joinColumn.name]: owner,
      [joinTable.inverseJoinColumn.name]: target,
    }));
    await insertLinks(trx, joinTable.name, rows);
  }
}

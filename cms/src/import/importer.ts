/**
 * Brings posts into the CMS through the Document Service (so slugs, reading times, the search
 * index and the site's purge calls follow as for any save), one database transaction per file:
 * a file that fails anywhere leaves nothing behind. Entries are keyed (private importKey fields)
 * so a second run compares and writes only what changed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { LIMITS, normaliseRedirectPath, PURGE_TAGS, type Block, type InlineNode } from '@medblog/shared';
import { announceChange } from '../documents/content-changes';
import { rebuildSearchIndex } from '../documents/search-index';
import { ipHash } from '../utils/client';
import { htmlToBlocks, htmlToText, type ImageBlock } from './html-blocks';
import { addSummary, emptySummary, type EntryKind, type Outcome, type Summary } from './summary';
import { textToPost, titleFromBlocks } from './text-blocks';
import { ImportFileError, parseWxrFile, type WxrComment, type WxrPost } from './wxr';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const REDIRECT = 'api::redirect.redirect';
const AUTHOR = 'api::author.author';
const CATEGORY = 'api::category.category';
const UPLOAD_FILE = 'plugin::upload.file';

const TITLE_MAX = 160;
const COMMENT_NAME_MAX = 80;
const COMMENT_BODY_MAX = 4000;
// authorEmail is required; a comment WordPress kept without a usable address gets this one.
const NO_EMAIL = 'unknown@example.invalid';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

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

function expandPaths(paths: string[]): string[] {
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
  const posts: PostInput[] = [];
  for (const post of wxr.posts) {
    const label = `"${post.title || post.slug || post.postId}" (${basename(file)})`;
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
    posts.push(wxrPost(post, label, names, summary));
  }
  return posts;
}

function wxrPost(post: WxrPost, label: string, names: Map<string, string>, summary: Summary): PostInput {
  // Scheduled (future), draft and pending posts wait for an editor here too.
  const published = post.status === 'publish';
  const title = post.title || titleFromBlocks(htmlToBlocks(post.content));
  if (title.length > TITLE_MAX) summary.warnings.push(`${label}: title shortened to ${TITLE_MAX} characters`);
  let excerpt = htmlToText(post.excerpt) || null;
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
    blocks: htmlToBlocks(post.content),
    published,
    originalPublishedAt: post.date,
    category: post.categories[0] ?? null,
    author: post.creator ? (names.get(post.creator) ?? post.creator) : null,
    oldPaths,
    comments: post.comments,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function textPost(file: string, options: ImportOptions, summary: Summary): PostInput {
  const { title, blocks } = textToPost(readFileSync(file, 'utf8'));
  const label = `${basename(file)}`;
  let chosen = title;
  if (!chosen) {
    chosen = titleFromBlocks(blocks);
    summary.warnings.push(`${label}: no title line; titled "${chosen}"`);
  }
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
  };
}

async function importFile(strapi: Core.Strapi, file: string, options: ImportOptions): Promise<Summary> {
  const summary = emptySummary();
  const touched = new Set<string>();
  try {
    const posts = await readPosts(file, options, summary);
    await strapi.db.transaction(async () => {
      const writer = new Writer(strapi, summary, options, touched);
      await writer.load(posts);
      for (const [index, post] of posts.entries()) {
        try {
          await writer.post(post);
        } catch (error) {
          throw new ImportFileError(`${post.label}: ${reasonOf(error)}`, { cause: error });
        }
        options.onProgress?.(index + 1, posts.length, file);
      }
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) {
      const failed = emptySummary();
      failed.failed.push({ file: basename(file), error: reasonOf(error) });
      return failed;
    }
  } finally {
    // The index is written beside the transaction: bring it in line with what was kept.
    await rebuildSearchIndex(strapi);
  }
  // Purge calls made during the transaction may have reached the site before the commit.
  if (!options.dryRun && touched.size) announceChange(strapi, [...touched]);
  await eventsSent(strapi);
  return summary;
}

/**
 * Once a transaction commits, Strapi reads every entry it saved once more, all at once, for its
 * events (webhooks): after a large file, thousands of queries wait for a connection. The next file
 * and the end of the run wait for them (a minute at most).
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

const commentKey = (post: PostInput, comment: WxrComment) => `${post.key}#comment-${comment.id}`;

class Writer {
  private readonly authors = new Map<string, string>();
  private readonly categories = new Map<string, string>();
  // What earlier runs stored for this file's entries, read in one query each (see load).
  private drafts = new Map<string, Existing>();
  private published = new Set<string>();
  private storedComments = new Map<string, StoredComment>();
  private redirects = new Map<string, Existing>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly summary: Summary,
    private readonly options: ImportOptions,
    private readonly touched: Set<string>,
  ) {}

  private count(kind: EntryKind, outcome: Outcome) {
    this.summary[outcome][kind] += 1;
    const tag = CHANGE_TAGS[kind];
    if (outcome !== 'unchanged' && tag) this.touched.add(tag);
  }

  /** Reads what a previous import of these posts stored: their articles, comments and redirects. */
  async load(posts: PostInput[]): Promise<void> {
    const keys = posts.map((post) => post.key);
    const articles = this.strapi.db.query(ARTICLE);
    const drafts = (await articles.findMany({
      where: { importKey: { $in: keys }, publishedAt: { $null: true } },
      select: ['documentId', 'importKey', 'title', 'excerpt', 'body', 'originalPublishedAt', 'slug'],
      populate: { category: { select: ['documentId'] }, author: { select: ['documentId'] } },
    })) as Existing[];
    this.drafts = new Map(drafts.map((row) => [row.importKey as string, row]));
    const published = await articles.findMany({
      where: { importKey: { $in: keys }, publishedAt: { $notNull: true } },
      select: ['importKey'],
    });
    this.published = new Set(published.map((row) => row.importKey as string));
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
  }

  async post(post: PostInput): Promise<void> {
    const blocks = await this.images(post);
    const data: Record<string, unknown> = {
      title: post.title,
      body: blocks,
      originalPublishedAt: post.originalPublishedAt,
      category: post.category ? await this.category(post.category) : null,
      author: post.author ? await this.author(post.author) : null,
      ...(post.excerpt ? { excerpt: post.excerpt } : {}),
    };
    const articles = this.strapi.documents(ARTICLE);
    const existing = this.drafts.get(post.key);
    const status = post.published ? 'published' : 'draft';
    let documentId: string;
    let slug: string;
    if (!existing) {
      const created = await articles.create({
        data: { ...data, importKey: post.key, ...(post.slug ? { slug: post.slug } : {}) } as never,
        status,
      });
      documentId = created.documentId;
      slug = created.slug as string;
      this.count('article', 'created');
    } else {
      documentId = existing.documentId;
      slug = existing.slug as string;
      const isPublished = this.published.has(post.key);
      const stored = {
        title: existing.title,
        body: existing.body,
        originalPublishedAt: existing.originalPublishedAt
          ? new Date(existing.originalPublishedAt as string).toISOString()
          : null,
        category: (existing.category as Existing | null)?.documentId ?? null,
        author: (existing.author as Existing | null)?.documentId ?? null,
        ...(post.excerpt ? { excerpt: existing.excerpt } : {}),
      };
      // A draft post leaves a version published here before alone.
      if (same(stored, data) && (isPublished || !post.published)) this.count('article', 'unchanged');
      else {
        await articles.update({ documentId, data: data as never, status });
        this.count('article', 'updated');
      }
    }
    if (post.published) for (const path of post.oldPaths) await this.redirect(path, `/articles/${slug}`, post.label);
    await this.comments(post, documentId);
  }

  private async category({ name, slug }: { name: string; slug: string }): Promise<string> {
    const cached = this.categories.get(name);
    if (cached) return cached;
    const categories = this.strapi.documents(CATEGORY);
    const found = await categories.findFirst({ filters: { name }, fields: ['documentId'] });
    let documentId = found?.documentId;
    if (!documentId) {
      documentId = (await categories.create({ data: { name, slug: safeDecode(slug) || undefined } as never }))
        .documentId;
      this.count('category', 'created');
    }
    this.categories.set(name, documentId);
    return documentId;
  }

  private async author(name: string): Promise<string> {
    const cached = this.authors.get(name);
    if (cached) return cached;
    const authors = this.strapi.documents(AUTHOR);
    const found = await authors.findFirst({ filters: { name }, fields: ['documentId'] });
    let documentId = found?.documentId;
    if (!documentId) {
      documentId = (await authors.create({ data: { name } })).documentId;
      this.count('author', 'created');
    }
    this.authors.set(name, documentId);
    return documentId;
  }

  private async redirect(oldPath: string, toPath: string, label: string): Promise<void> {
    const fromPath = normaliseRedirectPath(oldPath);
    if (fromPath === '/' || fromPath === toPath) return;
    if (/\s|#/.test(fromPath)) {
      this.summary.warnings.push(`${label}: no redirect from ${fromPath} (not a path the site can answer)`);
      return;
    }
    const redirects = this.strapi.documents(REDIRECT);
    const found = this.redirects.get(fromPath);
    if (!found) {
      const created = await redirects.create({ data: { fromPath, toPath, code: 'permanent-301' } });
      // A later post of the file may claim the same old address.
      this.redirects.set(fromPath, created);
      this.count('redirect', 'created');
    } else if (found.toPath === toPath && found.code === 'permanent-301') this.count('redirect', 'unchanged');
    else {
      await redirects.update({ documentId: found.documentId, data: { toPath, code: 'permanent-301' } });
      this.count('redirect', 'updated');
    }
  }

  /** The post's blocks with each image uploaded from --media, or, when the file is not there, a link. */
  private async images(post: PostInput): Promise<Block[]> {
    const blocks: Block[] = [];
    for (const block of post.blocks) {
      if (block.type !== 'image') {
        blocks.push(block);
        continue;
      }
      const file = this.mediaFile(block.image.url);
      const uploaded = file ? await this.upload(file, block) : null;
      if (uploaded) {
        blocks.push(uploaded);
        continue;
      }
      // A dry run found the file: it would be uploaded, and the body is not saved.
      if (file) continue;
      const name = basename(new URL(block.image.url, 'https://old.invalid').pathname);
      this.summary.warnings.push(
        `${post.label}: image ${name} ${this.options.mediaDir ? `not found in ${this.options.mediaDir}` : '(no --media folder given)'}; kept as a link`,
      );
      const label: InlineNode[] = [{ type: 'text', text: block.image.alternativeText || `Image: ${name}` }];
      blocks.push({ type: 'paragraph', children: [{ type: 'link', url: block.image.url, children: label as never }] });
    }
    return blocks;
  }

  /** The file of an image address in the uploads folder: its path after /uploads/, else its name. */
  private mediaFile(url: string): { path: string; name: string } | null {
    if (!this.options.mediaDir) return null;
    const pathname = safeDecode(new URL(url, 'https://old.invalid').pathname);
    const relative = pathname.includes('/uploads/')
      ? pathname.slice(pathname.lastIndexOf('/uploads/') + 9)
      : basename(pathname);
    // WordPress links resized copies (photo-300x200.jpg); the original will do.
    const candidates = [relative, relative.replace(/-\d+x\d+(\.\w+)$/, '$1'), basename(relative)];
    for (const name of candidates) {
      const path = join(this.options.mediaDir, name);
      if (IMAGE_TYPES[extname(name).toLowerCase()] && existsSync(path)) return { path, name };
    }
    return null;
  }

  /**
   * The image block of an uploaded file (uploaded now, or by an earlier run: found by its path in
   * the uploads folder, kept as its name). A dry run uploads nothing, and says "a link" instead.
   */
  private async upload(file: { path: string; name: string }, block: ImageBlock): Promise<Block | null> {
    let stored = await this.strapi.db.query(UPLOAD_FILE).findOne({ where: { name: file.name } });
    if (stored) this.count('image', 'unchanged');
    else {
      this.count('image', 'created');
      if (this.options.dryRun) return null;
      [stored] = await this.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: file.name, alternativeText: block.image.alternativeText } },
          files: {
            filepath: file.path,
            originalFilename: basename(file.name),
            mimetype: IMAGE_TYPES[extname(file.name).toLowerCase()],
            size: statSync(file.path).size,
          },
        });
    }
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
      },
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
      const comments = this.strapi.documents(COMMENT);
      if (!found) {
        const created = await comments.create({
          data: {
            ...data,
            importKey: keyOf(comment),
            moderatedAt: moderationStatus === 'pending' ? null : comment.date,
            ipHash: comment.authorIp ? ipHash(comment.authorIp) : null,
            ...(comment.date ? { createdAt: comment.date } : {}),
          } as never,
        });
        ids.set(comment.id, created.documentId);
        this.count('comment', 'created');
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
        await comments.update({ documentId: found.documentId, data: data as never });
        this.count('comment', 'updated');
        changedShown = true;
      }
    }
    if (changedShown) this.touched.add(PURGE_TAGS.comments(articleId));
  }
}

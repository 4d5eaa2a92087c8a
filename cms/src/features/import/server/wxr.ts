/**
 * Reads a WordPress export (WXR 1.0–1.2, "Tools → Export") as a stream, so a file of any size is
 * read in pieces. Elements are matched on their namespace, whatever prefix the file gives it.
 * Malformed XML throws an ImportFileError naming the file, line and column.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export class ImportFileError extends Error {}

export interface WxrAuthor {
  login: string;
  displayName: string;
}

export interface WxrComment {
  id: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  authorIp: string;
  /** ISO date, UTC. */
  date: string | null;
  content: string;
  /** wp:comment_approved: "1", "0", "spam" or "trash". */
  approved: string;
  type: string;
}

export interface WxrPost {
  title: string;
  link: string;
  guid: string;
  postId: string;
  /** dc:creator: the author's login. */
  creator: string;
  content: string;
  excerpt: string;
  /** ISO date, UTC (wp:post_date_gmt, else pubDate). */
  date: string | null;
  slug: string;
  status: string;
  type: string;
  categories: Array<{ name: string; slug: string }>;
  comments: WxrComment[];
  /** A post's featured image: the post id of its attachment (postmeta _thumbnail_id). */
  thumbnailId: string;
  /** An attachment's file address (wp:attachment_url). */
  attachmentUrl: string;
  /** An attachment's alternative text (postmeta _wp_attachment_image_alt). */
  imageAlt: string;
}

export interface WxrExport {
  version: string | null;
  authors: WxrAuthor[];
  posts: WxrPost[];
}

/** The short name of a namespace WXR uses; other namespaces are none of our business. */
function family(uri: string): string {
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/?$/.test(uri)) return 'excerpt';
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/?$/.test(uri)) return 'wp';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc';
  return uri ? 'other' : '';
}

/** WordPress writes "0000-00-00 00:00:00" for a date it does not have. */
function gmtDate(text: string): string | null {
  const match = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/);
  if (!match || match[1] === '0000') return null;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s)).toISOString();
}

function rfc822Date(text: string): string | null {
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const emptyPost = (): WxrPost => ({
  title: '',
  link: '',
  guid: '',
  postId: '',
  creator: '',
  content: '',
  excerpt: '',
  date: null,
  slug: '',
  status: '',
  type: '',
  categories: [],
  comments: [],
  thumbnailId: '',
  attachmentUrl: '',
  imageAlt: '',
});

const emptyComment = (): WxrComment => ({
  id: '',
  parentId: null,
  authorName: '',
  authorEmail: '',
  authorIp: '',
  date: null,
  content: '',
  approved: '',
  type: '',
});

/** Parses the export at `path`, read as a stream. */
export async function parseWxrFile(path: string): Promise<WxrExport> {
  const parser = new SaxesParser({ xmlns: true, fileName: basename(path) });
  const result: WxrExport = { version: null, authors: [], posts: [] };
  const stack: string[] = [];
  let text = '';
  let post: WxrPost | null = null;
  let comment: WxrComment | null = null;
  let author: WxrAuthor | null = null;
  let category: { domain: string; nicename: string } | null = null;
  let postDateFallback = '';
  let metaKey = '';

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = `${family(tag.uri)}:${tag.local}`;
    stack.push(name);
    text = '';
    if (name === ':item') {
      post = emptyPost();
      postDateFallback = '';
    } else if (name === 'wp:comment' && post) comment = emptyComment();
    else if (name === 'wp:author' && !post) author = { login: '', displayName: '' };
    else if (name === ':category' && post) {
      category = { domain: tag.attributes.domain?.value ?? '', nicename: tag.attributes.nicename?.value ?? '' };
    }
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', () => {
    const name = stack.pop()!;
    const value = text;
    text = '';
    if (comment) {
      const fields: Record<string, keyof WxrComment> = {
        'wp:comment_id': 'id',
        'wp:comment_author': 'authorName',
        'wp:comment_author_email': 'authorEmail',
        'wp:comment_author_IP': 'authorIp',
        'wp:comment_content': 'content',
        'wp:comment_approved': 'approved',
        'wp:comment_type': 'type',
      };
      if (name === 'wp:comment') {
        post!.comments.push(comment);
        comment = null;
      } else if (name === 'wp:comment_parent') comment.parentId = value.trim() === '0' ? null : value.trim();
      else if (name === 'wp:comment_date_gmt') comment.date = gmtDate(value);
      else if (fields[name]) (comment[fields[name]] as string) = name === 'wp:comment_content' ? value : value.trim();
      return;
    }
    if (post) {
      const current: WxrPost = post;
      switch (name) {
        case ':item':
          current.date ??= rfc822Date(postDateFallback);
          result.posts.push(current);
          post = null;
          break;
        case ':title':
          current.title = value.trim();
          break;
        case ':link':
          current.link = value.trim();
          break;
        case ':guid':
          current.guid = value.trim();
          break;
        case ':pubDate':
          postDateFallback = value;
          break;
        case 'dc:creator':
          current.creator = value.trim();
          break;
        case 'content:encoded':
          current.content = value;
          break;
        case 'excerpt:encoded':
          current.excerpt = value.trim();
          break;
        case 'wp:post_id':
          current.postId = value.trim();
          break;
        case 'wp:post_date_gmt':
          current.date = gmtDate(value);
          break;
        case 'wp:post_name':
          current.slug = value.trim();
          break;
        case 'wp:status':
          current.status = value.trim();
          break;
        case 'wp:post_type':
          current.type = value.trim();
          break;
        case 'wp:attachment_url':
          current.attachmentUrl = value.trim();
          break;
        case 'wp:meta_key':
          metaKey = value.trim();
          break;
        case 'wp:meta_value':
          if (metaKey === '_thumbnail_id') current.thumbnailId = value.trim();
          else if (metaKey === '_wp_attachment_image_alt') current.imageAlt = value.trim();
          break;
        case ':category':
          if (category?.domain === 'category' && value.trim()) {
            current.categories.push({ name: value.trim(), slug: category.nicename });
          }
          category = null;
          break;
      }
      return;
    }
    if (author) {
      if (name === 'wp:author_login') author.login = value.trim();
      else if (name === 'wp:author_display_name') author.displayName = value.trim();
      else if (name === 'wp:author') {
        result.authors.push(author);
        author = null;
      }
      return;
    }
    if (name === 'wp:wxr_version') result.version = value.trim();
  });

  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      parser.write(chunk as string);
    }
    parser.close();
  } catch (error) {
    // saxes's messages begin with "file:line:column".
    throw new ImportFileError(`Malformed XML in ${(error as Error).message}`, { cause: error });
  }
  if (result.version === null && !result.posts.length) {
    throw new ImportFileError(`${basename(path)} is not a WordPress export (no wp:wxr_version and no items)`);
  }
  return result;
}

/**
 * `pnpm import --undo <file>`: what an import of the file created goes again (articles with their
 * comments, redirects, authors, categories, images), unless someone changed it since or something
 * that stays still needs it; each kept entry is named with why, and a dry run removes nothing.
 * The export is written here (invented posts), with names of this run alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { importFiles as ImportFiles } from '../src/features/import/server/importer';
import type * as Undo from '../src/features/import/server/undo';
import { cmsDir } from '../scripts/lib/strapi.mjs';
import { api, bootStrapi } from './helpers/strapi';

// The compiled code, as `pnpm run import` runs it (see import.test.ts).
const compiled = (name: string) =>
  createRequire(__filename)(join(cmsDir, 'dist', 'src', 'features', 'import', 'server', `${name}.js`));
const { importFiles } = compiled('importer') as { importFiles: typeof ImportFiles };
const { undoImport, formatUndoSummary, NothingToUndo } = compiled('undo') as typeof Undo;

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const REDIRECT = 'api::redirect.redirect';
const CATEGORY = 'api::category.category';
const AUTHOR = 'api::author.author';
const UPLOAD_FILE = 'plugin::upload.file';

const run = Date.now().toString(36);
const BLOG = `https://undo-${run}.example.org`;
const UPLOADS = `${BLOG}/wp-content/uploads/2025/02`;

interface Post {
  id: number;
  title: string;
  author: string;
  category: string;
  status?: 'publish' | 'draft';
  content?: string;
  thumbnail?: number;
  comments?: string[];
}

const TITLES = {
  wrong: `Night shift checklist ${run}`,
  edited: `Visa timeline for electives ${run}`,
  draft: `Draft on OSCE stations ${run}`,
  discussed: `Choosing a residency track ${run}`,
};
const NEW_CATEGORY = `Undo topic ${run}`;
const OLD_CATEGORY = `Editors' topic ${run}`;
const AUTHOR_OF_WRONG = `Dr Undo ${run}`;
const AUTHOR_OF_EDITED = `Dr Keep ${run}`;

function exportOf(posts: Post[], file: string): string {
  const cdata = (text: string) => `<![CDATA[${text}]]>`;
  const items = posts.map(
    (post) => `<item>
  <title>${cdata(post.title)}</title>
  <link>${BLOG}/2025/02/post-${post.id}/</link>
  <dc:creator>${cdata(post.author)}</dc:creator>
  <guid isPermaLink="false">${BLOG}/?p=${post.id}</guid>
  <content:encoded>${cdata(post.content ?? `The text of post ${post.id}.`)}</content:encoded>
  <excerpt:encoded>${cdata('')}</excerpt:encoded>
  <wp:post_id>${post.id}</wp:post_id>
  <wp:post_date_gmt>${cdata('2025-02-10 09:00:00')}</wp:post_date_gmt>
  <wp:post_name>${cdata(`post-${post.id}-${run}`)}</wp:post_name>
  <wp:status>${cdata(post.status ?? 'publish')}</wp:status>
  <wp:post_type>${cdata('post')}</wp:post_type>
  <category domain="category" nicename="${post.category.toLowerCase().replace(/\W+/g, '-')}">${cdata(post.category)}</category>
  ${post.thumbnail ? `<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(post.thumbnail))}</wp:meta_value></wp:postmeta>` : ''}
  ${(post.comments ?? [])
    .map(
      (body, index) => `<wp:comment>
    <wp:comment_id>${post.id * 10 + index}</wp:comment_id>
    <wp:comment_author>${cdata(`Reader ${index}`)}</wp:comment_author>
    <wp:comment_author_email>${cdata(`reader${index}@example.net`)}</wp:comment_author_email>
    <wp:comment_date_gmt>${cdata('2025-02-11 10:00:00')}</wp:comment_date_gmt>
    <wp:comment_content>${cdata(body)}</wp:comment_content>
    <wp:comment_approved>${cdata('1')}</wp:comment_approved>
    <wp:comment_type>${cdata('comment')}</wp:comment_type>
    <wp:comment_parent>0</wp:comment_parent>
  </wp:comment>`,
    )
    .join('\n')}
</item>`,
  );
  const attachment = `<item>
  <title>${cdata('cover')}</title>
  <wp:post_id>900</wp:post_id>
  <wp:status>${cdata('inherit')}</wp:status>
  <wp:post_type>${cdata('attachment')}</wp:post_type>
  <wp:attachment_url>${cdata(`${UPLOADS}/undo-cover-${run}.jpg`)}</wp:attachment_url>
  <wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata('A visa office counter')}</wp:meta_value></wp:postmeta>
</item>`;
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>A blog imported by mistake</title>
  <link>${BLOG}</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  ${items.join('\n')}
  ${attachment}
</channel>
</rss>`,
  );
  return file;
}

const POSTS: Post[] = [
  {
    id: 1,
    title: TITLES.wrong,
    author: AUTHOR_OF_WRONG,
    category: NEW_CATEGORY,
    content: `<p>Check the drug chart first.</p><img src="${UPLOADS}/undo-body-${run}.jpg" alt="A drug chart on a clipboard" />`,
    comments: ['Useful before my first night.', 'Printed it for our ward.'],
  },
  { id: 2, title: TITLES.edited, author: AUTHOR_OF_EDITED, category: OLD_CATEGORY, thumbnail: 900 },
  { id: 3, title: TITLES.draft, author: AUTHOR_OF_WRONG, category: NEW_CATEGORY, status: 'draft' },
  { id: 4, title: TITLES.discussed, author: AUTHOR_OF_WRONG, category: NEW_CATEGORY },
];

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let root: string;
let media: string;
let file: string;
let oldCategory: { documentId: string };

const articleByTitle = (title: string) =>
  strapi.db.query(ARTICLE).findOne({ where: { title }, select: ['documentId', 'slug', 'updatedAt'] });
const named = (uid: typeof CATEGORY | typeof AUTHOR, name: string) =>
  strapi.db.query(uid).findOne({ where: { name }, select: ['documentId'] });
const imageNamed = (name: string) =>
  strapi.db.query(UPLOAD_FILE).findOne({ where: { name: `2025/02/${name}` }, select: ['id', 'url'] });
const redirectFrom = (id: number) => strapi.db.query(REDIRECT).findOne({ where: { fromPath: `/2025/02/post-${id}` } });
const commentsOf = (documentId: string) => strapi.db.query(COMMENT).count({ where: { article: { documentId } } });
/** What the store holds of the run's entries, to compare before and after. */
async function counts() {
  return {
    articles: await strapi.db.query(ARTICLE).count({ where: { title: { $endsWith: run } } }),
    comments: await strapi.db.query(COMMENT).count({ where: { importKey: { $startsWith: BLOG } } }),
    redirects: await strapi.db.query(REDIRECT).count({ where: { toPath: { $contains: run } } }),
    categories: await strapi.db.query(CATEGORY).count({ where: { name: { $endsWith: run } } }),
    authors: await strapi.db.query(AUTHOR).count({ where: { name: { $endsWith: run } } }),
    images: await strapi.db.query(UPLOAD_FILE).count({ where: { name: { $endsWith: `${run}.jpg` } } }),
  };
}

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  root = mkdtempSync(join(tmpdir(), 'import-undo-'));
  media = join(root, 'uploads');
  mkdirSync(join(media, '2025', '02'), { recursive: true });
  for (const name of [`undo-body-${run}.jpg`, `undo-cover-${run}.jpg`]) {
    await sharp({ create: { width: 10, height: 6, channels: 3, background: { r: 90, g: 40, b: 160 } } })
      .jpeg()
      .toFile(join(media, '2025', '02', name));
  }
  // A topic the editors made before the import: the file finds it, and it is never the file's.
  oldCategory = await strapi.documents(CATEGORY).create({ data: { name: OLD_CATEGORY } as never });
  file = exportOf(POSTS, join(root, `wrong-blog-${run}.xml`));
  const summary = await importFiles(strapi, [file], { mediaDir: media });
  expect(summary.failed).toEqual([]);
  expect(summary.created.article).toBe(4);
}, 120_000);

afterAll(async () => {
  for (const title of Object.values(TITLES)) {
    const article = await articleByTitle(title);
    if (article) await strapi.documents(ARTICLE).delete({ documentId: article.documentId });
  }
  await strapi.db.query(COMMENT).deleteMany({ where: { authorEmail: 'reader.after@example.net' } });
  await strapi.db.query(REDIRECT).deleteMany({ where: { toPath: { $contains: run } } });
  await strapi.db.query(CATEGORY).deleteMany({ where: { name: { $endsWith: run } } });
  await strapi.db.query(AUTHOR).deleteMany({ where: { name: { $endsWith: run } } });
  for (const image of await strapi.db.query(UPLOAD_FILE).findMany({ where: { name: { $endsWith: `${run}.jpg` } } }))
    await strapi.plugin('upload').service('upload').remove(image);
  rmSync(root, { recursive: true, force: true });
});

describe('undoing an import', () => {
  it('keeps its account when the same file is imported again unchanged, or with a post edited', async () => {
    const again = await importFiles(strapi, [file], { mediaDir: media });
    expect(again.created.article).toBe(0);
    // The file itself changed one post: the importer's update is not an editor's change.
    const edited = POSTS.map((post) =>
      post.id === 1 ? { ...post, content: `${post.content}<p>Sign the handover.</p>` } : post,
    );
    const changed = await importFiles(strapi, [exportOf(edited, file)], { mediaDir: media });
    expect(changed.updated.article).toBe(1);
  });

  it('is refused, by name, for a file this database never imported', async () => {
    await expect(undoImport(strapi, join(root, 'never-imported.xml'))).rejects.toThrow(NothingToUndo);
    await expect(undoImport(strapi, join(root, 'never-imported.xml'))).rejects.toThrow(/never-imported\.xml/);
  });

  it('after an editor and a reader took part, names what it would keep and why; a dry run removes nothing', async () => {
    // An editor edits one imported article, a reader comments on another.
    const edited = (await articleByTitle(TITLES.edited))!;
    await strapi.documents(ARTICLE).update({
      documentId: edited.documentId,
      data: { excerpt: 'What to apply for, and when.' } as never,
    });
    const discussed = (await articleByTitle(TITLES.discussed))!;
    await strapi.documents(COMMENT).create({
      data: {
        authorName: 'A reader after the import',
        authorEmail: 'reader.after@example.net',
        body: 'Which track suits someone who wants research time?',
        moderationStatus: 'pending',
        article: discussed.documentId,
      } as never,
    });
    const before = await counts();
    const summary = await undoImport(strapi, file, { dryRun: true });
    expect(await counts()).toEqual(before);
    expect(summary.removed).toEqual({ article: 2, comment: 2, redirect: 2, author: 0, category: 0, image: 1 });
    const kept = Object.fromEntries(summary.kept.map(({ what, why }) => [what, why]));
    expect(kept).toEqual({
      [`article "${TITLES.edited}"`]: 'changed by an editor since the import',
      [`article "${TITLES.discussed}"`]: "1 reader's comment arrived since the import",
      [`redirect from /2025/02/post-2`]: expect.stringMatching(/^it leads to an article that stays/),
      [`redirect from /?p=2`]: expect.stringMatching(/^it leads to an article that stays/),
      [`redirect from /2025/02/post-4`]: expect.stringMatching(/^it leads to an article that stays/),
      [`redirect from /?p=4`]: expect.stringMatching(/^it leads to an article that stays/),
      [`author "${AUTHOR_OF_WRONG}"`]: 'articles that stay name it',
      [`author "${AUTHOR_OF_EDITED}"`]: 'articles that stay name it',
      [`category "${NEW_CATEGORY}"`]: 'articles that stay name it',
      [`image "2025/02/undo-cover-${run}.jpg"`]: 'something that stays shows it',
    });
    const printed = formatUndoSummary(summary, { dryRun: true });
    expect(printed).toContain(
      `Dry run: nothing was removed. Undoing the import of wrong-blog-${run}.xml would remove:`,
    );
    expect(printed).toContain('2 articles, 2 comments, 2 redirects, 1 image');
    expect(printed).toContain(`- article "${TITLES.edited}": changed by an editor since the import`);
  });

  it('removes the rest: the articles with their comments, the old addresses, the picture in the text', async () => {
    const wrong = (await articleByTitle(TITLES.wrong))!;
    const bodyImage = (await imageNamed(`undo-body-${run}.jpg`))!;
    expect(await commentsOf(wrong.documentId)).toBe(2);
    const summary = await undoImport(strapi, file);
    expect(summary.removed.article).toBe(2);

    expect(await articleByTitle(TITLES.wrong)).toBeNull();
    expect(await articleByTitle(TITLES.draft)).toBeNull();
    expect(await strapi.db.query(COMMENT).count({ where: { importKey: { $startsWith: `${BLOG}/?p=1#` } } })).toBe(0);
    expect(await redirectFrom(1)).toBeNull();
    expect(await imageNamed(`undo-body-${run}.jpg`)).toBeNull();
    expect(await strapi.db.query(UPLOAD_FILE).findOne({ where: { id: bodyImage.id } })).toBeNull();
    // Readers are sent nothing of it: the article is not found, its old address answers nothing.
    const response = await request.get('/api/articles').query({ 'filters[slug][$eq]': wrong.slug });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
    // What stays works as before: the edited article, its redirect, its cover, the editors' topic.
    const edited = (await articleByTitle(TITLES.edited))!;
    expect((await redirectFrom(2))?.toPath).toBe(`/articles/${edited.slug}`);
    expect(await imageNamed(`undo-cover-${run}.jpg`)).not.toBeNull();
    expect(await named(CATEGORY, OLD_CATEGORY)).toMatchObject({ documentId: oldCategory.documentId });
    expect(await named(AUTHOR, AUTHOR_OF_EDITED)).not.toBeNull();
  });

  it('once its articles are gone, also removes the author and topic it brought; a file undone is then unknown', async () => {
    // The editors remove the two articles they had kept, then undo again.
    for (const title of [TITLES.edited, TITLES.discussed]) {
      await strapi.documents(ARTICLE).delete({ documentId: (await articleByTitle(title))!.documentId });
    }
    const summary = await undoImport(strapi, file);
    expect(summary.removed).toMatchObject({ author: 2, category: 1, redirect: 4, image: 1 });
    expect(summary.kept).toEqual([]);
    expect(await named(AUTHOR, AUTHOR_OF_WRONG)).toBeNull();
    expect(await named(CATEGORY, NEW_CATEGORY)).toBeNull();
    expect(await named(CATEGORY, OLD_CATEGORY)).not.toBeNull();
    expect(await counts()).toMatchObject({ articles: 0, comments: 0, redirects: 0, images: 0, authors: 0 });
    await expect(undoImport(strapi, file)).rejects.toThrow(NothingToUndo);
  });

  it('can import the file again afterwards, from scratch', async () => {
    const summary = await importFiles(strapi, [file], { mediaDir: media });
    expect(summary.created).toMatchObject({ article: 4, comment: 2, category: 1, author: 2, image: 2 });
    expect((await undoImport(strapi, file)).removed.article).toBe(4);
  });
});

/**
 * `pnpm import`: the old blog's WordPress exports and plain-text copies become articles, comments
 * and redirects an editor and a reader would recognise; a second run changes nothing; a broken
 * file leaves nothing behind. Fixtures: tests/fixtures/import (invented posts).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { importFiles as ImportFiles } from '../src/features/import/server/importer';
import { formatSummary, quoted, type Summary } from '../src/features/import/server/summary';
import { DEV_ADMIN } from '../src/platform/access/dev-admin';
import { cmsDir } from '../scripts/lib/strapi.mjs';
import { api, bootStrapi } from './helpers/strapi';

// The compiled importer, as `pnpm run import` runs it: the same modules as the running CMS, so its
// announcements reach the CMS's own listeners (API cache, site purge); the source would be a copy.
const { importFiles } = createRequire(__filename)(
  join(cmsDir, 'dist', 'src', 'features', 'import', 'server', 'importer.js'),
) as {
  importFiles: typeof ImportFiles;
};

const FIXTURES = join(__dirname, 'fixtures', 'import');
const WXR_12 = join(FIXTURES, 'blog-wxr-1.2.xml');
const WXR_10 = join(FIXTURES, 'blog-wxr-1.0.xml');
const MEDIA = join(FIXTURES, 'media');
const TEXTS = join(FIXTURES, 'text');
const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let first: Summary;

const findArticle = (title: string, status: 'published' | 'draft' = 'published') =>
  strapi.documents(ARTICLE).findFirst({
    filters: { title },
    status,
    populate: { category: { fields: ['name'] }, author: { fields: ['name'] } },
  });

const pick = (entry: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(fields.map((field) => [field, entry[field]]));

const commentsOf = async (title: string) => {
  const article = await findArticle(title, 'draft');
  return strapi.db.query(COMMENT).findMany({
    where: { article: { documentId: article!.documentId } },
    populate: { parent: { select: ['authorName'] } },
    orderBy: { createdAt: 'asc' },
  });
};

/** An export whose `firstPost` saves, and whose next post fails: its category name is longer than the CMS takes. */
function failingFile(name: string, firstPost: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'import-failing-')), name);
  writeFileSync(
    path,
    readFileSync(WXR_10, 'utf8')
      .replace('<item>', `${firstPost}\n<item>`)
      .replace('Clinical Partnerships (imported)', `${'A category name far too long '.repeat(4)}(imported)`),
  );
  return path;
}

const importedKeys = () =>
  strapi.db.query(ARTICLE).findMany({ where: { importKey: { $notNull: true } }, select: ['documentId', 'title'] });

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  first = await importFiles(strapi, [WXR_12, WXR_10], { mediaDir: MEDIA });
}, 120_000);

// Other test files expect the published articles to be the demo content.
afterAll(async () => {
  const documentIds = [...new Set((await importedKeys()).map((article) => article.documentId))];
  await strapi.db.query(COMMENT).deleteMany({ where: { importKey: { $notNull: true } } });
  for (const documentId of documentIds) await strapi.documents(ARTICLE).delete({ documentId });
  await strapi.db.query('api::redirect.redirect').deleteMany({ where: { toPath: { $startsWith: '/articles/' } } });
  await strapi.db.query('api::category.category').deleteMany({ where: { name: { $endsWith: '(imported)' } } });
  await strapi.db.query('api::author.author').deleteMany({ where: { name: { $endsWith: 'Import-Test' } } });
  const uploaded = await strapi.db.query('plugin::upload.file').findMany({ where: { name: { $startsWith: '2024/' } } });
  for (const file of uploaded) await strapi.plugin('upload').service('upload').remove(file);
});

describe('a WordPress export (WXR 1.2 and 1.0)', () => {
  it('makes the published posts published articles, with their original date, excerpt, category and author', async () => {
    const plan = await findArticle('Three months to USMLE Step 1: a ward-friendly plan');
    expect(plan).toMatchObject({
      slug: 'usmle-step-1-ward-plan',
      excerpt: 'A study plan that fits around ward work & night shifts.',
      originalPublishedAt: '2019-04-16T08:30:00.000Z',
      category: { name: 'Exam Strategy (imported)' },
      author: { name: 'Dr Meera Import-Test' },
    });
    const old = await findArticle('Choosing a clinical partner hospital – notes from 2010');
    expect(old).toMatchObject({
      originalPublishedAt: '2010-11-10T12:00:00.000Z',
      category: { name: 'Clinical Partnerships (imported)' },
      author: { name: 'Legacy Editor Import-Test' },
    });
  });

  it('turns classic-editor HTML into paragraphs with bold, italic, links and decoded entities', async () => {
    const plan = await findArticle('Three months to USMLE Step 1: a ward-friendly plan');
    expect(plan!.body).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Most of our interns study between night shifts, so the plan starts with ' },
          { type: 'text', text: 'short blocks', bold: true },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'honest', italic: true },
          { type: 'text', text: ' rest days.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Begin with the ' },
          {
            type: 'link',
            url: 'https://old-blog.example.org/resources/',
            children: [{ type: 'text', text: 'resource list' }],
          },
          { type: 'text', text: ' & pick one question bank — not three.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Keep a notebook of the questions you got wrong\u00a0and read it every Sunday.' },
        ],
      },
    ]);
  });

  it('turns block-editor content into headings h2–h6, lists, a quote, code and images', async () => {
    const article = await findArticle('Inside a surgical internship: ward rounds, logbooks & café breaks ☕');
    const body = article!.body as unknown as Array<Record<string, unknown>>;
    const texts = (node: Record<string, unknown>): string =>
      typeof node.text === 'string' ? node.text : ((node.children as []) ?? []).map(texts).join('|');
    expect(body.map((block) => [block.type, block.level ?? block.format ?? null, texts(block)])).toEqual([
      ['paragraph', null, 'Rounds start at seven. Bring your |logbook| and a pen that works.'],
      ['heading', 2, 'Before the first round'],
      ['heading', 3, 'What to carry'],
      ['list', 'unordered', 'Stethoscope|Pocket formulary|the 2021 edition|Snacks 🍎'],
      ['heading', 4, 'Order of the day'],
      ['list', 'ordered', 'Handover|Rounds|Theatre'],
      ['heading', 5, 'Words from a consultant'],
      ['quote', null, 'Write it down, or it did not happen.'],
      ['heading', 6, 'Logbook export'],
      ['code', null, 'SELECT count(*) FROM procedures WHERE supervised = true && year = 2021;'],
      ['image', null, ''],
      ['paragraph', null, 'Theatre lights'],
      [
        'paragraph',
        null,
        'Our visiting fellows wrote a note in Arabic: مرحبا بكم في الجناح, and in Hebrew: ברוכים הבאים. ' +
          'A resident from Hanoi signed it Nguyễn Thị Mai (with combining marks: Nguye\u0302\u0303n).',
      ],
      ['paragraph', null, 'Code in prose: the end of a CDATA section is written ]]> and survives.'],
    ]);
    expect(body[1]).toMatchObject({ type: 'heading', level: 2 });
    expect((body[3].children as unknown[])[2]).toMatchObject({ type: 'list', format: 'unordered' });
    expect((body[0].children as unknown[])[1]).toMatchObject({ text: 'logbook', bold: true, italic: true });
  });

  it('uploads an image found in --media, and links one that is missing, naming it in a warning', async () => {
    const article = await findArticle('Inside a surgical internship: ward rounds, logbooks & café breaks ☕');
    const body = article!.body as Array<{ image?: Record<string, unknown>; children: unknown[] }>;
    const uploaded = await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { name: '2024/03/ward-round.png' } });
    expect(uploaded).toBeTruthy();
    expect(body[10].image).toMatchObject({
      url: uploaded.url,
      alternativeText: 'A ward round at dawn',
      caption: 'Our first round',
    });
    expect(body[11].children[0]).toEqual({
      type: 'link',
      url: 'https://old-blog.example.org/wp-content/uploads/2024/03/theatre-lights.jpg',
      children: [{ type: 'text', text: 'Theatre lights' }],
    });
    expect(first.warnings).toContainEqual(expect.stringContaining('theatre-lights.jpg" not found in'));
  });

  it('keeps drafts and pending posts as drafts, and skips private and trashed posts, saying why', async () => {
    for (const title of [
      'Electives abroad: a checklist we are still writing',
      'Residency interviews: questions we were asked',
    ]) {
      expect(await findArticle(title, 'draft')).toBeTruthy();
      expect(await findArticle(title, 'published')).toBeNull();
    }
    expect(await findArticle('Staff rota notes (private)', 'draft')).toBeNull();
    expect(await findArticle('An old announcement we binned', 'draft')).toBeNull();
    expect(first.skipped).toEqual(
      expect.arrayContaining([
        { what: expect.stringContaining('Staff rota notes (private)'), why: 'private on WordPress' },
        { what: expect.stringContaining('An old announcement we binned'), why: 'in the trash on WordPress' },
        { what: expect.stringContaining('ward-round'), why: 'a WordPress attachment, not a post' },
        { what: expect.stringContaining('comment 505'), why: 'in the trash on WordPress' },
      ]),
    );
    expect(first.created.article).toBe(5);
  });

  it('brings the comments with their statuses, dates and replies; e-mails stay private', async () => {
    const comments = await commentsOf('Three months to USMLE Step 1: a ward-friendly plan');
    expect(
      comments.map((c) => [
        c.authorName,
        c.moderationStatus,
        c.parent?.authorName ?? null,
        new Date(c.createdAt).toISOString(),
      ]),
    ).toEqual([
      ['Anika', 'approved', null, '2019-04-17T09:15:00.000Z'],
      ['Dr Meera Import-Test', 'approved', 'Anika', '2019-04-17T11:00:00.000Z'],
      ['Waiting Reader', 'pending', null, '2019-04-18T10:00:00.000Z'],
      ['Cheap Pills', 'spam', null, '2019-04-18T12:00:00.000Z'],
    ]);
    expect(comments[1].body).toBe('Glad it helped — good luck on exam day.');
    expect(comments[0].ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(comments[0].ipHash).not.toContain('203.0.113.9');

    const shown = await request.get('/api/comments').query({ 'filters[article][slug][$eq]': 'usmle-step-1-ward-plan' });
    expect(shown.status).toBe(200);
    expect(shown.body.data.map((c: { authorName: string }) => c.authorName)).toEqual(['Anika', 'Dr Meera Import-Test']);
    expect(shown.text).not.toContain('anika.import@example.net');
    expect(shown.text).not.toContain('importKey');
  });

  it('shows the original date through the public API, and never the import key', async () => {
    const response = await request.get('/api/articles').query({ 'filters[slug][$eq]': 'usmle-step-1-ward-plan' });
    expect(response.body.data[0].originalPublishedAt).toBe('2019-04-16T08:30:00.000Z');
    expect(response.text).not.toContain('importKey');
    const probe = await request.get('/api/articles').query({ 'filters[importKey][$notNull]': 'true' });
    expect(probe.status).toBe(400);
  });

  it("lists the organisation's own articles before the older posts imported after them, as readers see the dates", async () => {
    const response = await request.get('/api/articles').query({
      fields: ['title', 'publishedAt', 'originalPublishedAt', 'displayDate'],
      sort: 'displayDate:desc',
      'pagination[pageSize]': 50,
    });
    expect(response.status).toBe(200);
    const listed: Array<Record<string, string | null>> = response.body.data;
    expect(listed.some((article) => article.originalPublishedAt)).toBe(true);
    for (const article of listed) expect(article.displayDate).toBe(article.originalPublishedAt ?? article.publishedAt);
    const shown = listed.map((article) => Date.parse(article.displayDate!));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    // Written here (the demo content) before the import, yet listed first.
    expect(listed[0]!.originalPublishedAt).toBeNull();
  });

  it('keeps the date readers are shown when an editor changes the original date, clears it, or publishes again', async () => {
    const { documentId } = (await findArticle('Choosing a clinical partner hospital – notes from 2010'))!;
    const shownDate = async () =>
      (await request.get('/api/articles').query({ 'filters[documentId][$eq]': documentId, fields: ['displayDate'] }))
        .body.data[0].displayDate;
    const save = (data: Record<string, unknown>) =>
      strapi.documents(ARTICLE).update({ documentId, data: data as never, status: 'published' });
    try {
      await save({ originalPublishedAt: '2011-02-03T04:05:06.000Z' });
      expect(await shownDate()).toBe('2011-02-03T04:05:06.000Z');
      await save({ originalPublishedAt: null });
      const published = await strapi.documents(ARTICLE).findOne({ documentId, status: 'published' });
      expect(await shownDate()).toBe(published!.publishedAt);
      await strapi.documents(ARTICLE).publish({ documentId });
      const republished = await strapi.documents(ARTICLE).findOne({ documentId, status: 'published' });
      expect(await shownDate()).toBe(republished!.publishedAt);
    } finally {
      await save({ originalPublishedAt: '2010-11-10T12:00:00.000Z' });
    }
    expect(await shownDate()).toBe('2010-11-10T12:00:00.000Z');
  });

  it('makes the published posts searchable on the site, and leaves the drafts out', async () => {
    const search = async (q: string) =>
      (await request.get('/api/search').query({ q, 'pagination[page]': 1, 'pagination[pageSize]': 10 })).body.data.map(
        (article: { slug: string }) => article.slug,
      );
    expect(await search('ward-friendly plan night shifts')).toContain('usmle-step-1-ward-plan');
    expect(await search('partner hospital supervisor')).toContain('choosing-a-partner-hospital');
    const draft = await findArticle('Electives abroad: a checklist we are still writing', 'draft');
    expect(await search('visas vaccinations letter')).not.toContain(draft!.slug);
  });

  it('adds a 301 from each published post’s old permalink and post number to its new address', async () => {
    const lookUp = async (fromPath: string) =>
      (
        await request
          .get('/api/redirects')
          .query({ 'filters[fromPath][$eq]': fromPath, 'fields[0]': 'toPath', 'fields[1]': 'code' })
      ).body.data;
    expect(await lookUp('/2019/04/usmle-step-1-ward-plan')).toEqual([
      expect.objectContaining({ toPath: '/articles/usmle-step-1-ward-plan', code: 'permanent-301' }),
    ]);
    expect(await lookUp('/?p=101')).toEqual([expect.objectContaining({ toPath: '/articles/usmle-step-1-ward-plan' })]);
    expect(await lookUp('/2010/11/choosing-a-partner-hospital')).toHaveLength(1);
    // A draft has no page to send readers to.
    expect(await lookUp('/?p=303')).toEqual([]);
  });

  it('changes nothing when the same export is imported again', async () => {
    const again = await importFiles(strapi, [WXR_12, WXR_10], { mediaDir: MEDIA });
    expect(again.created).toEqual({ article: 0, comment: 0, redirect: 0, author: 0, category: 0, image: 0 });
    expect(again.updated).toEqual({ article: 0, comment: 0, redirect: 0, author: 0, category: 0, image: 0 });
    expect(again.unchanged).toMatchObject({ article: 5, comment: 5, redirect: 6, image: 1 });
  });

  it('updates only the post and comment that changed in an edited export', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-edited-'));
    const edited = join(folder, 'edited.xml');
    writeFileSync(
      edited,
      readFileSync(WXR_12, 'utf8')
        .replace('read it every Sunday.', 'read it every Saturday.')
        .replace(
          '<wp:comment_approved><![CDATA[0]]></wp:comment_approved>',
          '<wp:comment_approved><![CDATA[1]]></wp:comment_approved>',
        ),
    );
    const summary = await importFiles(strapi, [edited], { mediaDir: MEDIA });
    expect(summary.updated).toMatchObject({ article: 1, comment: 1 });
    expect(summary.unchanged).toMatchObject({ article: 3, comment: 3 });
    const plan = await findArticle('Three months to USMLE Step 1: a ward-friendly plan');
    expect(JSON.stringify(plan!.body)).toContain('every Saturday.');
    const waiting = (await commentsOf('Three months to USMLE Step 1: a ward-friendly plan')).find(
      (c) => c.authorName === 'Waiting Reader',
    );
    expect(waiting!.moderationStatus).toBe('approved');
    // Put back, so the article reads as the fixture again.
    expect((await importFiles(strapi, [WXR_12], { mediaDir: MEDIA })).updated.article).toBe(1);
  });

  it('imports nothing from a malformed file and names the file and line', async () => {
    const before = (await importedKeys()).length;
    const summary = await importFiles(strapi, [join(FIXTURES, 'malformed.xml')]);
    expect(summary.failed).toEqual([{ file: 'malformed.xml', error: expect.stringMatching(/malformed\.xml:17:\d+/) }]);
    expect(await findArticle('A post before the broken one', 'draft')).toBeNull();
    expect((await importedKeys()).length).toBe(before);
  });

  it('rolls the whole file back when a save fails halfway through it', async () => {
    const failing = failingFile(
      'failing.xml',
      '<item><title>First of two, saved before the failure</title><guid>failing-1</guid>' +
        '<wp:post_id>41</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>',
    );
    const summary = await importFiles(strapi, [failing]);
    expect(summary.failed).toEqual([{ file: 'failing.xml', error: expect.stringContaining('name') }]);
    expect(summary.created.article).toBe(0);
    expect(await findArticle('First of two, saved before the failure', 'draft')).toBeNull();
  });

  it('removes the images it uploaded for a file that then rolls back', async () => {
    const failing = failingFile(
      'failing-with-image.xml',
      '<item><title>A post with a photo, before the failure</title><guid>failing-image-1</guid>' +
        '<content:encoded><![CDATA[<p><img src="https://old-blog.example.org/wp-content/uploads/rolled-back-photo.png" alt="A ward"></p>]]></content:encoded>' +
        '<wp:post_id>42</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>',
    );
    const media = dirname(failing);
    copyFileSync(join(MEDIA, '2024', '03', 'ward-round.png'), join(media, 'rolled-back-photo.png'));
    const summary = await importFiles(strapi, [failing], { mediaDir: media });
    expect(summary.failed).toEqual([{ file: 'failing-with-image.xml', error: expect.stringContaining('name') }]);
    expect(
      await strapi.db.query('plugin::upload.file').findOne({ where: { name: 'rolled-back-photo.png' } }),
    ).toBeNull();
    // The upload provider's copies (the local one: public/uploads, with its resized formats).
    const stored = readdirSync(join(strapi.dirs.static.public, 'uploads')).filter((name) =>
      name.includes('rolled_back_photo'),
    );
    expect(stored).toEqual([]);
  });

  it('shows what it imported at once, however the public API had cached the lists before', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'import-cache-')), 'cached.xml');
    writeFileSync(
      file,
      readFileSync(WXR_10, 'utf8')
        .replaceAll('choosing-a-partner-hospital', 'cache-check-post')
        .replace('<wp:post_id>12</wp:post_id>', '<wp:post_id>912</wp:post_id>')
        .replace('<title>Choosing', '<title>Cache check: choosing'),
    );
    const articles = { 'filters[slug][$eq]': 'cache-check-post', 'fields[0]': 'title' };
    const comments = { 'filters[article][slug][$eq]': 'cache-check-post', 'fields[0]': 'body' };
    for (let read = 0; read < 2; read++) {
      expect((await request.get('/api/articles').query(articles)).body.data).toEqual([]);
      expect((await request.get('/api/comments').query(comments)).body.data).toEqual([]);
    }
    expect((await importFiles(strapi, [file])).created).toMatchObject({ article: 1, comment: 1, redirect: 2 });
    expect((await request.get('/api/articles').query(articles)).body.data).toEqual([
      expect.objectContaining({ title: 'Cache check: choosing a clinical partner hospital – notes from 2010' }),
    ]);
    expect((await request.get('/api/comments').query(comments)).body.data).toEqual([
      expect.objectContaining({ body: 'Useful even ten years on & still true.' }),
    ]);
  });

  it('saves nothing in a dry run, yet counts what it would do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-dry-'));
    const file = join(folder, 'dry.xml');
    writeFileSync(
      file,
      readFileSync(WXR_10, 'utf8')
        .replaceAll('choosing-a-partner-hospital', 'dry-run-post')
        .replace('<title>Choosing', '<title>Dry run: choosing'),
    );
    const summary = await importFiles(strapi, [file], { dryRun: true });
    expect(summary.created.article).toBe(1);
    expect(await findArticle('Dry run: choosing a clinical partner hospital – notes from 2010', 'draft')).toBeNull();
  });
});

describe('what the import writes in bulk', () => {
  const PLAN = 'Three months to USMLE Step 1: a ward-friendly plan';
  let twinId: string | undefined;

  afterAll(async () => {
    if (!twinId) return;
    await strapi.db.query(COMMENT).deleteMany({ where: { article: { documentId: twinId } } });
    await strapi.documents(ARTICLE).delete({ documentId: twinId });
  });

  it('reads back, through the Document Service and the public API, as what the Document Service saves', async () => {
    const imported = (await findArticle(PLAN, 'draft'))!;
    const comments = await commentsOf(PLAN);
    // Its twin: the same article and comments, saved one by one through the Document Service.
    const twin = await strapi.documents(ARTICLE).create({
      data: {
        title: imported.title,
        body: imported.body,
        excerpt: imported.excerpt,
        originalPublishedAt: imported.originalPublishedAt,
        category: imported.category!.documentId,
        author: imported.author!.documentId,
        // Imported articles are not e-mailed to subscribers: an editor saving one would tick it too.
        doNotEmail: true,
      } as never,
      status: 'published',
    });
    twinId = twin.documentId;
    const twinComments = new Map<string, string>();
    for (const comment of comments) {
      const created = await strapi.documents(COMMENT).create({
        data: {
          ...pick(comment, [
            'authorName',
            'authorEmail',
            'body',
            'moderationStatus',
            'moderatedAt',
            'ipHash',
            'createdAt',
          ]),
          article: twin.documentId,
          parent: comment.parent ? twinComments.get(comment.parent.authorName) : null,
        } as never,
      });
      twinComments.set(comment.authorName, created.documentId);
    }

    // Each side as a reader or an editor sees it, its own ids and addresses named alike.
    const labels = new Map<string, string>([
      [imported.documentId, 'the article'],
      [twin.documentId, 'the article'],
      [imported.slug as string, 'its slug'],
      [twin.slug as string, 'its slug'],
      ...comments.map((comment) => [comment.documentId, `comment by ${comment.authorName}`] as [string, string]),
      ...[...twinComments].map(([name, documentId]) => [documentId, `comment by ${name}`] as [string, string]),
    ]);
    // Ids and the times of this run differ; whether each is set does not (a comment's own date is kept).
    const ofThisRun = (key: string, field: unknown) =>
      key === 'id' ||
      key === 'updatedAt' ||
      key === 'publishedAt' ||
      (key === 'createdAt' && !/^2019/.test(String(field)));
    const seen = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value, (key, field) => {
          if (key === 'importKey') return undefined;
          if (ofThisRun(key, field)) return field === null || field === undefined ? null : 'set';
          if (typeof field !== 'string') return field;
          return labels.get(field) ?? field.replaceAll(imported.slug as string, 'its slug');
        }),
      );
    const sides = async (documentId: string, slug: string) => {
      const versions = await Promise.all(
        (['draft', 'published'] as const).map((status) =>
          strapi.documents(ARTICLE).findOne({
            documentId,
            status,
            populate: { category: { fields: ['name'] }, author: { fields: ['name'] } },
          }),
        ),
      );
      const commentsThrough = await Promise.all(
        [{ $null: true }, { $notNull: true }].map((publishedAt) =>
          strapi.db.query(COMMENT).findMany({
            where: { article: { documentId, publishedAt } },
            populate: { parent: true, article: { select: ['documentId'] } },
            orderBy: { createdAt: 'asc' },
          }),
        ),
      );
      const adminComments = await strapi.documents(COMMENT).findMany({
        filters: { article: { documentId } },
        populate: { parent: { fields: ['authorName'] }, article: { fields: ['title'] } },
        sort: 'createdAt:asc',
      });
      const publicArticle = await request
        .get('/api/articles')
        .query({ 'filters[slug][$eq]': slug, 'populate[category][fields][0]': 'name' });
      const publicComments = await request.get('/api/comments').query({ 'filters[article][slug][$eq]': slug });
      // The admin shows "Published", not "Modified", when both versions carry the same update time.
      const sameUpdate = versions[0]!.updatedAt === versions[1]!.updatedAt;
      return seen({
        versions,
        commentsThrough,
        adminComments,
        publicArticle: publicArticle.body,
        publicComments: publicComments.body,
        sameUpdate,
      });
    };
    const bulk = await sides(imported.documentId, imported.slug as string);
    expect(bulk.versions[1].category).toEqual({
      id: 'set',
      name: 'Exam Strategy (imported)',
      documentId: expect.any(String),
    });
    expect(bulk.commentsThrough[1]).toHaveLength(4);
    expect(bulk.publicComments.data).toHaveLength(2);
    expect(bulk).toEqual(await sides(twin.documentId, twin.slug as string));
  });
});

describe('plain-text copies', () => {
  let summary: Summary;
  beforeAll(async () => {
    summary = await importFiles(strapi, [TEXTS], { publish: true });
  });

  it('takes the first line as the title and drops the old page furniture', async () => {
    const article = await findArticle('My first week as an intern in paediatrics');
    const texts = (article!.body as Array<{ type: string; children: Array<{ text: string }> }>).map((block) => [
      block.type,
      block.children.map((child) => child.text).join(''),
    ]);
    expect(texts).toEqual([
      [
        'paragraph',
        "The first morning on the children's ward felt like learning a new language. Every parent had a question, and every chart had a story.",
      ],
      ['heading', 'What surprised me'],
      ['paragraph', 'Nurses know everything. Ask them first, and thank them twice.'],
      ['heading', '2. Medical school'],
      [
        'paragraph',
        'Lectures had taught me doses, but not how to explain them to a worried father at three in the morning.',
      ],
    ]);
  });

  it('nests numbered headings under "Part" headings', async () => {
    const article = await findArticle('USMLE Step 2 CK, told in two parts');
    const headings = (article!.body as Array<{ type: string; level?: number; children: Array<{ text: string }> }>)
      .filter((block) => block.type === 'heading')
      .map((block) => [block.level, block.children[0].text]);
    expect(headings).toEqual([
      [2, 'Part 1: Building the base'],
      [3, '1. Internal medicine'],
      [3, '2. Paediatrics and obstetrics'],
      [2, 'Part 2: The last month'],
    ]);
  });

  it('gives a copy without a title line a short title of its own, named in a warning', async () => {
    const warning = summary.warnings.find((text) => text.startsWith('untitled-copy.txt'));
    expect(warning).toMatch(/no title line; titled "Clinical rotations abroad need planning months ahead,?…"/);
    const article = await strapi.documents(ARTICLE).findFirst({
      filters: { title: { $startsWith: 'Clinical rotations abroad' } },
      status: 'published',
    });
    const body = article!.body as Array<{ type: string; children: Array<{ text?: string }> }>;
    expect(body.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list']);
    expect(JSON.stringify(body)).not.toMatch(/Popular posts|More articles|Choosing a partner hospital/);
  });

  it('changes nothing when imported again (keyed on the title)', async () => {
    const again = await importFiles(strapi, [TEXTS], { publish: true });
    expect(again.created.article + again.updated.article).toBe(0);
    expect(again.unchanged.article).toBe(3);
  });
});

describe("WordPress's own markers", () => {
  let markers: Summary;
  beforeAll(async () => {
    markers = await importFiles(strapi, [join(FIXTURES, 'wordpress-markers.xml')]);
  });

  const paragraphs = (body: unknown) =>
    (body as Array<{ type: string; children: Array<{ text?: string }> }>).map((block) =>
      block.children.map((child) => child.text ?? '').join(''),
    );

  it.each([
    ['markup-title-emphasis', 'Markup: Title With Emphasis & Ampersand'],
    ['exams-made-calmer', 'Exams made calmer'],
  ])('%s: a title written with markup arrives as plain text', async (slug, title) => {
    const response = await request.get('/api/articles').query({ 'filters[slug][$eq]': slug, 'fields[0]': 'title' });
    expect(response.body.data[0].title).toBe(title);
  });

  it('warns of no post that has text', () => {
    expect(markers.warnings.filter((warning) => warning.includes('no text'))).toHaveLength(3);
  });

  it('takes the text before <!--more--> as the excerpt, unless the post has one of its own', async () => {
    expect((await findArticle('Teaser before the fold'))!.excerpt).toBe(
      'Rounds start at eight, and the first hour sets the day. Arrive early.',
    );
    expect((await findArticle('An excerpt of its own wins'))!.excerpt).toBe('The editor wrote this summary.');
  });

  it('reads <!--nextpage--> as a break between paragraphs, never as text', async () => {
    const article = (await findArticle('A post in two pages'))!;
    expect(paragraphs(article.body)).toEqual([
      'Page one ends with this sentence.',
      'Page two begins with this one.',
      'And a third page closes the post.',
    ]);
    expect(JSON.stringify(article)).not.toMatch(/nextpage|more-->/);
  });

  it.each([
    // Its picture is not in --media: kept as a link named by its description.
    ['Our new skills lab, in one picture', 'Students at the skills lab benches'],
    ['A post saved before it was written', null],
    ['Only a gallery', null],
  ])(
    '"%s", a post without text, arrives with a warning naming it, and with no empty excerpt',
    async (title, excerpt) => {
      expect(markers.warnings).toContain(
        `${quoted(title)} (wordpress-markers.xml): no text (only images, or nothing): imported as it is, for an editor to complete`,
      );
      expect((await findArticle(title))!.excerpt).toBe(excerpt);
    },
  );

  it('redirects each old permalink, written with its final "/", from its path without it', async () => {
    const redirect = await strapi.db
      .query('api::redirect.redirect')
      .findOne({ where: { fromPath: '/2018/05/post-in-two-pages' } });
    expect(redirect).toMatchObject({ toPath: '/articles/post-in-two-pages', code: 'permanent-301' });
  });
});

/**
 * Copies as a browser makes them of the old blog's pages (tests/fixtures/import/copies): a title,
 * a byline or date, the article, and the page's furniture in the many forms it takes, before the
 * article, inside it (a line pointing at another post) and after its last paragraph.
 */
describe('plain-text copies with the old page around them', () => {
  const COPIES = join(FIXTURES, 'copies');
  let summary: Summary;
  beforeAll(async () => {
    summary = await importFiles(strapi, [COPIES]);
  });

  const blockTexts = (body: unknown) =>
    (body as Array<{ type: string; children: Array<{ text?: string; children?: Array<{ text: string }> }> }>).map(
      (block) =>
        `${block.type}: ${block.children
          .map((child) => child.text ?? child.children!.map((text) => text.text).join(''))
          .join(' / ')}`,
    );
  const draftTitled = async (start: string) =>
    (await strapi.documents(ARTICLE).findFirst({ filters: { title: { $startsWith: start } }, status: 'draft' }))!;

  it.each([
    [
      'handover-habits.txt',
      'Handover habits that keep patients safe',
      [
        'paragraph: Every shift on a busy medical ward ends with a handover, and most near misses we hear about start with one that was rushed.',
        'heading: What a good handover holds',
        'list: The patients who are sickest, first / Jobs still pending, with a name beside each / Results that are due before the morning',
        'paragraph: Practise it out loud on your first rotation, even when the ward is quiet and it feels unnecessary.',
      ],
    ],
    [
      'elective-budget.txt',
      'Planning the money side of an overseas elective',
      [
        'paragraph: Most students underestimate the cost of an elective by a third, usually because housing near the hospital is dearer than the city average.',
        'heading: Where the money goes',
        'list: Accommodation near the hospital, for the whole stay. / Registration and supervision fees charged by the host. / Travel insurance that covers clinical work.',
        'paragraph: Start saving at least six months before you travel, and ask the host hospital for its fees in writing.',
      ],
    ],
    [
      'interview-day.txt',
      'Residency interview day: what to expect',
      [
        'paragraph: Interview days usually begin with a short talk from the programme director, then a tour, then two or three conversations of about twenty minutes each.',
        'heading: Questions we hear often',
        'paragraph: Programmes ask why you chose the speciality, what you did when a plan went wrong, and where you see yourself in five years.',
        'paragraph: Prepare a short story for each of these, and practise telling it to a friend who is not a doctor.',
      ],
    ],
  ])('%s: keeps the title and the whole article, and none of the page around it', async (_, title, expected) => {
    const article = await draftTitled(title);
    expect(article.title).toBe(title);
    expect(blockTexts(article.body)).toEqual(expected);
  });

  it.each([
    ['contact-first.txt', 'Bedside teaching works best in small groups, where every…', 'admissions@'],
    ['phone-first.txt', 'Clinical partnerships let our students train in hospitals…', '2345'],
  ])(
    '%s: a contact line first is never the title; the first paragraph gives one, with a warning',
    async (file, title, contact) => {
      expect(summary.warnings).toContain(`${file}: no title line; titled ${quoted(title)}`);
      const article = await draftTitled(title.slice(0, 20));
      expect(article.title).toBe(title);
      expect(article.slug).not.toContain(contact.replace('@', ''));
      expect(JSON.stringify(article.body)).not.toMatch(/@|\+91|Share on|Read Also|More articles|Partner hospitals in/);
    },
  );

  it('keeps, for the editor only, each line it left out, in order and with why', async () => {
    const article = await draftTitled('Handover habits');
    expect((article as { importNote?: string }).importNote?.split('\n')).toEqual([
      "Left out of handover-habits.txt as the old site's page furniture:",
      '"By Dr Kavya Menon | 14 March 2023" (byline or date)',
      '"Read Also: How our students prepare for their first OSCE" (points to another post)',
      '"More" (after the end of the article)',
      '"articles" (after the end of the article)',
      '"Comments" (after the end of the article)',
      '"Popular posts from this blog" (points to another post)',
      '"Choosing your first elective" (points to another post)',
      '"Ten habits of calm interns" (points to another post)',
      '"Why we teach bedside ultrasound" (points to another post)',
      '"Enjoyed reading? For more insightful blogs, check out: Night shifts without the burnout" (points to another post)',
      '"Visit us on social media: Instagram, Facebook" (social media or site navigation)',
      '"Quick Enquiry" (enquiry box)',
    ]);
    // A reader's comment copied under the article goes with the rest of the page after it.
    const budget = await draftTitled('Planning the money side');
    expect((budget as { importNote?: string }).importNote).toMatch(
      /"Anita R\. says: .*" \(after the end of the article\)/,
    );

    const token = (await request.post('/admin/login').send(DEV_ADMIN)).body.data.token;
    const view = (
      await request
        .get(`/content-manager/content-types/${ARTICLE}/configuration`)
        .set('Authorization', `Bearer ${token}`)
    ).body.data.contentType;
    expect(view.metadatas.importNote.edit).toMatchObject({ label: 'Left out by the import', editable: false });
    expect((view.layouts.edit.flat() as Array<{ name: string }>).map((field) => field.name)).toContain('importNote');
    const entry = await request
      .get(`/content-manager/collection-types/${ARTICLE}/${article.documentId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(entry.body.data.importNote).toContain('"Quick Enquiry" (enquiry box)');
  });

  it('imports copies as drafts unless told to publish', async () => {
    const published = await request.get('/api/articles').query({ 'filters[title][$startsWith]': 'Handover habits' });
    expect(published.body.data).toEqual([]);
  });

  it('prints the lines left out per file with --verbose, and only their number without', () => {
    const quiet = formatSummary(summary);
    expect(quiet).toMatch(/left out of text copies: \d+ lines of page furniture \(--verbose lists them\)/);
    expect(quiet).not.toContain('Quick Enquiry');
    const verbose = formatSummary(summary, { verbose: true }).split('\n');
    const file = verbose.indexOf('    interview-day.txt:');
    expect(verbose.slice(file, file + 3)).toEqual([
      '    interview-day.txt:',
      '      - "Updated: 05/01/2024" (byline or date)',
      '      - "Recommended: Writing a personal statement that sounds like you" (points to another post)',
    ]);
    expect(verbose).toContain('      - "Contact us: +91-80-4123-4567" (contact line)');
  });
});

/**
 * An export is untrusted input: its image addresses must not reach files outside the --media
 * folder (they would land in the public media library), and no address it carries may become a
 * link a reader's browser would run. Each entry of these tables is one way of writing such an
 * address; each one left out is named in a warning.
 */
describe('addresses in an export that try to leave the media folder or run script', () => {
  const OLD = 'https://old-blog.example.org/wp-content/uploads';
  let root: string;
  let mediaDir: string;

  // Image files that hostile addresses aim at, outside the folder (before the fix, each was uploaded).
  const OUTSIDE_FILES = [
    'secret-a.png',
    'secret-b.png',
    'secret-c.png',
    'secret-d.png',
    'secret-e.png',
    'secret-f.png',
    'secret-g.png',
    'secret-h.png',
    'secret-i.png',
    'secret-linked.png',
    'secret-top.png',
    'private/secret-j.png',
  ];

  // Legitimate uploads, each a file of its own: [address, its name in the media library].
  const LEGITIMATE: Array<[string, string]> = [
    [`${OLD}/2024/03/legit.jpg`, '2024/03/legit.jpg'],
    [`${OLD}/2024/03/legit-query.jpg?resize=300%2C200&amp;ssl=1`, '2024/03/legit-query.jpg'],
    [`${OLD}/2024/03/legit-sized-300x200.jpg`, '2024/03/legit-sized.jpg'],
    [`${OLD}/2024/03/legit%20photo.jpg`, '2024/03/legit photo.jpg'],
    [`${OLD}/2024/03/café-legit.jpg`, '2024/03/café-legit.jpg'],
    ['/wp-content/uploads/2024/03/legit-relative.JPG', '2024/03/legit-relative.JPG'],
    [
      '//old-blog.example.org/wp-content/uploads/2024/03/legit-protocol-relative.jpg',
      '2024/03/legit-protocol-relative.jpg',
    ],
    // A .. that stays inside the folder is no escape.
    [`${OLD}/2024/04/..%2F03/legit-up.jpg`, '2024/03/legit-up.jpg'],
    // A link inside the folder to a file inside it.
    [`${OLD}/2024/03/legit-alias.jpg`, '2024/03/legit-alias.jpg'],
  ];

  // An attribute value as the importer reads it: entities decoded by the HTML parser, then trimmed.
  const asRead = (attribute: string) =>
    (
      parseDocument(`<a href="${attribute}">`).children[0] as unknown as { attribs: { href: string } }
    ).attribs.href.trim();
  const warningsNaming = (summary: Summary, address: string) =>
    summary.warnings.filter((warning) => warning.includes(quoted(asRead(address))));
  const linksIn = (nodes: unknown[]): string[] =>
    (nodes as Array<{ type: string; url?: string; children?: unknown[] }>).flatMap((node) => [
      ...(node.type === 'link' ? [node.url!] : []),
      ...linksIn(node.children ?? []),
    ]);
  const bodyOf = async (title: string) =>
    (await findArticle(title, 'draft'))!.body as unknown as Array<{ type: string; image?: { url: string } }>;
  const lastUpload = async (): Promise<number> => {
    const [last] = await strapi.db
      .query('plugin::upload.file')
      .findMany({ select: ['id'], orderBy: { id: 'desc' }, limit: 1 });
    return last?.id ?? 0;
  };
  const storedFiles = () => readdirSync(join(strapi.dirs.static.public, 'uploads'));
  const uploadsSince = async (id: number): Promise<string[]> =>
    (await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $gt: id } }, select: ['name'] })).map(
      (file: { name: string }) => file.name,
    );

  const image = (color: number, path: string, format: 'png' | 'jpeg') =>
    sharp({ create: { width: 8, height: 8, channels: 3, background: { r: color, g: 80, b: 120 } } })
      .toFormat(format)
      .toFile(path);

  /** A WXR file of draft posts in `root`. */
  const wxrFile = (name: string, posts: Array<{ title: string; id: number; html: string }>) => {
    const items = posts.map(
      ({ title, id, html }) =>
        `<item><title>${title}</title><guid>import-test-${id}</guid>` +
        `<content:encoded><![CDATA[${html}]]></content:encoded><wp:post_id>${id}</wp:post_id>` +
        '<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>',
    );
    const path = join(root, name);
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Hostile addresses</title><wp:wxr_version>1.2</wp:wxr_version>
${items.join('\n')}
</channel></rss>`,
    );
    return path;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'import-hostile-'));
    const folder = join(root, 'uploads');
    mkdirSync(join(folder, '2024', '03'), { recursive: true });
    mkdirSync(join(root, 'private'));
    for (const [index, name] of OUTSIDE_FILES.entries()) await image(index * 10, join(root, name), 'png');
    symlinkSync(join(root, 'secret-linked.png'), join(folder, '2024', '03', 'linked-out.png'));
    symlinkSync(join(root, 'private'), join(folder, '2024', 'linked-dir'));
    symlinkSync('../secret-top.png', join(folder, 'linked-top.png'));
    for (const [index, [, name]] of LEGITIMATE.entries()) {
      if (name.endsWith('legit-alias.jpg')) symlinkSync('legit.jpg', join(folder, name));
      else await image(200 + index, join(folder, name), 'jpeg');
    }
    // The --media folder given through a link of its own, as a mounted export may be.
    mediaDir = join(root, 'media');
    symlinkSync(folder, mediaDir);
  });

  it('names a post in its warnings with its title escaped, so a title cannot drive the terminal', async () => {
    const file = wxrFile('titles.xml', [
      { title: 'Clean &#x9b;2J&#x7f; title', id: 9101, html: '<p><a href="javascript:alert(1)">a link</a></p>' },
    ]);
    const summary = await importFiles(strapi, [file], { dryRun: true });
    const warning = summary.warnings.find((text: string) => text.includes('titles.xml'));
    expect(warning).toContain('"Clean \\u009b2J\\u007f title" (titles.xml)');
    expect(warning).not.toMatch(/[\u007f-\u009f]/);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('image paths', () => {
    const HOSTILE = 'Images whose paths try to leave the folder (import-test)';
    const LEGIT = 'Images from the uploads folder (import-test)';
    let summary: Summary;
    let before: number;
    let filesBefore: string[];

    // [what it tries, the address as the HTML gives it, outcome]: 'outside' is skipped as leading out
    // of the folder; 'link' is not found inside the folder, and kept as an https link to the old blog.
    const addresses = (): Array<[string, string, 'outside' | 'link']> => [
      ['an encoded slash after ..', `${OLD}/..%2Fsecret-a.png`, 'outside'],
      ['lower-case encoded dots and slashes', `${OLD}/2024/03/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret-b.png`, 'outside'],
      ['encoded separators only', `${OLD}/2024%2F..%2F..%2Fsecret-c.png`, 'outside'],
      ['a size suffix on an escaping name', `${OLD}/..%2fsecret-d-300x200.png`, 'outside'],
      [
        'enough ..s to reach / and then the absolute path',
        `${OLD}/${'..%2F'.repeat(12)}${encodeURIComponent(root.slice(1))}%2Fsecret-e.png`,
        'outside',
      ],
      ['an absolute path once decoded', `${OLD}/${encodeURIComponent(`${root}/secret-f.png`)}`, 'outside'],
      ['encoded backslashes', `${OLD}/..%5Csecret-g.png`, 'outside'],
      ['backslashes and slashes mixed', `${OLD}/2024%5C..%2F..%5Csecret-g.png`, 'outside'],
      ['a NUL before an image extension', `${OLD}/..%2Fsecret-h.png%00.jpg`, 'outside'],
      // A double decoder would reach secret-i.png; decoded once, it is a name no file has.
      ['double encoding', `${OLD}/%252e%252e%252fsecret-i.png`, 'link'],
      // The URL parser resolves these within the address: what is left is looked for in the folder.
      ['written backslashes', `${OLD}/2024/..\\..\\..\\..\\secret-a.png`, 'link'],
      ['encoded dots as whole segments', `${OLD}/2024/%2E%2E/%2e%2e/%2E%2e/secret-a.png`, 'link'],
      ['a link in the folder to a file outside', `${OLD}/2024/03/linked-out.png`, 'outside'],
      ['the same link by its size suffix', `${OLD}/2024/03/linked-out-300x200.png`, 'outside'],
      ['a linked folder in the folder', `${OLD}/2024/linked-dir/secret-j.png`, 'outside'],
      ['a link found by its name alone', 'https://cdn.example.net/images/linked-top.png', 'outside'],
    ];

    beforeAll(async () => {
      const file = wxrFile('image-paths.xml', [
        {
          title: HOSTILE,
          id: 9001,
          html: addresses()
            .map(([what, address]) => `<p>${what}</p><img src="${address}" alt="">`)
            .join('\n'),
        },
        {
          title: LEGIT,
          id: 9002,
          html: LEGITIMATE.map(([address]) => `<p><img src="${address}" alt="A photo"></p>`).join('\n'),
        },
      ]);
      before = await lastUpload();
      filesBefore = storedFiles();
      summary = await importFiles(strapi, [file], { mediaDir });
    });

    it('uploads no file from outside the media folder, however its path is written or linked', async () => {
      expect(summary.failed).toEqual([]);
      expect((await uploadsSince(before)).sort()).toEqual(LEGITIMATE.map(([, name]) => name).sort());
      // The upload provider's copies (the local one: public/uploads, each named after its file).
      const added = storedFiles().filter((name) => !filesBefore.includes(name));
      expect(added).toHaveLength(LEGITIMATE.length);
      expect(added.filter((name) => !name.includes('legit'))).toEqual([]);
      const body = await bodyOf(HOSTILE);
      expect(body.filter((block) => block.type === 'image')).toEqual([]);
      for (const url of linksIn(body)) expect(url).toMatch(/^https:\/\/old-blog\.example\.org\//);
    });

    it('names each image it skipped or kept as a link in a warning, with the file', () => {
      for (const [what, address, outcome] of addresses()) {
        const warnings = warningsNaming(summary, address);
        expect(warnings, what).toEqual([expect.stringContaining('(image-paths.xml)')]);
        expect(warnings[0], what).toContain(outcome === 'outside' ? 'leads outside' : 'kept as a link');
      }
    });

    it('still uploads the folder’s images: sizes, query strings, encoded and accented names, relative addresses', async () => {
      // Only that the post has no text besides its images (see "WordPress's own markers").
      expect(summary.warnings.filter((warning) => warning.includes(LEGIT))).toEqual([
        expect.stringContaining('no text (only images, or nothing)'),
      ]);
      const images = (await bodyOf(LEGIT)).filter((block) => block.type === 'image');
      const files = await strapi.db
        .query('plugin::upload.file')
        .findMany({ where: { name: { $in: LEGITIMATE.map(([, name]) => name) } }, select: ['name', 'url'] });
      const urls = new Map(files.map((file: { name: string; url: string }) => [file.name, file.url]));
      expect(images.map((block) => block.image!.url)).toEqual(LEGITIMATE.map(([, name]) => urls.get(name)));
    });
  });

  describe('addresses that are not http(s)', () => {
    const TITLE = 'Images and links that are not http(s) (import-test)';
    let summary: Summary;
    let before: number;

    // Each written as an HTML attribute value: the HTML parser decodes its entities, as a browser's does.
    const SCRIPTS = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      '  \tjavascript:alert(2)',
      '&#1;javascript:alert(3)',
      '&#x1F;&#x7F;javascript:alert(4)',
      'java&#9;script:alert(5)',
      'java&#10;script:alert(6)',
      'javascript&#58;alert(7)',
      'javascript&colon;alert(8)',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(2)',
      'data:image/svg+xml,&lt;svg onload=alert(9)&gt;',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'DATA:image/png;base64,iVBORw0KGgo=',
      'file:///etc/passwd',
      'file://localhost/etc/hosts.png',
      '//javascript:alert(10)',
      'https:javascript:alert(11)',
      // In the folder, yet not an address of the web: not looked for there.
      'ftp://old-blog.example.org/wp-content/uploads/2024/03/legit.jpg',
      'blob:https://old-blog.example.org/0d2c6a5e',
      'about:blank',
    ];
    // Protocol-relative oddities: a browser reads each as https to another host, which is all they become.
    const ELSEWHERE = ['//evil.example/x.png', '/\\evil.example/x.png', '\\\\evil.example\\x.png'];

    beforeAll(async () => {
      const file = wxrFile('addresses.xml', [
        {
          title: TITLE,
          id: 9003,
          html: [
            ...SCRIPTS.map((address) => `<img src="${address}" alt="">`),
            ...SCRIPTS.map((address, n) => `<p><a href="${address}">script link ${n}</a></p>`),
            ...ELSEWHERE.map((address) => `<img src="${address}" alt="elsewhere">`),
            ...ELSEWHERE.map((address, n) => `<p><a href="${address}">elsewhere ${n}</a></p>`),
            '<p><a href="https://old-blog.example.org/resources/">resources</a></p>',
          ].join('\n'),
        },
      ]);
      before = await lastUpload();
      summary = await importFiles(strapi, [file], { mediaDir });
    });

    it('keeps no image, and no link to anything but an http(s) address', async () => {
      expect(summary.failed).toEqual([]);
      expect(await uploadsSince(before)).toEqual([]);
      const body = await bodyOf(TITLE);
      expect(body.filter((block) => block.type === 'image')).toEqual([]);
      const links = linksIn(body);
      expect(links.map((url) => new URL(url).protocol).filter((protocol) => protocol !== 'https:')).toEqual([]);
      expect(links).toEqual([
        ...ELSEWHERE.map(() => 'https://evil.example/x.png'),
        ...ELSEWHERE.map(() => 'https://evil.example/x.png'),
        'https://old-blog.example.org/resources/',
      ]);
      // A refused link's text stays, as text.
      const texts = JSON.stringify(body);
      for (const n of SCRIPTS.keys()) expect(texts).toContain(`"script link ${n}"`);
    });

    it('names each address it dropped in a warning, with the file: once as an image, once as a link', () => {
      for (const address of SCRIPTS) {
        const warnings = warningsNaming(summary, address);
        expect(warnings, address).toHaveLength(2);
        expect(warnings, address).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^".*" \(addresses\.xml\): image .* dropped/),
            expect.stringMatching(/^".*" \(addresses\.xml\): link .* dropped/),
          ]),
        );
      }
    });
  });
});

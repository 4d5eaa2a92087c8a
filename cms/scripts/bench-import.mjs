// `pnpm bench` (import part): the time `pnpm run import` takes for a generated WordPress export of
// 1,000 posts with 5,000 comments (goal: under 60 s), then for the same file again, when nothing
// changes. On a throw-away CMS; prints the times, never fails on them.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

const POSTS = Number(process.env.BENCH_IMPORT_POSTS ?? 1000);
const COMMENTS_PER_POST = 5;
const TOPICS = [
  'USMLE Step 1',
  'clinical rotations',
  'surgical internships',
  'electives abroad',
  'residency interviews',
];

const cdata = (text) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function post(n) {
  const topic = TOPICS[n % TOPICS.length];
  const paragraph = (i) =>
    `<!-- wp:paragraph --><p>Notes on ${topic}, part ${i}: plan the <strong>weeks</strong> ahead, ask your <em>supervisor</em> early and read the <a href="https://old-blog.example.org/guide-${i}/">guide</a>. Post ${n} keeps a logbook &amp; a list of questions for the ward round.</p><!-- /wp:paragraph -->`;
  const body = [
    paragraph(1),
    `<!-- wp:heading --><h2>What to prepare for ${topic}</h2><!-- /wp:heading -->`,
    paragraph(2),
    '<!-- wp:list --><ul><li>A study timetable</li><li>Two question banks</li><li>A mentor</li></ul><!-- /wp:list -->',
    `<!-- wp:heading {"level":3} --><h3>During the weeks</h3><!-- /wp:heading -->`,
    paragraph(3),
    '<!-- wp:quote --><blockquote><p>Little and often beats a long night before the exam.</p></blockquote><!-- /wp:quote -->',
    paragraph(4),
  ].join('\n');
  const comments = Array.from({ length: COMMENTS_PER_POST }, (_, i) => {
    const id = n * 10 + i;
    const approved = ['1', '1', '1', '0', 'spam'][i];
    return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(`Reader ${id}`)}</wp:comment_author><wp:comment_author_email>reader${id}@example.net</wp:comment_author_email><wp:comment_author_IP>198.51.100.${i + 1}</wp:comment_author_IP><wp:comment_date_gmt>2020-03-0${i + 1} 10:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(`Thank you for post ${n}, comment ${i}.`)}</wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${i === 1 ? id - 1 : 0}</wp:comment_parent></wp:comment>`;
  }).join('\n');
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<item><title>${cdata(`${topic}: what we learnt, number ${n}`)}</title><link>https://old-blog.example.org/2020/02/post-${n}/</link><dc:creator>author${n % 4}</dc:creator><guid isPermaLink="false">https://old-blog.example.org/?p=${n}</guid><content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${n}</wp:post_id><wp:post_date_gmt>2020-02-${day} 08:00:00</wp:post_date_gmt><wp:post_name>bench-post-${n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="bench-${n % 5}">${cdata(`Bench topic ${n % 5}`)}</category>\n${comments}</item>`;
}

function exportFile(folder) {
  const authors = Array.from(
    { length: 4 },
    (_, i) =>
      `<wp:author><wp:author_login>author${i}</wp:author_login><wp:author_display_name>${cdata(`Bench Author ${i}`)}</wp:author_display_name></wp:author>`,
  ).join('\n');
  const items = Array.from({ length: POSTS }, (_, i) => post(i + 1)).join('\n');
  const path = join(folder, 'bench-export.xml');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><wp:wxr_version>1.2</wp:wxr_version>
${authors}
${items}
</channel></rss>`,
  );
  return path;
}

process.env.STRAPI_LOG_LEVEL = 'error';
// After the commit Strapi loads every entry its Document Service saved once more for its events,
// all at once: they may queue for a connection far longer than the CMS's usual 5 s.
process.env.DATABASE_CONNECTION_TIMEOUT ??= '300000';
const require = createRequire(import.meta.url);
await require('@strapi/strapi').compileStrapi({ appDir: cmsDir });
const folder = mkdtempSync(join(tmpdir(), 'medblog-bench-import-'));
const cms = await startThrowawayCms();
try {
  const { importFiles } = require(join(cmsDir, 'dist', 'src', 'features', 'import', 'server', 'importer.js'));
  const file = exportFile(folder);
  const megabytes = (statSync(file).size / 1e6).toFixed(1);
  const results = {};
  for (const run of ['first import', 'same file again (nothing changes)']) {
    const started = performance.now();
    const summary = await importFiles(cms.strapi, [file]);
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed.length) throw new Error(`The import failed: ${JSON.stringify(summary.failed)}`);
    results[run] = {
      seconds: Number(seconds.toFixed(1)),
      'posts/s': Math.round(POSTS / seconds),
      created: summary.created.article + summary.created.comment,
      unchanged: summary.unchanged.article + summary.unchanged.comment,
      // Timings depend on what else the machine runs: this says how busy it was.
      load: Number(loadavg()[0].toFixed(1)),
    };
  }
  // Then undone, as after importing the wrong file.
  const { undoImport } = require(join(cmsDir, 'dist', 'src', 'features', 'import', 'server', 'undo.js'));
  const started = performance.now();
  const undone = await undoImport(cms.strapi, file);
  const seconds = (performance.now() - started) / 1000;
  results['undo (--undo)'] = {
    seconds: Number(seconds.toFixed(1)),
    'posts/s': Math.round(undone.removed.article / seconds),
    removed: undone.removed.article + undone.removed.comment,
    load: Number(loadavg()[0].toFixed(1)),
  };
  console.log(
    `\nImport of a generated WordPress export: ${POSTS} posts, ${POSTS * COMMENTS_PER_POST} comments, ${megabytes} MB, one transaction (goal: first import under 60 s), then its undo`,
  );
  console.log(`The load: the 1-minute load average at the end of each run, on ${cpus().length} cores`);
  console.table(results);
} finally {
  await cms.stop();
  rmSync(folder, { recursive: true, force: true });
}

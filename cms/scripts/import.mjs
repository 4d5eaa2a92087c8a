// `pnpm import [--publish] [--dry-run] [--media <folder>] <file|folder>...`: brings posts of the
// old WordPress blog in (WXR exports, .xml, and plain-text copies, .txt).
// `pnpm import --undo [--dry-run] <file>...`: removes what importing those files created. Uses DATABASE_URL, the
// embedded PostgreSQL of a running `pnpm dev` (its site's cache is then purged too), or starts
// that database itself. The code is in src/features/import/.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { useDatabase } from './lib/postgres.mjs';
import { cmsDir, loadStrapi } from './lib/strapi.mjs';

const USAGE = [
  'Usage: pnpm import [--publish] [--dry-run] [--verbose] [--media <folder>] <file|folder>...',
  '       pnpm import --undo [--dry-run] <file>...',
].join('\n');
// Below this many posts in a file a progress bar would only flicker.
const PROGRESS_FROM = 50;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      publish: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      // Lists, per text copy, each line left out as page furniture and why.
      verbose: { type: 'boolean', default: false },
      media: { type: 'string' },
      // Removes what importing the files created, unless changed since (by the files' names).
      undo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
// pnpm runs scripts in the package's folder: paths are the caller's.
const from = process.env.INIT_CWD ?? process.cwd();
const paths = args.positionals.map((path) => resolve(from, path));
const mediaDir = args.values.media && resolve(from, args.values.media);
if (args.values.help || !paths.length) {
  console.log(USAGE);
  process.exit(args.values.help ? 0 : 2);
}
// A file to undo may be gone from the disk: the ledger knows it by its name.
const missing = args.values.undo ? [] : [...paths, ...(mediaDir ? [mediaDir] : [])].filter((path) => !existsSync(path));
if (missing.length) {
  console.error(`Not found: ${missing.join(', ')}`);
  process.exit(2);
}

const dataDir = join(cmsDir, '..', '.data');
const db = await useDatabase({ dataDir: join(dataDir, 'postgres'), database: 'medblog' });
process.env.DATABASE_URL = db.url;
process.env.SEED_DEMO_CONTENT = 'false';
// After each file's commit Strapi reads every entry its Document Service saved again for its
// events, all at once: they may queue for a connection far longer than the CMS's usual 5 s.
process.env.DATABASE_CONNECTION_TIMEOUT ??= '300000';
// Beside `pnpm dev`: its site's cache is purged with the secret it keeps.
const devPurge = join(dataDir, 'dev-purge.json');
if (db.shared && existsSync(devPurge) && !process.env.PURGE_SECRET) {
  Object.assign(process.env, JSON.parse(readFileSync(devPurge, 'utf8')));
}
if (db.shared) console.log('Using the database of the running `pnpm dev`.');

const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
const strapi = await (await loadStrapi()).load();
const bar = new cliProgress.SingleBar(
  { format: '{file} [{bar}] {value}/{total} posts' },
  cliProgress.Presets.shades_classic,
);
let barFile = null;
const compiled = (name) =>
  createRequire(import.meta.url)(join(cmsDir, 'dist', 'src', 'features', 'import', 'server', `${name}.js`));
try {
  if (args.values.undo) await undo();
  else await importAll();
} finally {
  await strapi.destroy();
  await db.stop();
}

async function undo() {
  const { undoImport, formatUndoSummary, NothingToUndo } = compiled('undo');
  const { expandPaths } = compiled('importer');
  // A folder stands for its files, as in an import; a file no longer there, for its name.
  for (const path of paths.flatMap((path) => (existsSync(path) ? expandPaths([path]) : [path]))) {
    try {
      const summary = await undoImport(strapi, path, { dryRun: args.values['dry-run'] });
      console.log(formatUndoSummary(summary, { dryRun: args.values['dry-run'] }));
    } catch (error) {
      if (!(error instanceof NothingToUndo)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  }
}

async function importAll() {
  const { importFiles } = compiled('importer');
  const { formatSummary } = compiled('summary');
  const summary = await importFiles(strapi, paths, {
    publish: args.values.publish,
    dryRun: args.values['dry-run'],
    mediaDir,
    onProgress(done, total, file) {
      if (total < PROGRESS_FROM) return;
      if (barFile !== file) {
        if (barFile) bar.stop();
        barFile = file;
        bar.start(total, 0, { file: file.slice(from.length + 1) || file });
      }
      bar.update(done);
      if (done === total) {
        bar.stop();
        barFile = null;
      }
    },
  });
  if (barFile) bar.stop();
  console.log(formatSummary(summary, { dryRun: args.values['dry-run'], verbose: args.values.verbose }));
  if (summary.failed.length) process.exitCode = 1;
}

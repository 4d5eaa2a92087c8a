// Sums the JavaScript a browser downloads to show one route on a first visit, from Vite's manifest.
//   node scripts/first-load.mjs [distDir]   each page type of a build (default dist/, its client/ part), against the budget
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** "150 kB" in decimal kilobytes, as Vite and Lighthouse count them. */
const BUDGET_BYTES = 150_000;
const ARTICLE_ROUTE = 'src/app/routes/article.tsx';

/** @typedef {{ file: string, imports?: string[], isEntry?: boolean }} ManifestChunk */

/**
 * The entry chunk, the lazy chunk of `routeSource` (e.g. "src/app/routes/article.tsx"), and every
 * chunk they import statically, each with its raw and gzip size in bytes.
 * @param {string} distDir
 * @param {string} routeSource
 */
export function firstLoadJavaScript(distDir, routeSource) {
  const clientDir = join(distDir, 'client');
  /** @type {Record<string, ManifestChunk>} */
  const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('No entry chunk in the Vite manifest');
  if (!manifest[routeSource]) throw new Error(`${routeSource} is not a chunk of this build`);

  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entry);
  // The boot script loads the app after the first paint (src/boot.ts): it counts as first load.
  visit('src/entry-client.tsx');
  visit(routeSource);

  return [...seen].map((key) => {
    const source = readFileSync(join(clientDir, manifest[key].file));
    return { chunk: manifest[key].file, bytes: source.length, gzipBytes: gzipSync(source).length };
  });
}

const kB = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(1);

/** The page types a reader lands on, by their route module. */
const PAGE_TYPES = {
  home: 'src/app/routes/home.tsx',
  article: ARTICLE_ROUTE,
  category: 'src/app/routes/category.tsx',
  author: 'src/app/routes/author.tsx',
  search: 'src/app/routes/search.tsx',
  enquiry: 'src/app/routes/enquiry.tsx',
};

/**
 * Prints the first-load JavaScript of each page type against the budget, then the article page's
 * chunks (the heaviest page); true when every page is within the budget.
 */
export function reportJavaScript(/** @type {string} */ distDir) {
  const totals = Object.fromEntries(
    Object.entries(PAGE_TYPES).map(([page, route]) => [
      page,
      firstLoadJavaScript(distDir, route).reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    ]),
  );
  console.log(`\nJavaScript for the first load of each page type (gzip; budget ${kB(BUDGET_BYTES)} kB):`);
  console.table(
    Object.fromEntries(
      Object.entries(totals).map(([page, total]) => [
        page,
        { 'gzip kB': kB(total), budget: total <= BUDGET_BYTES ? 'within' : 'OVER' },
      ]),
    ),
  );
  console.log('The article page, chunk by chunk:');
  console.table(
    Object.fromEntries(
      firstLoadJavaScript(distDir, ARTICLE_ROUTE).map(({ chunk, bytes, gzipBytes }) => [
        chunk,
        { 'raw kB': kB(bytes), 'gzip kB': kB(gzipBytes) },
      ]),
    ),
  );
  return Object.values(totals).every((total) => total <= BUDGET_BYTES);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  process.exit(reportJavaScript(distDir) ? 0 : 1);
}

// Sums the JavaScript a browser downloads to show one route on a first visit, from Vite's manifest.
//   node scripts/first-load.mjs [distDir]   the article page of a build (default dist/, its client/ part), against the budget
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

/** Prints the article page's first-load JavaScript; true when it is within the budget. */
export function reportJavaScript(/** @type {string} */ distDir) {
  const chunks = firstLoadJavaScript(distDir, ARTICLE_ROUTE);
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  console.log('\nJavaScript for the first load of an article page (entry + article route chunks):');
  console.table(
    Object.fromEntries(
      chunks.map(({ chunk, bytes, gzipBytes }) => [chunk, { 'raw kB': kB(bytes), 'gzip kB': kB(gzipBytes) }]),
    ),
  );
  const within = total <= BUDGET_BYTES;
  console.log(`Total: ${kB(total)} kB gzip of ${kB(BUDGET_BYTES)} kB budget: ${within ? 'within' : 'OVER'} budget`);
  return within;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  process.exit(reportJavaScript(distDir) ? 0 : 1);
}

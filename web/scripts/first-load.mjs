// Sums the JavaScript a browser downloads to show one route on a first visit, from Vite's manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @typedef {{ file: string, imports?: string[], isEntry?: boolean }} ManifestChunk */

/**
 * The entry chunk, the lazy chunk of `routeSource` (e.g. "src/app/routes/article.tsx"), and every
 * chunk they import statically, each with its raw and gzip size in bytes.
 * @param {string} distDir
 * @param {string} routeSource
 */
export function firstLoadJavaScript(distDir, routeSource) {
  /** @type {Record<string, ManifestChunk>} */
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
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
  visit(routeSource);

  return [...seen].map((key) => {
    const source = readFileSync(join(distDir, manifest[key].file));
    return { chunk: manifest[key].file, bytes: source.length, gzipBytes: gzipSync(source).length };
  });
}

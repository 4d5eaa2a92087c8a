/** The build's <head> tags for a page, from Vite's manifest (production) or Vite's dev server. */
import type { HeadAssets } from './render-page';

/** One entry of Vite's .vite/manifest.json. */
interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The page's script (src/boot.ts), which loads the app (src/entry-client.tsx) after the first paint. */
const BOOT_ENTRY = 'src/boot.ts';
export const CLIENT_ENTRY = 'src/entry-client.tsx';

/**
 * The stylesheet, the boot script, and the name of every module the app and the page's modules
 * need, which the boot script preloads together (in parallel, not one import after another).
 */
export function manifestHeadAssets(manifest: Manifest): HeadAssets {
  return (pageModules) => {
    const chunks = new Set<string>();
    const visit = (key: string) => {
      if (chunks.has(key) || !manifest[key]) return;
      chunks.add(key);
      manifest[key].imports?.forEach(visit);
    };
    [CLIENT_ENTRY, ...pageModules].forEach(visit);
    const css = [...new Set([...chunks].flatMap((key) => manifest[key]!.css ?? []))];
    return [
      ...css.map((file) => `<link rel="stylesheet" href="/${file}">`),
      ...[...chunks].map((key) => `<meta name="page-module" content="/${manifest[key]!.file}">`),
      `<script type="module" src="/${manifest[BOOT_ENTRY]!.file}"></script>`,
    ].join('');
  };
}

/** Development: what Vite injects into an HTML page (its client, React Refresh), then the entry. */
export function devHeadAssets(viteHead: string): HeadAssets {
  return () =>
    `${viteHead}<link rel="stylesheet" href="/src/styles.css"><script type="module" src="/${CLIENT_ENTRY}"></script>`;
}

/** The build's <head> tags for a page, from Vite's manifest (production) or Vite's dev server. */
import type { HeadAssets } from './render-page';

/** One entry of Vite's .vite/manifest.json. */
interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const CLIENT_ENTRY = 'src/entry-client.tsx';

/**
 * The stylesheet, the entry script, and a modulepreload of every chunk the entry and the page's
 * modules import, so the browser fetches them in parallel instead of one import after another.
 * The scripts come at low priority: the page is complete without them, so the HTML's text and the
 * stylesheet go first on a slow connection, and the reader sees the page before it hydrates.
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
    const entry = manifest[CLIENT_ENTRY]!;
    const css = [...new Set([...chunks].flatMap((key) => manifest[key]!.css ?? []))];
    return [
      ...css.map((file) => `<link rel="stylesheet" href="/${file}">`),
      ...[...chunks]
        .filter((key) => key !== CLIENT_ENTRY)
        .map((key) => `<link rel="modulepreload" href="/${manifest[key]!.file}" fetchpriority="low">`),
      `<script type="module" src="/${entry.file}" fetchpriority="low"></script>`,
    ].join('');
  };
}

/** Development: what Vite injects into an HTML page (its client, React Refresh), then the entry. */
export function devHeadAssets(viteHead: string): HeadAssets {
  return () =>
    `${viteHead}<link rel="stylesheet" href="/src/styles.css"><script type="module" src="/${CLIENT_ENTRY}"></script>`;
}

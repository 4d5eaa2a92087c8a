/**
 * The addresses of an imported post (images' src, links' href), judged as a reader's browser
 * would read them: by the WHATWG URL parser, which drops leading spaces and control characters,
 * removes tabs and newlines, and takes a scheme in any case. `java\tscript:` and ` JaVaScRiPt:`
 * are javascript: here as they are there, so what passes here is what a browser would follow.
 */

// Relative addresses are resolved against this: landing on it means "a path on this site".
const HERE = new URL('https://this-site.invalid/');
const WEB = new Set(['http:', 'https:']);

function parse(written: string): URL | null {
  try {
    return new URL(written, HERE);
  } catch {
    return null;
  }
}

/** An image's address, when it is one on the web (http or https; relative ones count); else null. */
export function imageAddress(written: string): URL | null {
  const url = parse(written);
  return url && WEB.has(url.protocol) ? url : null;
}

/**
 * An address as a link block may hold it, in the URL parser's spelling: an http(s) or mailto
 * address (protocol-relative ones made https), or a path or fragment on this site; null for any
 * other (javascript:, data:, vbscript:, file:, unparsable).
 */
export function linkAddress(written: string): string | null {
  const url = parse(written);
  if (!url) return null;
  if (url.origin !== HERE.origin) return WEB.has(url.protocol) || url.protocol === 'mailto:' ? url.href : null;
  // Relative: kept only as a path from the site's root or a fragment, as the old blog wrote them.
  const start = written.trim()[0];
  if (start === '#') return url.hash || '#';
  if (start === '/') return `${url.pathname}${url.search}${url.hash}`;
  return null;
}

/**
 * WordPress shortcodes in an old post, turned into what they stand for here before its HTML
 * becomes blocks: a [caption] into its image with that caption, an [embed] (or a web address alone
 * on its line, which WordPress embedded too) into a link. The others ([gallery], [audio], [video],
 * a plugin's [contact-form-7]...) are dropped, keeping the text one wraps, and reported.
 *
 * WordPress ran only the shortcodes its plugins registered, and an export does not list them, so a
 * bracket counts as a shortcode by its form: a known name, a closing tag, a self-closing slash, a
 * named attribute, or a plugin-style name (with "_" or "-"). An author's own brackets ("[1]",
 * "[sic]", "[Note: ...]", "[citation needed]") stay as written. Matching is WordPress's own
 * (@wordpress/shortcode); only the choice of what counts is ours.
 */
import { fromMatch, regexp } from '@wordpress/shortcode';

// Any name: WordPress would put the names of the registered shortcodes here.
const ANY_NAME = '[\\w-]+';
const CAPTIONS = new Set(['caption', 'wp_caption']);
// WordPress's own shortcodes with nothing to stand for them here.
const WITHOUT_BLOCK = new Set(['gallery', 'audio', 'video', 'playlist']);
// Plugins' shortcodes often written bare, which would otherwise read as an author's "[word]".
const BARE_PLUGIN_NAMES = new Set(['wpforms', 'gravityform', 'gravityforms', 'formidable', 'fluentform', 'toc']);
const PLUGIN_STYLE_NAME = /^[a-z][a-z0-9]*[_-][\w-]*$/i;
// The image a caption holds, maybe inside a link, before the caption's text.
const CAPTIONED_IMAGE = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i;
// A web address alone on its line, or alone in a paragraph: WordPress embedded it.
const ADDRESS_ON_ITS_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gim;
const ADDRESS_IN_PARAGRAPH = /(<p(?:\s[^>]*)?>\s*)(https?:\/\/[^\s<>"]+)(\s*<\/p>)/gi;

/** A shortcode left out: its name, and whether the text it wrapped was kept. */
export type OnDropped = (name: string, keptText: boolean) => void;

type Found = ReturnType<typeof fromMatch>;

function isShortcode(shortcode: Found, writtenAttributes: string): boolean {
  const name = shortcode.tag;
  // "[Note: ...]", "[sic!]": a shortcode's name ends at a space, a slash or the bracket.
  if (writtenAttributes && !/^\s/.test(writtenAttributes)) return false;
  if (/^\d+$/.test(name)) return false;
  return (
    CAPTIONS.has(name) ||
    name === 'embed' ||
    WITHOUT_BLOCK.has(name) ||
    BARE_PLUGIN_NAMES.has(name) ||
    shortcode.type !== 'single' ||
    Object.keys(shortcode.attrs.named).length > 0 ||
    PLUGIN_STYLE_NAME.test(name)
  );
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * `text` with its shortcodes replaced: in HTML (a post's content or excerpt) a caption becomes a
 * figure and an embed a link; in plain text (a copy from the browser) each leaves its text.
 */
export function replaceShortcodes(text: string, format: 'html' | 'text', onDropped: OnDropped): string {
  const replaced = replaceIn(text, format, onDropped);
  return format === 'html'
    ? replaced.replace(ADDRESS_ON_ITS_LINE, linkTo).replace(ADDRESS_IN_PARAGRAPH, linkTo)
    : replaced;
}

function replaceIn(text: string, format: 'html' | 'text', onDropped: OnDropped): string {
  return text.replace(regexp(ANY_NAME), (...args: string[]) => {
    const [written, left, , attributes, , , , right] = args;
    const shortcode = fromMatch(args);
    if (!isShortcode(shortcode, attributes ?? '')) return written!;
    // [[gallery]]: written to show the shortcode itself, as WordPress shows it.
    if (left === '[' && right === ']') return written!.slice(1, -1);
    const content = replaceIn(shortcode.content ?? '', format, onDropped);
    return left! + standIn(shortcode, content, format, onDropped) + right!;
  });
}

function linkTo(_: string, before: string, address: string, after: string): string {
  return `${before}<a href="${escapeAttribute(address)}">${address}</a>${after}`;
}

function standIn(shortcode: Found, content: string, format: 'html' | 'text', onDropped: OnDropped): string {
  const name = shortcode.tag;
  if (CAPTIONS.has(name)) {
    // Older captions keep their text in an attribute, newer ones after the image.
    const [, image = '', after = content] = CAPTIONED_IMAGE.exec(content) ?? [];
    const caption = shortcode.attrs.named.caption ?? after;
    if (format === 'text' || !image) return caption;
    return `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
  }
  if (name === 'embed') {
    const address = content.trim();
    return format === 'html' ? `<p><a href="${escapeAttribute(address)}">${address}</a></p>` : address;
  }
  if (WITHOUT_BLOCK.has(name)) {
    onDropped(name, false);
    return '';
  }
  onDropped(name, content.trim() !== '');
  return content;
}

/**
 * Converts the light markup the demo articles are written in (## headings, paragraphs, - and 1.
 * lists, > quotes, **bold**, *italic*, [links](url)) into Strapi blocks. A paragraph, quote or list
 * item may be wrapped over several lines.
 */
type Inline =
  { type: 'text'; text: string; bold?: boolean; italic?: boolean } | { type: 'link'; url: string; children: Inline[] };

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((https?:\/\/[^\s)]+)\)/g;

export function inline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push({ type: 'text', text: text.slice(last, match.index) });
    if (match[1]) nodes.push({ type: 'text', text: match[1], bold: true });
    else if (match[2]) nodes.push({ type: 'text', text: match[2], italic: true });
    else nodes.push({ type: 'link', url: match[4], children: [{ type: 'text', text: match[3] }] });
    last = match.index + match[0].length;
  }
  if (last < text.length || nodes.length === 0) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
}

/** The items of a list: a line starting with `marker` begins one, any other line continues it. */
function listItems(lines: string[], marker: RegExp): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (marker.test(line)) items.push(line.replace(marker, ''));
    else items[items.length - 1] += ` ${line}`;
  }
  return items;
}

export function markupToBlocks(markup: string): unknown[] {
  return markup
    .trim()
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const lines = chunk.split('\n').map((line) => line.trim());
      const heading = /^(#{2,3}) (.+)$/.exec(chunk);
      if (heading) return { type: 'heading', level: heading[1].length, children: inline(heading[2]) };
      if (lines[0].startsWith('- ')) {
        return {
          type: 'list',
          format: 'unordered',
          children: listItems(lines, /^- /).map((item) => ({ type: 'list-item', children: inline(item) })),
        };
      }
      if (/^\d+\. /.test(lines[0])) {
        return {
          type: 'list',
          format: 'ordered',
          children: listItems(lines, /^\d+\. /).map((item) => ({ type: 'list-item', children: inline(item) })),
        };
      }
      if (lines[0].startsWith('>')) {
        return { type: 'quote', children: inline(lines.map((line) => line.replace(/^>\s?/, '')).join(' ')) };
      }
      return { type: 'paragraph', children: inline(lines.join(' ')) };
    });
}

/** Helpers over Strapi "blocks" rich text (the article body). */
type Node = { type?: string; text?: string; children?: Node[] };

/** The plain text of each top-level block, in order. */
export function blockTexts(blocks: unknown): { type: string; text: string }[] {
  if (!Array.isArray(blocks)) return [];
  const textOf = (node: Node): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(node.type === 'list' ? ' ' : '');
  return blocks.map((block: Node) => ({ type: block.type ?? '', text: textOf(block).replace(/\s+/g, ' ').trim() }));
}

const WORDS_PER_MINUTE = 200;

/** Minutes an average reader needs for the body; at least 1 for any text. */
export function readingTimeMinutes(blocks: unknown): number {
  const words = blockTexts(blocks)
    .map(({ text }) => text.split(' ').filter(Boolean).length)
    .reduce((sum, count) => sum + count, 0);
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The first paragraph, cut at a word boundary to fit `max` characters. */
export function excerptFrom(blocks: unknown, max: number): string | null {
  const first = blockTexts(blocks).find(({ type, text }) => type === 'paragraph' && text);
  if (!first) return null;
  if (first.text.length <= max) return first.text;
  const cut = first.text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,.;:!?-]+$/, '')}…`;
}

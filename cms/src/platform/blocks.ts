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

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
/** "Dr. Rao", "Prof. Iyer", "J. Smith": a full stop that ends a title or an initial, not a sentence. */
const NOT_AN_END = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|Fig|No|vs|approx|[A-Z])\.\s*$/;

/** Where each sentence of `text` ends (after its closing quote or bracket, before the space). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let end = 0;
  for (const { segment } of sentences.segment(text)) {
    end += segment.length;
    if (!NOT_AN_END.test(segment)) ends.push(text.slice(0, end).trimEnd().length);
  }
  return ends;
}

/**
 * The first paragraph, as many of its sentences as fit in `max` characters; when even the first
 * sentence is longer, cut at a word boundary and ended with "…".
 */
export function excerptFrom(blocks: unknown, max: number): string | null {
  const first = firstParagraph(blocks);
  if (!first) return null;
  if (first.length <= max) return first;
  const fitting = sentenceEnds(first).filter((end) => end <= max);
  if (fitting.length > 0) return first.slice(0, fitting[fitting.length - 1]);
  return cutAtWord(first, max);
}

const firstParagraph = (blocks: unknown) =>
  blockTexts(blocks).find(({ type, text }) => type === 'paragraph' && text)?.text;

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * Whether `excerpt` is what the server made from `blocks` (by this rule, or by the earlier one that
 * always cut at a word), not the editor's own: such an excerpt is made again on the next save.
 */
export function isMadeExcerpt(excerpt: unknown, blocks: unknown, max: number): boolean {
  if (typeof excerpt !== 'string' || !excerpt) return false;
  const first = firstParagraph(blocks);
  return first !== undefined && (excerpt === excerptFrom(blocks, max) || excerpt === cutAtWord(first, max));
}

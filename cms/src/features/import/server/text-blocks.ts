/**
 * A post copied out of a browser as plain text: the title on the first line (when the copy kept
 * it), paragraphs separated by blank lines, headings as short lines without a final full stop
 * (often ending in a colon, maybe numbered, "2. Medical school:", or "Part 1: ...:"), and around
 * the article the old site's page furniture, which is dropped.
 */
import type { Block, InlineNode } from '@medblog/shared';

export interface TextPost {
  /** null when the copy lost its title line. */
  title: string | null;
  blocks: Block[];
}

// Single lines of the old site's page around the article.
const FURNITURE_LINES: RegExp[] = [
  // Contact lines.
  /^(call|phone|tel\.?|mobile|whatsapp|e-?mail|write to us|contact( us)?)\b[^.]{0,40}?[:\-–]\s*\S+/i,
  /^\+?[\d][\d\s().-]{7,}$/,
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/,
  // Share prompts.
  /^(share|tweet|pin it|like this|print)( this)?( (post|article|page))?( (on|via|with) .{1,40})?[:!]?$/i,
  /^click to (share|email|print)\b/i,
  // The comment form's labels and notices.
  /^(leave a (reply|comment)|post comment|submit comment|cancel reply|add a comment)\b/i,
  /^your e-?mail address will not be published/i,
  /^required fields are marked/i,
  /^(name|e-?mail|website|comment|message)\s*\*?\s*:?$/i,
  /^save my name, e-?mail/i,
  /^\d+ (comments?|responses?|replies)$/i,
  /^(no comments yet|be the first to comment)/i,
  // The enquiry box.
  /^quick enquiry\b/i,
  /^(send|submit) (your )?enquiry$/i,
  // Navigation and social media.
  /^home$/i,
  /^(visit|follow|find|join|like) us on\b/i,
  /^(facebook|twitter|x|instagram|linkedin|youtube|telegram)(\s*[|•·]\s*\w+)*$/i,
];
// A heading of the old site's lists of other posts: it and the titles under it are dropped.
const FURNITURE_LIST =
  /^(read also|also read|read more|popular posts|more articles|related (posts|articles)|recent posts|you may also like)\s*:?$/i;

const MAX_HEADING_LENGTH = 90;
const MAX_TITLE_LENGTH = 140;
const BULLET = /^\s*[-•*–]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const PART = /^part\s+\w+\s*[:.-]/i;

const isFurniture = (line: string) => FURNITURE_LINES.some((pattern) => pattern.test(line.trim()));
const endsSentence = (line: string) => /[.!?…;,"”»)]$/.test(line.trim()) && !/:$/.test(line.trim());
const looksLikeHeading = (line: string) =>
  line.trim().length <= MAX_HEADING_LENGTH && !endsSentence(line) && !BULLET.test(line);
const text = (value: string): InlineNode[] => [{ type: 'text', text: value }];

/** Paragraph-sized chunks (split on blank lines), each a list of trimmed lines, furniture dropped. */
function chunksOf(source: string): string[][] {
  const chunks = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((line) => line.replace(/\u00a0/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length);

  const kept: string[][] = [];
  let inList = false;
  for (const lines of chunks) {
    if (FURNITURE_LIST.test(lines[0])) {
      // The list's titles follow on the next lines, or as short chunks of their own.
      inList = true;
      continue;
    }
    if (inList && lines.every((line) => looksLikeHeading(line) || isFurniture(line))) continue;
    inList = false;
    const content = lines.filter((line) => !isFurniture(line));
    if (content.length) kept.push(content);
  }
  return kept;
}

function listBlock(lines: string[], marker: RegExp, format: 'ordered' | 'unordered'): Block {
  return {
    type: 'list',
    format,
    children: lines.map((line) => ({ type: 'list-item', children: text(line.replace(marker, '')) })),
  };
}

export function textToPost(source: string): TextPost {
  const chunks = chunksOf(source);
  let title: string | null = null;
  const first = chunks[0];
  // A title is a short first line without a final full stop or colon (a colon makes it a heading).
  if (first && first[0].length <= MAX_TITLE_LENGTH && !endsSentence(first[0]) && !/:$/.test(first[0])) {
    title = first[0];
    first.shift();
    if (!first.length) chunks.shift();
  }

  const hasParts = chunks.some((lines) => PART.test(lines[0]) && looksLikeHeading(lines[0]));
  const blocks: Block[] = [];
  for (const lines of chunks) {
    if (lines.length > 1 && lines.every((line) => BULLET.test(line))) {
      blocks.push(listBlock(lines, BULLET, 'unordered'));
      continue;
    }
    if (lines.length > 1 && lines.every((line) => NUMBERED.test(line) && endsSentence(line))) {
      blocks.push(listBlock(lines, NUMBERED, 'ordered'));
      continue;
    }
    const rest = [...lines];
    if (looksLikeHeading(rest[0])) {
      const heading = rest.shift()!.replace(/\s*:$/, '');
      blocks.push({ type: 'heading', level: hasParts && !PART.test(heading) ? 3 : 2, children: text(heading) });
    }
    if (rest.length) blocks.push({ type: 'paragraph', children: text(rest.join(' ')) });
  }
  return { title, blocks };
}

/** A short title for a copy that lost its own: the first words of its first paragraph. */
export function titleFromBlocks(blocks: Block[], max = 60): string {
  const first = blocks.find((block) => block.type === 'paragraph' || block.type === 'heading');
  const words = (first && 'children' in first ? (first.children as InlineNode[]) : [])
    .map((node) => (node.type === 'text' ? node.text : ''))
    .join('')
    .split(/\s+/)
    .filter(Boolean);
  let title = '';
  for (const word of words) {
    if (`${title} ${word}`.trim().length > max) break;
    title = `${title} ${word}`.trim();
  }
  title = title.replace(/[.,;:!?]+$/, '');
  return title ? (title.length < words.join(' ').length ? `${title}…` : title) : 'Untitled post';
}

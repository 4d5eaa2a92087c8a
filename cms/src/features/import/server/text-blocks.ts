/**
 * A post copied out of a browser as plain text: the title on the first line (when the copy kept
 * it), maybe a byline or date line, paragraphs separated by blank lines, headings as short lines
 * without a final full stop (often ending in a colon, maybe numbered, "2. Medical school:", or
 * "Part 1: ...:"), and around the article the old site's page furniture, which is dropped.
 *
 * The furniture comes in too many forms to list, so the article's end is found instead: it ends
 * with its last paragraph of prose (or list), or where the comments or the lists of other posts
 * begin, and everything after that goes. Before that, what is dropped is recognised by its kind:
 * contact lines, share prompts, the comment form, the enquiry box, social media lines, and any
 * line that only points at another post. Each dropped line is kept with why, for the editor.
 */
import type { Block, InlineNode } from '@medblog/shared';

export interface DroppedLine {
  line: string;
  why: string;
}

export interface TextPost {
  /** null when the copy lost its title line. */
  title: string | null;
  blocks: Block[];
  /** The lines left out, in the copy's order, each with the reason. */
  dropped: DroppedLine[];
}

const DROPPED_BECAUSE = {
  contact: 'contact line',
  share: 'share prompt',
  commentForm: 'comment form',
  enquiry: 'enquiry box',
  social: 'social media or site navigation',
  pointer: 'points to another post',
  byline: 'byline or date',
  afterEnd: 'after the end of the article',
} as const;

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
// Eight digits or more, maybe with a country code and spaces, dots, dashes or brackets between.
const PHONE = /(^|[^\w])\+?\d[\d\s().-]{6,}\d/;

// Lines of the page around the article, by kind, wherever they stand.
const FURNITURE_KINDS: Array<[string, RegExp[]]> = [
  [
    DROPPED_BECAUSE.share,
    [
      /^(share|tweet|pin it|like this|print)( this)?( (post|article|page|blog))?( (on|via|with) .{1,40})?[:!]?$/i,
      /^click to (share|email|print)\b/i,
    ],
  ],
  [
    DROPPED_BECAUSE.commentForm,
    [
      /^(leave a (reply|comment)|post comment|submit comment|cancel reply|add a comment)\b/i,
      /^your e-?mail address will not be published/i,
      /^required fields are marked/i,
      /^(name|e-?mail|website|comment|message)\s*\*?\s*:?$/i,
      /^save my name, e-?mail/i,
      /^(no comments yet|be the first to comment)/i,
    ],
  ],
  [DROPPED_BECAUSE.enquiry, [/^quick enquiry\b/i, /^(send|submit) (your |an )?enquiry$/i]],
  [
    DROPPED_BECAUSE.social,
    [
      /^home$/i,
      /^(visit|follow|find|join|like|connect with) us\b.{0,20}\b(on|at)\b/i,
      /^(facebook|twitter|x|instagram|linkedin|youtube|telegram|whatsapp)(\s*[|•·,/]\s*\w+)*$/i,
    ],
  ],
];

// A label pointing readers at another post, then its title: "Read Also: ...", "Enjoyed reading?
// For more insightful blogs, check out: ...", "You may also like - ...".
const POINTER =
  /^(.{0,60}[\s?!.,])?(read (also|more|next|this)|also read|see also|must read|recommended( reading| posts?)?|related( posts?| articles?| reads?)?|(next|previous) (post|article)|you (may|might) also like|check (it |this )?out|more (on this|articles|posts|blogs))\s*[:\-–—»|]\s*\S/i;
// The same label alone: the titles of other posts follow on the next lines.
const POINTER_LIST =
  /^(read (also|more|next)|also read|see also|must read|recommended( reading| posts?)?|popular posts( from this blog)?|more articles|related( posts| articles)?|recent posts|you (may|might) also like|trending( now| posts)?)\s*:?$/i;
// Where the article is over: the comments, or the lists of other posts ("More" and "articles" may
// come on two lines).
const END_MARKER =
  /^((\d+\s+)?(comments?|responses?|replies)( \(\d+\))?|leave a (reply|comment)|popular posts( from this blog)?|more articles|related (posts|articles)|recent posts|you (may|might) also like)\s*:?$/i;
// A line under the title naming the writer or the day.
const MONTH =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const BYLINE = new RegExp(
  `^(by|posted|published|written by|updated|last updated)\\b|${MONTH.source}|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b`,
  'i',
);

const MAX_HEADING_LENGTH = 90;
const MAX_TITLE_LENGTH = 140;
const MAX_BYLINE_LENGTH = 100;
const PROSE_MIN_WORDS = 6;
const BULLET = /^\s*[-•*–]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const PART = /^part\s+\w+\s*[:.-]/i;

const endsSentence = (line: string) => /[.!?…;,"”»)]$/.test(line.trim()) && !/:$/.test(line.trim());
const looksLikeHeading = (line: string) =>
  line.trim().length <= MAX_HEADING_LENGTH && !endsSentence(line) && !BULLET.test(line);
/** A sentence of the article's own: enough words, ending as a sentence does. */
const isProse = (line: string) =>
  line.split(/\s+/).length >= PROSE_MIN_WORDS && /[.!?…]["'”’»)]*$/.test(line) && !POINTER.test(line);
const isListItem = (line: string) => BULLET.test(line) || (NUMBERED.test(line) && endsSentence(line));
const isContact = (line: string) => (EMAIL.test(line) || PHONE.test(line)) && !isProse(line);
const text = (value: string): InlineNode[] => [{ type: 'text', text: value }];

/** Why a line is the page's furniture wherever it stands, or null. */
function furnitureKind(line: string): string | null {
  if (isContact(line)) return DROPPED_BECAUSE.contact;
  if (POINTER.test(line) || POINTER_LIST.test(line)) return DROPPED_BECAUSE.pointer;
  for (const [why, patterns] of FURNITURE_KINDS) if (patterns.some((pattern) => pattern.test(line))) return why;
  return null;
}

interface Line {
  text: string;
  /** Which paragraph-sized chunk (split on blank lines) it is part of. */
  chunk: number;
  why: string | null;
}

function linesOf(source: string): Line[] {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .flatMap((chunk, index) =>
      chunk
        .split('\n')
        .map((line) => line.replace(/\u00a0/g, ' ').trim())
        .filter(Boolean)
        .map((line) => ({ text: line, chunk: index, why: furnitureKind(line) })),
    );
}

/** Marks the titles of other posts listed under a pointer label ("Read also", "Popular posts"). */
function markPointerLists(lines: Line[]): void {
  for (let start = 0; start < lines.length; start += 1) {
    if (!POINTER_LIST.test(lines[start]!.text)) continue;
    // The titles follow in its chunk, or as chunks of short lines; a heading of the article's
    // own (ending in a colon, or numbered) or a sentence ends the list.
    for (let next = start + 1; next < lines.length; next += 1) {
      const line = lines[next]!;
      const chunkLines = lines.filter((other) => other.chunk === line.chunk && !other.why);
      const titles = chunkLines.every(
        (other) => looksLikeHeading(other.text) && !/:$/.test(other.text) && !NUMBERED.test(other.text),
      );
      if (line.chunk !== lines[start]!.chunk && !titles) break;
      if (isProse(line.text) || END_MARKER.test(line.text)) break;
      line.why ??= DROPPED_BECAUSE.pointer;
    }
  }
}

/** Marks everything after the article's end: its last prose, or where the comments or other posts' lists begin. */
function markAfterEnd(lines: Line[]): void {
  const content = (line: Line) => !line.why && (isProse(line.text) || isListItem(line.text));
  const firstProse = lines.findIndex(content);
  if (firstProse < 0) return;
  let end = lines.findLastIndex(content) + 1;
  for (let index = firstProse + 1; index < end; index += 1) {
    const line = lines[index]!.text;
    const next = lines[index + 1]?.text;
    if (END_MARKER.test(line) || (next !== undefined && END_MARKER.test(`${line} ${next}`))) {
      end = index;
      break;
    }
  }
  for (const line of lines.slice(end)) line.why ??= DROPPED_BECAUSE.afterEnd;
}

/** The title line (a short first line that is no sentence and no heading), and a byline under it. */
function takeTitle(lines: Line[]): string | null {
  const kept = lines.filter((line) => !line.why);
  const first = kept[0];
  if (!first || first.text.length > MAX_TITLE_LENGTH || endsSentence(first.text) || /:$/.test(first.text)) return null;
  first.why = 'title';
  for (const line of kept.slice(1, 3)) {
    if (line.text.length <= MAX_BYLINE_LENGTH && !isProse(line.text) && BYLINE.test(line.text))
      line.why = DROPPED_BECAUSE.byline;
  }
  return first.text;
}

function listBlock(lines: string[], marker: RegExp, format: 'ordered' | 'unordered'): Block {
  return {
    type: 'list',
    format,
    children: lines.map((line) => ({ type: 'list-item', children: text(line.replace(marker, '')) })),
  };
}

export function textToPost(source: string): TextPost {
  const lines = linesOf(source);
  markPointerLists(lines);
  markAfterEnd(lines);
  const title = takeTitle(lines);
  const dropped = lines
    .filter((line) => line.why && line.why !== 'title')
    .map((line) => ({ line: line.text, why: line.why! }));

  const chunks: string[][] = [];
  let lastChunk = -1;
  for (const line of lines.filter((candidate) => !candidate.why)) {
    if (line.chunk === lastChunk) chunks.at(-1)!.push(line.text);
    else chunks.push([line.text]);
    lastChunk = line.chunk;
  }

  const hasParts = chunks.some((chunk) => PART.test(chunk[0]!) && looksLikeHeading(chunk[0]!));
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    if (chunk.length > 1 && chunk.every((line) => BULLET.test(line))) {
      blocks.push(listBlock(chunk, BULLET, 'unordered'));
      continue;
    }
    if (chunk.length > 1 && chunk.every((line) => NUMBERED.test(line) && endsSentence(line))) {
      blocks.push(listBlock(chunk, NUMBERED, 'ordered'));
      continue;
    }
    const rest = [...chunk];
    if (looksLikeHeading(rest[0]!)) {
      const heading = rest.shift()!.replace(/\s*:$/, '');
      blocks.push({ type: 'heading', level: hasParts && !PART.test(heading) ? 3 : 2, children: text(heading) });
    }
    if (rest.length) blocks.push({ type: 'paragraph', children: text(rest.join(' ')) });
  }
  return { title, blocks, dropped };
}

/** A short title for a copy that lost its own: the first words of its first paragraph. */
export function titleFromBlocks(blocks: Block[], max = 60): string {
  const first = blocks.find((block) => block.type === 'paragraph') ?? blocks.find((block) => block.type === 'heading');
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

/**
 * A WordPress post's HTML (classic editor or block editor, whose `<!-- wp:... -->` markers are
 * plain comments here) as Strapi blocks: paragraphs, h2–h6 (h1 becomes h2: the page's title is
 * its only h1), lists, quotes, code, links, bold, italic. Images become image blocks holding the
 * old address; the writer uploads them or turns them into links. A link keeps only an address a
 * browser would follow without running anything (see addresses.ts). The classic editor keeps
 * paragraphs as blank lines, so blank lines outside block elements end a paragraph.
 */
import { parseDocument } from 'htmlparser2';
import type { Block, InlineNode, ListNode, TextNode } from '@medblog/shared';
import { linkAddress } from './addresses';

type HtmlNode = { type: string; data?: string; name?: string; attribs?: Record<string, string>; children?: HtmlNode[] };
type Marks = Pick<TextNode, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>;
export type ImageBlock = Extract<Block, { type: 'image' }>;

const MARKS: Record<string, keyof Marks> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  del: 'strikethrough',
  strike: 'strikethrough',
  code: 'code',
  kbd: 'code',
};
const HEADINGS: Record<string, 2 | 3 | 4 | 5 | 6> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
// Elements whose content is read for text but that make no block of their own.
const CONTAINERS = new Set(['div', 'section', 'article', 'figure', 'main', 'header', 'footer', 'aside', 'center']);
const SKIPPED = new Set(['script', 'style', 'iframe', 'noscript', 'form', 'button', 'input', 'select', 'textarea']);

const emptyText = (): TextNode => ({ type: 'text', text: '' });

/** Adjacent text with the same marks as one node; whitespace collapsed and trimmed at the ends. */
function tidy(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last, node)) last.text += node.text;
    else merged.push(node.type === 'text' ? { ...node } : { ...node, children: tidy(node.children) as TextNode[] });
  }
  for (const node of merged) if (node.type === 'text') node.text = node.text.replace(/[ \t\r\n\f]+/g, ' ');
  const first = merged[0];
  const last = merged[merged.length - 1];
  if (first?.type === 'text') first.text = first.text.trimStart();
  if (last?.type === 'text') last.text = last.text.trimEnd();
  const kept = merged.filter((node) => node.type !== 'text' || node.text !== '');
  return kept.length ? kept : [emptyText()];
}

function sameMarks(a: TextNode, b: TextNode): boolean {
  return (Object.values(MARKS) as (keyof Marks)[]).every((mark) => Boolean(a[mark]) === Boolean(b[mark]));
}

const hasText = (nodes: InlineNode[]): boolean =>
  nodes.some((node) => (node.type === 'text' ? node.text.trim() !== '' : hasText(node.children)));

function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name === 'br') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

function imageBlock(node: HtmlNode, caption: string | null): ImageBlock | null {
  const url = node.attribs?.src?.trim();
  if (!url) return null;
  const size = (name: string) => (/^\d+$/.test(node.attribs?.[name] ?? '') ? Number(node.attribs![name]) : null);
  return {
    type: 'image',
    image: {
      url,
      alternativeText: node.attribs?.alt?.trim() || null,
      width: size('width'),
      height: size('height'),
      caption,
    },
    children: [emptyText()],
  };
}

export interface ConvertOptions {
  /** Called with each link address refused (the link's text is kept, as text). */
  onRefusedLink?: (href: string) => void;
}

class Converter {
  readonly blocks: Block[] = [];
  private inline: InlineNode[] = [];

  constructor(private readonly options: ConvertOptions = {}) {}

  /** Ends the paragraph being gathered, if it has any text. */
  flush(): void {
    if (hasText(this.inline)) this.blocks.push({ type: 'paragraph', children: tidy(this.inline) });
    this.inline = [];
  }

  block(node: HtmlNode): void {
    if (node.type === 'text') return this.topText(node.data ?? '');
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name!.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === 'p') {
      this.flush();
      this.inlineChildren(node, {}, this.inline);
      return this.flush();
    }
    if (HEADINGS[name]) {
      this.flush();
      const children = this.inlineOf(node);
      if (hasText(children)) this.blocks.push({ type: 'heading', level: HEADINGS[name], children });
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.flush();
      const list = this.list(node);
      if (list.children.length) this.blocks.push(list);
      return;
    }
    if (name === 'blockquote') {
      this.flush();
      const parts = this.paragraphsOf(node);
      const children = parts.flatMap((part, i) => (i ? [{ type: 'text', text: '\n' } as TextNode, ...part] : part));
      if (hasText(children)) this.blocks.push({ type: 'quote', children });
      return;
    }
    if (name === 'pre') {
      this.flush();
      const language = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(
        `${node.attribs?.class ?? ''} ${node.children?.find((c) => c.name === 'code')?.attribs?.class ?? ''}`,
      )?.[1];
      const code = textOf(node).replace(/^\n/, '').replace(/\s+$/, '');
      if (code)
        this.blocks.push({ type: 'code', ...(language ? { language } : {}), children: [{ type: 'text', text: code }] });
      return;
    }
    if (name === 'img') {
      this.flush();
      const image = imageBlock(node, null);
      if (image) this.blocks.push(image);
      return;
    }
    if (name === 'figure') {
      const caption = node.children?.find((child) => child.name === 'figcaption');
      const image = findImage(node);
      if (image) {
        this.flush();
        const block = imageBlock(image, caption ? textOf(caption).trim() || null : null);
        if (block) this.blocks.push(block);
        return;
      }
    }
    if (name === 'hr' || name === 'table' || name === 'tr' || name === 'li' || name === 'figcaption') {
      this.flush();
      for (const child of node.children ?? []) this.block(child);
      return this.flush();
    }
    if (CONTAINERS.has(name) || name === 'tbody' || name === 'thead' || name === 'td' || name === 'th') {
      this.flush();
      for (const child of node.children ?? []) this.block(child);
      return this.flush();
    }
    // Inline elements at the top level join the paragraph being gathered.
    this.inlineNode(node, {}, this.inline);
  }

  /** Text outside any block element: a blank line ends a paragraph (the classic editor). */
  private topText(text: string): void {
    const parts = text.split(/\n[ \t]*\n/);
    parts.forEach((part, i) => {
      if (i) this.flush();
      this.inline.push({ type: 'text', text: part });
    });
  }

  private inlineOf(node: HtmlNode): InlineNode[] {
    const nodes: InlineNode[] = [];
    this.inlineChildren(node, {}, nodes);
    return tidy(nodes);
  }

  /** The paragraphs inside a quote or list item, each as inline nodes. */
  private paragraphsOf(node: HtmlNode): InlineNode[][] {
    const inner = new Converter(this.options);
    for (const child of node.children ?? []) inner.block(child);
    inner.flush();
    return inner.blocks.flatMap((block) =>
      'children' in block && block.type !== 'list' && block.type !== 'image' ? [block.children as InlineNode[]] : [],
    );
  }

  private list(node: HtmlNode): ListNode {
    const list: ListNode = { type: 'list', format: node.name === 'ol' ? 'ordered' : 'unordered', children: [] };
    for (const item of node.children ?? []) {
      if (item.name !== 'li') continue;
      const inline: InlineNode[] = [];
      const nested: ListNode[] = [];
      for (const child of item.children ?? []) {
        if (child.name === 'ul' || child.name === 'ol') nested.push(this.list(child));
        else if (child.name === 'p') {
          if (hasText(inline)) inline.push({ type: 'text', text: ' ' });
          this.inlineChildren(child, {}, inline);
        } else this.inlineNode(child, {}, inline);
      }
      if (hasText(inline)) list.children.push({ type: 'list-item', children: tidy(inline) });
      list.children.push(...nested.filter((sub) => sub.children.length));
    }
    return list;
  }

  private inlineChildren(node: HtmlNode, marks: Marks, into: InlineNode[]): void {
    for (const child of node.children ?? []) this.inlineNode(child, marks, into);
  }

  private inlineNode(node: HtmlNode, marks: Marks, into: InlineNode[]): void {
    if (node.type === 'text') {
      into.push({ type: 'text', text: node.data ?? '', ...marks });
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name!.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === 'br') {
      into.push({ type: 'text', text: ' ', ...marks });
      return;
    }
    if (name === 'img') {
      // An image inside a paragraph: the paragraph so far, the image, then the rest.
      if (into === this.inline) {
        this.flush();
        const image = imageBlock(node, null);
        if (image) this.blocks.push(image);
      }
      return;
    }
    if (name === 'a') {
      const href = node.attribs?.href?.trim();
      const url = href ? linkAddress(href) : null;
      if (href && !url) this.options.onRefusedLink?.(href);
      const children: InlineNode[] = [];
      this.inlineChildren(node, marks, children);
      const texts = children.flatMap((child) => (child.type === 'text' ? [child] : child.children));
      if (url && texts.some((t) => t.text.trim())) into.push({ type: 'link', url, children: texts });
      else into.push(...texts);
      return;
    }
    const mark = MARKS[name];
    this.inlineChildren(node, mark ? { ...marks, [mark]: true } : marks, into);
  }
}

function findImage(node: HtmlNode): HtmlNode | null {
  if (node.name === 'img') return node;
  for (const child of node.children ?? []) {
    const found = findImage(child);
    if (found) return found;
  }
  return null;
}

export function htmlToBlocks(html: string, options: ConvertOptions = {}): Block[] {
  const document = parseDocument(html) as unknown as HtmlNode;
  const converter = new Converter(options);
  for (const node of document.children ?? []) converter.block(node);
  converter.flush();
  return converter.blocks;
}

/** Plain text of a comment written in HTML: paragraphs kept as blank lines, tags dropped. */
export function htmlToText(html: string): string {
  const blocks = htmlToBlocks(html);
  const text = (nodes: InlineNode[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : text(node.children))).join('');
  return blocks
    .map((block) => ('children' in block && block.type !== 'list' ? text(block.children as InlineNode[]) : ''))
    .filter(Boolean)
    .join('\n\n');
}

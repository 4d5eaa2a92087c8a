/**
 * Renders an article body from Strapi's "blocks" JSON as React elements. Text always stays text:
 * nothing from the CMS is ever injected as HTML.
 */
import type { Block, InlineNode, ListItemNode, ListNode, TextNode } from '@medblog/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SITE_URL } from '@/config/env';
import { mediaUrl } from '@/lib/media';

function Text({ node }: { node: TextNode }) {
  let content: ReactNode = node.text;
  if (node.code) content = <code>{content}</code>;
  if (node.strikethrough) content = <s>{content}</s>;
  if (node.underline) content = <u>{content}</u>;
  if (node.italic) content = <em>{content}</em>;
  if (node.bold) content = <strong>{content}</strong>;
  return content;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** A link to this site stays in the app; other sites open in a new tab; anything else (javascript:, data:) is not a link. */
function SafeLink({ url, children }: { url: string; children: ReactNode }) {
  if (url.startsWith('#')) return <a href={url}>{children}</a>;
  let target: URL;
  try {
    target = new URL(url, SITE_URL);
  } catch {
    return <>{children}</>;
  }
  if (!SAFE_PROTOCOLS.has(target.protocol)) return <>{children}</>;
  if (target.origin === new URL(SITE_URL).origin) {
    return <Link to={`${target.pathname}${target.search}${target.hash}`}>{children}</Link>;
  }
  if (target.protocol === 'mailto:' || target.protocol === 'tel:') return <a href={target.href}>{children}</a>;
  return (
    <a href={target.href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function Inline({ nodes }: { nodes: InlineNode[] }) {
  return nodes.map((node, index) =>
    node.type === 'link' ? (
      <SafeLink key={index} url={node.url}>
        <Inline nodes={node.children} />
      </SafeLink>
    ) : (
      <Text key={index} node={node} />
    ),
  );
}

const isBlank = (nodes: InlineNode[]) => nodes.every((node) => node.type === 'text' && node.text.trim() === '');

/** Strapi puts a nested list next to the item it belongs to; HTML wants it inside that item. */
function groupListItems(children: ListNode['children']) {
  const items: Array<{ item: ListItemNode | null; sublists: ListNode[] }> = [];
  for (const child of children) {
    const last = items.at(-1);
    if (child.type === 'list' && last) last.sublists.push(child);
    else if (child.type === 'list') items.push({ item: null, sublists: [child] });
    else items.push({ item: child, sublists: [] });
  }
  return items;
}

function List({ list }: { list: ListNode }) {
  const Tag = list.format === 'ordered' ? 'ol' : 'ul';
  return (
    <Tag>
      {groupListItems(list.children).map(({ item, sublists }, index) => (
        <li key={index}>
          {item && <Inline nodes={item.children} />}
          {sublists.map((sublist, subIndex) => (
            <List key={subIndex} list={sublist} />
          ))}
        </li>
      ))}
    </Tag>
  );
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

function BlockElement({ block, headingShift }: { block: Block; headingShift: number }) {
  switch (block.type) {
    case 'paragraph':
      return isBlank(block.children) ? null : (
        <p>
          <Inline nodes={block.children} />
        </p>
      );
    case 'heading': {
      const Heading = HEADINGS[Math.min(Math.max(block.level - headingShift, 2), 6) - 2];
      return (
        <Heading>
          <Inline nodes={block.children} />
        </Heading>
      );
    }
    case 'list':
      return <List list={block} />;
    case 'quote':
      return (
        <blockquote>
          <p>
            <Inline nodes={block.children} />
          </p>
        </blockquote>
      );
    case 'code':
      return (
        <pre data-language={block.language || undefined}>
          <code>{block.children.map((node) => node.text).join('')}</code>
        </pre>
      );
    case 'image': {
      const { image } = block;
      return (
        <figure>
          <img
            src={mediaUrl(image.url)}
            alt={image.alternativeText ?? ''}
            width={image.width ?? undefined}
            height={image.height ?? undefined}
            loading="lazy"
            decoding="async"
          />
          {image.caption && <figcaption>{image.caption}</figcaption>}
        </figure>
      );
    }
    default:
      return null; // a block type this version does not know yet: skip it rather than break the article
  }
}

export function BlocksRenderer({ blocks }: { blocks: Block[] }) {
  // The page title is the only <h1>: the body's top heading level becomes <h2>, the others follow.
  const levels = blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
  const headingShift = levels.length > 0 ? Math.min(...levels) - 2 : 0;
  return blocks.map((block, index) => <BlockElement key={index} block={block} headingShift={headingShift} />);
}

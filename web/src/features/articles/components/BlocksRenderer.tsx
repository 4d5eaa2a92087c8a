/**
 * Renders an article body from Strapi's "blocks" JSON with @strapi/blocks-react-renderer, which
 * keeps text as text: nothing from the CMS is ever injected as HTML. Our overrides: links only
 * with safe schemes, headings below the page title, images through the CMS's media URL.
 */
import type { Block, ListItemNode, ListNode } from '@medblog/shared';
import { BlocksRenderer as StrapiBlocksRenderer } from '@strapi/blocks-react-renderer';
import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SITE_URL } from '@/config/env';
import { mediaUrl } from '@/lib/media';

type RendererProps = ComponentProps<typeof StrapiBlocksRenderer>;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** A link to this site stays in the app; other sites open in a new tab; anything else (javascript:, data:) is not a link. */
function SafeLink({ url, children }: { url: string; children?: ReactNode }) {
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

// A block type this version does not know yet is skipped rather than break the article.
const KNOWN_TYPES = new Set<string>(['paragraph', 'heading', 'list', 'quote', 'code', 'image']);

const isBlankParagraph = (block: Block) =>
  block.type === 'paragraph' && block.children.every((node) => node.type === 'text' && node.text.trim() === '');

/** A list whose sub-lists sit inside the item they follow. */
type NestedList = Omit<ListNode, 'children'> & {
  children: Array<{ type: 'list-item'; children: Array<ListItemNode['children'][number] | NestedList> }>;
};

/** Strapi puts a nested list next to the item it belongs to; HTML wants it inside that item. */
function nestSublists(list: ListNode): NestedList {
  const items: NestedList['children'] = [];
  for (const child of list.children) {
    const previous = items.at(-1);
    if (child.type === 'list-item') items.push({ ...child });
    else if (previous) previous.children = [...previous.children, nestSublists(child)];
    else items.push({ type: 'list-item', children: [nestSublists(child)] });
  }
  return { ...list, children: items };
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

function blockComponents(headingShift: number): RendererProps['blocks'] {
  return {
    heading: ({ level, children }) => {
      const Heading = HEADINGS[Math.min(Math.max(level - headingShift, 2), 6) - 2];
      return <Heading>{children}</Heading>;
    },
    link: SafeLink,
    quote: ({ children }) => (
      <blockquote>
        <p>{children}</p>
      </blockquote>
    ),
    code: (props) => {
      // The renderer passes every field of the block; `language` is not in its types.
      const { language } = props as { language?: string };
      return (
        <pre data-language={language || undefined}>
          <code>{props.plainText}</code>
        </pre>
      );
    },
    image: ({ image }) => (
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
    ),
  };
}

const MODIFIERS = { strikethrough: ({ children }: { children: ReactNode }) => <s>{children}</s> };

export function BlocksRenderer({ blocks }: { blocks: Block[] }) {
  // The page title is the only <h1>: the body's top heading level becomes <h2>, the others follow.
  const levels = blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
  const headingShift = levels.length > 0 ? Math.min(...levels) - 2 : 0;
  // Blank paragraphs (empty lines in the editor) leave nothing, not an empty <p> or a <br>.
  const content = blocks
    .filter((block) => KNOWN_TYPES.has(block.type) && !isBlankParagraph(block))
    .map((block) => (block.type === 'list' ? nestSublists(block) : block));
  // Our Block type is the public API's (images carry only the fields we ask for); the renderer's is the whole upload.
  return (
    <StrapiBlocksRenderer
      content={content as unknown as RendererProps['content']}
      blocks={blockComponents(headingShift)}
      modifiers={MODIFIERS}
    />
  );
}

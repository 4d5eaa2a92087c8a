import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Author } from '@medblog/shared';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';

interface ArticleMetaProps {
  /** Named with a link to their page. */
  author?: Pick<Author, 'name' | 'slug'> | null;
  publishedAt: string;
  readingTimeMinutes?: number | null;
  /** More items of the line, each a <span> (e.g. the comment count). */
  children?: ReactNode;
}

/** "Dr Asha Rao · 5 March 2026 · 6 min read" */
export function ArticleMeta({ author, publishedAt, readingTimeMinutes, children }: ArticleMetaProps) {
  return (
    <p className="article-meta">
      {author && (
        <span>
          <Link className="article-meta__author" to={paths.author(author.slug)}>
            {author.name}
          </Link>
        </span>
      )}
      <span>
        <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
      </span>
      {readingTimeMinutes ? <span>{readingTimeMinutes} min read</span> : null}
      {children}
    </p>
  );
}

import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';

interface ArticleMetaProps {
  authorName?: string | null;
  publishedAt: string;
  readingTimeMinutes?: number | null;
  /** More items of the line, each a <span> (e.g. the comment count). */
  children?: ReactNode;
}

/** "Dr Asha Rao · 5 March 2026 · 6 min read" */
export function ArticleMeta({ authorName, publishedAt, readingTimeMinutes, children }: ArticleMetaProps) {
  return (
    <p className="article-meta">
      {authorName && <span>{authorName}</span>}
      <span>
        <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
      </span>
      {readingTimeMinutes ? <span>{readingTimeMinutes} min read</span> : null}
      {children}
    </p>
  );
}

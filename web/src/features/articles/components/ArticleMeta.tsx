import { formatDate } from '@/lib/format';

interface ArticleMetaProps {
  authorName?: string | null;
  publishedAt: string;
  readingTimeMinutes?: number | null;
}

/** "Dr Asha Rao · 5 March 2026 · 6 min read" */
export function ArticleMeta({ authorName, publishedAt, readingTimeMinutes }: ArticleMetaProps) {
  return (
    <p className="article-meta">
      {authorName && <span>{authorName}</span>}
      <span>
        <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
      </span>
      {readingTimeMinutes ? <span>{readingTimeMinutes} min read</span> : null}
    </p>
  );
}

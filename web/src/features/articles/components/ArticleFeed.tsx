import type { CollectionResponse } from '@medblog/shared';
import type { InfiniteData, UseSuspenseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { ErrorState } from '@/components/ui/ErrorState';
import { ArticleList } from './ArticleList';

interface ArticleFeedProps<T extends ArticleSummary> {
  feed: UseSuspenseInfiniteQueryResult<InfiniteData<CollectionResponse<T>>>;
  /** What to say when there is nothing to show. */
  emptyMessage: string;
  /** Articles already shown elsewhere on the page (the featured ones on the home page). */
  exclude?: ReadonlySet<string>;
  headingLevel?: 2 | 3;
  /** What each card shows instead of its excerpt. */
  summaryOf?: (article: T) => ReactNode;
}

/** A list of article cards with "Load more" to page through all of them. */
export function ArticleFeed<T extends ArticleSummary>({
  feed,
  emptyMessage,
  exclude,
  headingLevel,
  summaryOf,
}: ArticleFeedProps<T>) {
  const articles = feed.data.pages.flatMap((page) => page.data).filter((article) => !exclude?.has(article.documentId));
  const loadMore = () => void feed.fetchNextPage({ cancelRefetch: false });

  if (articles.length === 0 && !feed.hasNextPage) return <p className="empty-state">{emptyMessage}</p>;

  return (
    <>
      <ArticleList articles={articles} headingLevel={headingLevel} summaryOf={summaryOf} />
      {feed.isFetchNextPageError ? (
        <ErrorState error={feed.error} onRetry={loadMore} />
      ) : (
        feed.hasNextPage && (
          // Stays enabled while loading so keyboard focus is not lost; a second press is ignored.
          <button
            type="button"
            className="button button--secondary load-more"
            onClick={loadMore}
            aria-busy={feed.isFetchingNextPage}
          >
            {feed.isFetchingNextPage ? 'Loading more…' : 'Load more articles'}
          </button>
        )
      )}
    </>
  );
}

import type { CollectionResponse } from '@medblog/shared';
import type { InfiniteData, UseSuspenseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { LoadMore } from '@/components/ui/LoadMore';
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

  if (articles.length === 0 && !feed.hasNextPage) return <p className="empty-state">{emptyMessage}</p>;

  return (
    <>
      <ArticleList articles={articles} headingLevel={headingLevel} summaryOf={summaryOf} />
      <LoadMore query={feed} label="Load more articles" />
    </>
  );
}

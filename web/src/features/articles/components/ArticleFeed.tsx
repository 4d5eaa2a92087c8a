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
  /** Articles of this list already shown elsewhere on the page (the featured ones on the home page). */
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
  const loaded = feed.data.pages.flatMap((page) => page.data);
  const articles = loaded.filter((article) => !exclude?.has(article.documentId));
  // The pages still to load hold the excluded articles not met yet: when that is all they hold,
  // there is nothing more to show and no "Load more".
  const total = feed.data.pages.at(-1)?.meta.pagination.total ?? 0;
  const excludedAhead = (exclude?.size ?? 0) - (loaded.length - articles.length);
  const hasMore = feed.hasNextPage && total - loaded.length > excludedAhead;

  if (articles.length === 0 && !hasMore) return <p className="empty-state">{emptyMessage}</p>;

  return (
    <>
      <ArticleList articles={articles} headingLevel={headingLevel} summaryOf={summaryOf} />
      <LoadMore query={{ ...feed, hasNextPage: hasMore }} label="Load more articles" />
    </>
  );
}

import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { ErrorState } from './ErrorState';

type PagedQuery = Pick<
  UseInfiniteQueryResult,
  'error' | 'fetchNextPage' | 'hasNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError'
>;

/** The button under a paged list that loads its next page, or what went wrong loading it. */
export function LoadMore({ query, label }: { query: PagedQuery; label: string }) {
  const loadMore = () => void query.fetchNextPage({ cancelRefetch: false });
  if (query.isFetchNextPageError) return <ErrorState error={query.error} onRetry={loadMore} />;
  if (!query.hasNextPage) return null;
  return (
    // Stays enabled while loading so keyboard focus is not lost; a second press is ignored.
    <button
      type="button"
      className="button button--secondary load-more"
      onClick={loadMore}
      aria-busy={query.isFetchingNextPage}
    >
      {query.isFetchingNextPage ? 'Loading more…' : label}
    </button>
  );
}

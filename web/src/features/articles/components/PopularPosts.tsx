import { usePopularArticles } from '@/features/articles/api/get-popular-articles';
import { ErrorState } from '@/components/ui/ErrorState';
import { LoadingStatus, SkeletonLines } from '@/components/ui/Skeleton';
import { CompactArticleList } from './CompactArticleList';

/** "Popular posts": the most-read articles of the last 30 days. Hidden until there are any. */
export function PopularPosts() {
  const { data: articles, isPending, isError, error, refetch } = usePopularArticles();
  if (articles?.length === 0) return null;

  return (
    <section className="popular" aria-labelledby="popular-heading">
      <h2 id="popular-heading">Popular posts</h2>
      {isPending ? (
        <>
          <LoadingStatus label="Loading popular posts…" />
          <SkeletonLines lines={5} />
        </>
      ) : isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <CompactArticleList articles={articles} ordered />
      )}
    </section>
  );
}

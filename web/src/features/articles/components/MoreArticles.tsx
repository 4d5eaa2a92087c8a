import { MORE_ARTICLES_COUNT, useMoreArticles } from '@/features/articles/api/get-articles';
import { ErrorState } from '@/components/ui/ErrorState';
import { ArticleList } from './ArticleList';
import { ArticleListSkeleton } from './ArticleSkeletons';

/** "More articles": the latest ones other than the one being read. */
export function MoreArticles({ currentSlug }: { currentSlug: string }) {
  const { data, isPending, isError, error, refetch } = useMoreArticles(currentSlug);
  if (data?.data.length === 0) return null;

  return (
    <section aria-labelledby="more-heading">
      <h2 id="more-heading">More articles</h2>
      {isPending ? (
        <ArticleListSkeleton count={MORE_ARTICLES_COUNT} />
      ) : isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <ArticleList articles={data.data} />
      )}
    </section>
  );
}

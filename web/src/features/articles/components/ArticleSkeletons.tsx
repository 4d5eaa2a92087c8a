import { LoadingStatus, SkeletonLines } from '@/components/ui/Skeleton';

function CardSkeleton() {
  return (
    <div className="card">
      <span className="skeleton skeleton--image" />
      <div className="card__body">
        <span className="skeleton skeleton--heading" />
        <SkeletonLines lines={2} />
      </div>
    </div>
  );
}

export function ArticleListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <div aria-busy="true">
      <LoadingStatus label="Loading articles…" />
      <div className="card-grid" aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          <CardSkeleton key={index} />
        ))}
      </div>
    </div>
  );
}

/** Shown while a list page (home, a topic, search results) loads for the first time. */
export function ListPageSkeleton() {
  return (
    <div className="container">
      <span className="skeleton skeleton--title" aria-hidden="true" />
      <ArticleListSkeleton count={6} />
    </div>
  );
}

/** Shown while an article loads for the first time. */
export function ArticlePageSkeleton() {
  return (
    <div className="article container" aria-busy="true">
      <LoadingStatus label="Loading article…" />
      <div className="article__header" aria-hidden="true">
        <span className="skeleton skeleton--title" />
        <SkeletonLines lines={2} />
      </div>
      <span className="skeleton skeleton--cover" aria-hidden="true" />
      <div className="prose">
        <SkeletonLines lines={8} />
      </div>
    </div>
  );
}

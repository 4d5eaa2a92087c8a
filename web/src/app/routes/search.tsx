import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { searchTerms } from '@/app/loaders';
import { articlesInfiniteQueryOptions } from '@/features/articles/api/get-articles';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

export default function SearchRoute() {
  const [searchParams] = useSearchParams();
  const q = searchTerms(searchParams);

  return (
    <div className="container">
      <PageHead title={q ? `Search: ${q}` : 'Search'} path={paths.search} noindex />
      <header className="page-header">
        <h1>{q ? <>Results for “{q}”</> : 'Search articles'}</h1>
      </header>
      {q ? (
        <SearchResults q={q} />
      ) : (
        <p className="empty-state">
          Type a few words from an article’s title or summary in the search box at the top of the page.
        </p>
      )}
    </div>
  );
}

function SearchResults({ q }: { q: string }) {
  const feed = useSuspenseInfiniteQuery(articlesInfiniteQueryOptions({ search: q }));
  const total = feed.data.pages[0]?.meta.pagination.total ?? 0;
  return (
    <>
      {total > 0 && (
        <p className="result-count" role="status">
          {total === 1 ? '1 article found' : `${total} articles found`}
        </p>
      )}
      <ArticleFeed
        feed={feed}
        headingLevel={2}
        emptyMessage={`No articles match “${q}”. Try fewer or different words, or browse the topics above.`}
      />
    </>
  );
}

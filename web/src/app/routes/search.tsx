import { useSearchParams, Link } from 'react-router-dom';
import { searchTerms } from '@/app/loaders';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { PopularPosts } from '@/features/articles/components/PopularPosts';
import { useCategories } from '@/features/categories/api/get-categories';
import { useSearchWithoutResults } from '@/features/insight/api/page-views';
import { useSearchArticles, type SearchResult } from '@/features/search/api/search-articles';
import { HighlightedSnippet } from '@/features/search/components/HighlightedSnippet';
import { SearchForm } from '@/features/search/components/SearchForm';
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
        // The header's box is inside the menu on a phone: the page has one of its own.
        <>
          <p className="empty-state">Type a few words to search the articles.</p>
          <div className="page-search">
            <SearchForm label="Search the articles" />
          </div>
        </>
      )}
    </div>
  );
}

const snippetOf = (result: SearchResult) => <HighlightedSnippet snippet={result.snippet} />;

function SearchResults({ q }: { q: string }) {
  const feed = useSearchArticles(q);
  const total = feed.data.pages[0]?.meta.pagination.total ?? 0;
  if (total === 0) return <NoResults q={q} />;
  return (
    <>
      <p className="result-count" role="status">
        {total === 1 ? '1 article found' : `${total} articles found`}
      </p>
      <ArticleFeed feed={feed} headingLevel={2} summaryOf={snippetOf} emptyMessage={`No more articles match “${q}”.`} />
    </>
  );
}

/** Nothing matched: somewhere to go next, the topics and the most-read articles. */
function NoResults({ q }: { q: string }) {
  const { data: categories } = useCategories();
  // What readers look for and do not find, for the editors.
  useSearchWithoutResults(q);
  return (
    <>
      <p className="empty-state">No articles match “{q}”. Try fewer or different words, or start from a topic.</p>
      {categories && categories.length > 0 && (
        <section className="search-suggestions" aria-labelledby="topics-heading">
          <h2 id="topics-heading">Browse by topic</h2>
          <ul className="topic-list">
            {categories.map((category) => (
              <li key={category.documentId}>
                <Link to={paths.category(category.slug)}>{category.name}</Link>
                {category.description && <p>{category.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <PopularPosts />
    </>
  );
}

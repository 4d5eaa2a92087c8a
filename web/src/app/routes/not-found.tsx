import { Link, useLocation } from 'react-router-dom';
import { SearchForm } from '@/features/search/components/SearchForm';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

export default function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <div className="container narrow not-found">
      <PageHead title="Page not found" path={pathname} noindex />
      <p className="eyebrow">Error 404</p>
      <h1>Page not found</h1>
      <p>
        We couldn’t find this page. It may have moved, or the address may have a typo. Search for it, or start again
        from the home page.
      </p>
      {/* Here, not only in the header: on a phone the header's search box is folded into its menu. */}
      <div className="page-search">
        <SearchForm label="Search the articles" />
      </div>
      <p>
        <Link to={paths.home} className="button">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}

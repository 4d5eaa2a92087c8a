import { Link, useLocation } from 'react-router-dom';
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
      {/* A link, not the header's box: on a phone that box is folded into the menu. */}
      <p className="not-found__actions">
        <Link to={paths.search} className="button">
          Search the articles
        </Link>
        <Link to={paths.home} className="button button--secondary">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}

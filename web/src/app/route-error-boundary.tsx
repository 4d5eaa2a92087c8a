import { isRouteErrorResponse, useLocation, useRevalidator, useRouteError } from 'react-router-dom';
import { ErrorState } from '@/components/ui/ErrorState';
import { PageHead } from '@/features/site/components/PageHead';
import { isChunkLoadError } from '@/lib/api-error';
import NotFoundRoute from './routes/not-found';

/** What a page shows when its data or code could not be loaded, or what it asked for does not exist. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { pathname } = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;

  // A page's code that failed to download is only fetched again by a reload; data just needs the loaders rerun.
  const retry = isChunkLoadError(error) ? () => window.location.reload() : () => void revalidator.revalidate();

  return (
    <div className="container narrow">
      <PageHead title="Page not loaded" path={pathname} noindex />
      <ErrorState scope="page" error={error} onRetry={retry} />
    </div>
  );
}

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
  // A preview link that has expired, or is for another article (the CMS says which).
  if (isRouteErrorResponse(error) && (error.status === 401 || error.status === 403)) {
    return (
      <div className="container narrow">
        <PageHead title="Preview not available" path={pathname} noindex />
        <h1>This preview can’t be opened</h1>
        <p>{(error.data as { message?: string } | null)?.message ?? 'The preview link is not valid.'}</p>
        <p>Open the article in the editor and choose Preview again.</p>
      </div>
    );
  }

  // A page's code that failed to download is only fetched again by a reload; data just needs the loaders rerun.
  const retry = isChunkLoadError(error) ? () => window.location.reload() : () => void revalidator.revalidate();

  return (
    <div className="container narrow">
      <PageHead title="Page not loaded" path={pathname} noindex />
      <ErrorState scope="page" error={error} onRetry={retry} />
    </div>
  );
}

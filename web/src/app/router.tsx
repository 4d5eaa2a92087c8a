import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { ArticlePageSkeleton, ListPageSkeleton } from '@/features/articles/components/ArticleSkeletons';
import { paths } from '@/lib/paths';
import { createLoaders } from './loaders';
import { RouteErrorBoundary } from './route-error-boundary';
import NotFoundRoute from './routes/not-found';
import { SiteLayout } from './site-layout';

/** A page module in routes/: its default export is the page. */
const page = ({ default: Component }: { default: ComponentType }) => ({ Component });

/**
 * Every page, its code loaded on demand while its loader fetches its data. Skeletons are static so
 * they show while both arrive on the first visit; later navigations keep the current page until
 * the next is ready.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const loaders = createLoaders(queryClient);
  return [
    {
      Component: SiteLayout,
      children: [
        {
          // Below the layout, so errors and "not found" keep the header and footer around them.
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              index: true,
              loader: loaders.home,
              HydrateFallback: ListPageSkeleton,
              lazy: () => import('./routes/home').then(page),
            },
            {
              path: paths.article(':slug'),
              loader: loaders.article,
              HydrateFallback: ArticlePageSkeleton,
              lazy: () => import('./routes/article').then(page),
            },
            {
              path: paths.category(':slug'),
              loader: loaders.category,
              HydrateFallback: ListPageSkeleton,
              lazy: () => import('./routes/category').then(page),
            },
            {
              path: paths.search,
              loader: loaders.search,
              HydrateFallback: ListPageSkeleton,
              lazy: () => import('./routes/search').then(page),
            },
            {
              path: paths.enquiry,
              loader: loaders.siteSettings,
              HydrateFallback: PageSkeleton,
              lazy: () => import('./routes/enquiry').then(page),
            },
            {
              path: paths.privacy,
              loader: loaders.siteSettings,
              HydrateFallback: PageSkeleton,
              lazy: () => import('./routes/privacy').then(page),
            },
            { path: '*', Component: NotFoundRoute },
          ],
        },
      ],
    },
  ];
}

export function AppRouter() {
  const queryClient = useQueryClient();
  const [router] = useState(() => createBrowserRouter(createRoutes(queryClient)));
  return <RouterProvider router={router} />;
}

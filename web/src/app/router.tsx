import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { ArticlePageSkeleton, ListPageSkeleton } from '@/features/articles/components/ArticleSkeletons';
import { paths } from '@/lib/paths';
import { createLoaders } from './loaders';
import { RouteErrorBoundary } from './route-error-boundary';
import NotFoundRoute from './routes/not-found';
import { SiteLayout } from './site-layout';

/** A page module in routes/: its default export is the page. */
const page = ({ default: Component }: { default: ComponentType }) => ({ Component });

/** What the server needs to know of a page route: its module, to preload the module's code. */
export interface PageHandle {
  module: string;
}
const pageHandle = (name: string): PageHandle => ({ module: `src/app/routes/${name}.tsx` });

/**
 * Every page, its code loaded on demand while its loader fetches its data. The server renders the
 * first visit whole (src/server/render-page.tsx); later navigations keep the current page until
 * the next is ready. Skeletons show only if the browser runs the app without a server render.
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
              handle: pageHandle('home'),
              lazy: () => import('./routes/home').then(page),
            },
            {
              path: paths.article(':slug'),
              loader: loaders.article,
              HydrateFallback: ArticlePageSkeleton,
              handle: pageHandle('article'),
              lazy: () => import('./routes/article').then(page),
            },
            {
              path: paths.category(':slug'),
              loader: loaders.category,
              HydrateFallback: ListPageSkeleton,
              handle: pageHandle('category'),
              lazy: () => import('./routes/category').then(page),
            },
            {
              path: paths.author(':slug'),
              loader: loaders.author,
              HydrateFallback: ListPageSkeleton,
              handle: pageHandle('author'),
              lazy: () => import('./routes/author').then(page),
            },
            {
              path: paths.search,
              loader: loaders.search,
              HydrateFallback: ListPageSkeleton,
              handle: pageHandle('search'),
              lazy: () => import('./routes/search').then(page),
            },
            {
              path: paths.preview(':documentId'),
              HydrateFallback: ArticlePageSkeleton,
              handle: pageHandle('preview'),
              lazy: () =>
                import('./routes/preview').then(({ default: Component, createPreviewLoader }) => ({
                  Component,
                  loader: createPreviewLoader(queryClient),
                })),
            },
            {
              path: paths.enquiry,
              loader: loaders.siteSettings,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('enquiry'),
              lazy: () => import('./routes/enquiry').then(page),
            },
            {
              path: paths.subscribe,
              loader: loaders.subscribe,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('subscribe'),
              lazy: () => import('./routes/subscribe').then(page),
            },
            {
              path: paths.subscribeConfirm,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('subscribe-confirm'),
              lazy: () => import('./routes/subscribe-confirm').then(page),
            },
            {
              path: paths.subscribeManage,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('subscribe-manage'),
              lazy: () =>
                import('./routes/subscribe-manage').then(({ default: Component, createSubscriptionLoader }) => ({
                  Component,
                  loader: createSubscriptionLoader(queryClient),
                })),
            },
            {
              path: paths.privacy,
              loader: loaders.siteSettings,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('privacy'),
              lazy: () => import('./routes/privacy').then(page),
            },
            {
              path: paths.editorialPolicy,
              loader: loaders.siteSettings,
              HydrateFallback: PageSkeleton,
              handle: pageHandle('editorial-policy'),
              lazy: () => import('./routes/editorial-policy').then(page),
            },
            // Answered 404, by the server too: the error boundary shows the not-found page.
            { path: '*', loader: loaders.notFound, HydrateFallback: PageSkeleton, Component: NotFoundRoute },
          ],
        },
      ],
    },
  ];
}

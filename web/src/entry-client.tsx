/**
 * The browser's entry: takes over the page the server rendered (src/server/render-page.tsx) with
 * the same routes and the data the server fetched, then runs as a single-page app.
 */
import { hydrate } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router-dom';
import { Document } from '@/app/document';
import { readPageState } from '@/app/page-state';
import { AppProvider } from '@/app/provider';
import { createRoutes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';
import './styles.css';

async function start() {
  const queryClient = createQueryClient();
  hydrate(queryClient, readPageState().queries);
  const routes = createRoutes(queryClient);

  // The page's own code must be here before hydrating, or the router would show its fallback
  // instead of what the server sent (the server preloads these modules in <head>).
  await Promise.all(
    (matchRoutes(routes, window.location) ?? []).map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      Object.assign(route, await route.lazy(), { lazy: undefined });
    }),
  );

  // Reads the loader data and errors the server rendered with (see readPageState).
  const router = createBrowserRouter(routes);

  // As a transition, hydration yields to the browser between parts: a tap or scroll meanwhile
  // is not held up behind one long task.
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <Document>
          <AppProvider queryClient={queryClient}>
            <RouterProvider router={router} />
          </AppProvider>
        </Document>
      </StrictMode>,
    );
  });
}

void start();

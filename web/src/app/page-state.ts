/**
 * The data a server-rendered page carries for the browser to take over without fetching it again:
 * the router's loader results and errors, and the query cache. It travels as JSON in a
 * non-executable <script type="application/json">, which the Content-Security-Policy allows.
 */
import type { DehydratedState } from '@tanstack/react-query';
import { isRouteErrorResponse, type HydrationState } from 'react-router-dom';

export interface PageState {
  /** As React Router's StaticRouterProvider writes it: errors flattened to plain objects. */
  router: HydrationState;
  queries: DehydratedState;
}

const ELEMENT_ID = 'page-state';

declare global {
  interface Window {
    __staticRouterHydrationData?: HydrationState;
  }
}

/** The router's errors in the form createBrowserRouter reads back (React Router's own format). */
export function serializeRouteErrors(errors: HydrationState['errors']): HydrationState['errors'] {
  if (!errors) return null;
  return Object.fromEntries(
    Object.entries(errors).map(([routeId, error]) => [
      routeId,
      isRouteErrorResponse(error)
        ? { ...error, __type: 'RouteErrorResponse' }
        : error instanceof Error
          ? { message: error.message, __type: 'Error' }
          : error,
    ]),
  );
}

/** The <script> element holding the state; "<" is escaped so no text from the CMS can close it. */
export function pageStateElement(state: PageState): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${ELEMENT_ID}">${json}</script>`;
}

/** In the browser: the state the server sent; the router reads its part from where it looks for it. */
export function readPageState(): Pick<PageState, 'queries'> {
  const element = document.getElementById(ELEMENT_ID);
  const state = element ? (JSON.parse(element.textContent ?? '{}') as PageState) : undefined;
  window.__staticRouterHydrationData = state?.router;
  return { queries: state?.queries ?? { queries: [], mutations: [] } };
}

/**
 * Renders one page of the reader site on the server: the route's loaders fetch its data into a
 * fresh query cache, React renders the whole document from it, and the page carries that data for
 * the browser to hydrate with (app/page-state.ts). The answer says which content it shows (purge
 * tags), so the page cache knows what a change in the CMS makes stale.
 */
import { PURGE_TAGS } from '@medblog/shared';
import { dehydrate, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import {
  createStaticHandler,
  createStaticRouter,
  data,
  isRouteErrorResponse,
  StaticRouterProvider,
  UNSAFE_ErrorResponseImpl as ErrorResponse,
  type DataStrategyFunction,
  type StaticHandler,
  type StaticHandlerContext,
} from 'react-router-dom';
import { Document } from '@/app/document';
import { pageStateElement, serializeRouteErrors } from '@/app/page-state';
import { POSTED_FORM_KEY, type PostedForm } from '@/components/form/posted-form';
import { AppProvider } from '@/app/provider';
import { createRoutes, type PageHandle } from '@/app/router';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { globalQueryOptions } from '@/features/site/api/get-global';
import { createQueryClient } from '@/lib/query-client';

export interface RenderedPage {
  status: number;
  /** For a redirect (3xx). */
  location?: string;
  html: string;
  /** What the page shows, as purge tags (shared/src/purge.ts). */
  tags: string[];
}

/** The build's tags for <head> (stylesheet, entry script, preloads), for the page modules given. */
export type HeadAssets = (pageModules: string[]) => string;

const UNAVAILABLE = 503;

/**
 * The header's data (site settings, topics) from the last page that had them: while the CMS is
 * down, pages still show the site's name, contacts and menu.
 */
const lastKnown = new Map<string, unknown>();
const LAYOUT_QUERIES: QueryKey[] = [globalQueryOptions().queryKey, categoriesQueryOptions().queryKey];

function keepOrRestoreLayoutData(queryClient: QueryClient) {
  for (const key of LAYOUT_QUERIES) {
    const id = JSON.stringify(key);
    const fetched = queryClient.getQueryData(key);
    if (fetched !== undefined) lastKnown.set(id, fetched);
    // Dated long ago, so the browser fetches it again.
    else if (lastKnown.has(id)) queryClient.setQueryData(key, lastKnown.get(id), { updatedAt: 1 });
  }
}

/** Resolves once no query is loading: loaders start some without waiting (comments, lists below the article). */
function allQueriesSettled(queryClient: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      unsubscribe();
      resolve();
    });
    if (queryClient.isFetching() === 0) {
      unsubscribe();
      resolve();
    }
  });
}

function tagOf(key: QueryKey): string {
  const [kind, , id] = key;
  if (kind === 'comments') return PURGE_TAGS.comments(String(id));
  // Search results are article cards.
  return kind === 'search' ? PURGE_TAGS.articles : String(kind);
}

const tagsOf = (queryClient: QueryClient) => [
  ...new Set([
    PURGE_TAGS.global,
    PURGE_TAGS.categories,
    ...queryClient
      .getQueryCache()
      .getAll()
      .map((query) => tagOf(query.queryKey)),
  ]),
];

/**
 * A loader that failed for want of the CMS (an unreachable, slow or failing API) becomes a 503
 * "not available" error, the same on the server and, after hydration, in the browser.
 */
function asUnavailable(errors: StaticHandlerContext['errors']): StaticHandlerContext['errors'] {
  if (!errors) return null;
  return Object.fromEntries(
    Object.entries(errors).map(([routeId, error]) => [
      routeId,
      isRouteErrorResponse(error) ? error : new ErrorResponse(UNAVAILABLE, 'Service Unavailable', null),
    ]),
  );
}

/** Runs no loader: the page's place shows "not available" (for when the CMS does not answer in time). */
const withoutCms: DataStrategyFunction = async ({ matches }) =>
  Object.fromEntries(
    matches.map((match, index) => [
      match.route.id,
      index === matches.length - 1
        ? { type: 'error', result: data(null, { status: UNAVAILABLE }) }
        : { type: 'data', result: null },
    ]),
  );

/**
 * React's static render (a stream that ends once every lazy part is ready): complete HTML for
 * crawlers and the page cache, with no inline scripts, which the Content-Security-Policy forbids
 * (React reveals parts it streams late with inline scripts).
 */
async function renderDocument(
  queryClient: QueryClient,
  context: StaticHandlerContext,
  routes: StaticHandler['dataRoutes'],
): Promise<string> {
  const router = createStaticRouter(routes, context);
  const { prelude } = await prerenderToNodeStream(
    <Document>
      <AppProvider queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </Document>,
    {
      // Never split a large part out to be revealed by a script: the page comes whole, in order.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => console.error('Render error:', error),
    },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function renderPage(
  url: URL,
  headAssets: HeadAssets,
  {
    cms = 'available',
    postedForm,
  }: {
    cms?: 'available' | 'unavailable';
    /** A form the server refused: the page shows it again, with what was typed and why (never cached). */
    postedForm?: PostedForm;
  } = {},
): Promise<RenderedPage> {
  const queryClient = createQueryClient({ retry: false });
  if (postedForm) queryClient.setQueryData(POSTED_FORM_KEY, postedForm);
  const handler = createStaticHandler(createRoutes(queryClient));
  const request = new Request(url.href);
  const [context] = await Promise.all([
    handler.query(request, cms === 'unavailable' ? { dataStrategy: withoutCms } : {}),
    // The header and footer (site settings, topic menu), alongside the page's own data; never fails the page.
    cms === 'available' && queryClient.prefetchQuery(globalQueryOptions()),
    cms === 'available' && queryClient.prefetchQuery(categoriesQueryOptions()),
  ]);
  if (context instanceof Response) {
    return { status: context.status, location: context.headers.get('Location') ?? '/', html: '', tags: [] };
  }
  await allQueriesSettled(queryClient);

  context.errors = asUnavailable(context.errors);
  const unavailable = Object.values(context.errors ?? {}).some(
    (error) => isRouteErrorResponse(error) && error.status === UNAVAILABLE,
  );
  if (unavailable) context.statusCode = UNAVAILABLE;
  keepOrRestoreLayoutData(queryClient);

  const pageModules = context.matches.flatMap(({ route }) => (route.handle as PageHandle | undefined)?.module ?? []);
  const state = pageStateElement({
    router: {
      loaderData: context.loaderData,
      actionData: context.actionData,
      errors: serializeRouteErrors(context.errors),
    },
    queries: dehydrate(queryClient),
  });
  const html = (await renderDocument(queryClient, context, handler.dataRoutes))
    // Functions, so that no "$" in the content is read as a replacement pattern.
    .replace('</head>', () => `${headAssets(pageModules)}</head>`)
    .replace('</body>', () => `${state}</body>`);
  // React writes the doctype itself, as it renders <html>.
  return { status: context.statusCode, html, tags: tagsOf(queryClient) };
}

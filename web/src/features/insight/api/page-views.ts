/**
 * Which pages readers see, for the insight beacon: each page shown (the first after the page's
 * code took over, then each navigation in the app) queues one `view` with its type, its article,
 * the screen's width and, for the page the reader arrived on, the site they came from.
 */
import { INSIGHT_LIMITS, type InsightPageType } from '@medblog/shared';
import { useEffect } from 'react';
import { useLocation, type Location } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { fitText, queueInsight } from './beacon';
import { startVitals } from './vitals';

/** Each page shown is a location of the router: reported once, whoever asks first. */
const reported = new WeakSet<Location>();
const searchesReported = new WeakSet<Location>();
let arrived = false;

const ARTICLE = new RegExp(`^${paths.article('[^/]+')}/?$`);
const CATEGORY = new RegExp(`^${paths.category('[^/]+')}/?$`);

/**
 * The page type of an address, or null for one never counted (an editor's preview). An article's
 * address is 'other' here: its page reports itself with its article (useArticleView), so the
 * layout reports it only when no article is shown there (not found).
 */
export function pageTypeOf(pathname: string): InsightPageType | null {
  if (pathname.startsWith(paths.preview(''))) return null;
  if (pathname === '/') return 'home';
  if (pathname === paths.search) return 'search';
  if (CATEGORY.test(pathname)) return 'category';
  return 'other';
}

function reportView(location: Location, pageType: InsightPageType, article?: string) {
  if (reported.has(location)) return;
  reported.add(location);
  const width = Math.round(window.innerWidth);
  const referrer = arrived ? '' : fitText(document.referrer, INSIGHT_LIMITS.referrerLength);
  queueInsight({
    type: 'view',
    pageType,
    ...(article && { article }),
    ...(referrer && { referrer }),
    ...(Number.isFinite(width) && { viewportWidth: Math.min(INSIGHT_LIMITS.maxViewportPx, Math.max(0, width)) }),
  });
  // The page the browser loaded: its speed is measured from now, under its type.
  if (!arrived) startVitals(pageType);
  arrived = true;
}

/** An article page: its view, with its article. Runs before the layout's (a child's effect). */
export function useArticleView(documentId: string, { enabled = true } = {}) {
  const location = useLocation();
  useEffect(() => {
    if (enabled && ARTICLE.test(location.pathname)) reportView(location, 'article', documentId);
  }, [location, documentId, enabled]);
}

/** In the layout: the view of every page that did not report its own. */
export function usePageViews() {
  const location = useLocation();
  useEffect(() => {
    const pageType = pageTypeOf(location.pathname);
    if (pageType) reportView(location, pageType);
  }, [location]);
}

/** A search that found nothing, once per search shown. */
export function useSearchWithoutResults(query: string) {
  const location = useLocation();
  useEffect(() => {
    if (searchesReported.has(location)) return;
    searchesReported.add(location);
    queueInsight({ type: 'search', query: fitText(query, INSIGHT_LIMITS.queryLength), results: 0 });
  }, [location, query]);
}

/** Tests only: a new page load (the next view is the one the reader arrived on). */
export function forgetPageViews(): void {
  arrived = false;
}

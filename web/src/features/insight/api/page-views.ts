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
 * The page type of an address as the layout reports it, or null for the pages it leaves alone: an
 * editor's preview (never counted), and an article's, which reports itself once its article is
 * known (useArticleView), not while its data is still on the way.
 */
export function pageTypeOf(pathname: string): InsightPageType | null {
  if (pathname.startsWith(paths.preview('')) || ARTICLE.test(pathname)) return null;
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

/** An article's address: the view of its article, or of an 'other' page when none is published there. */
export function useArticleView(documentId: string | undefined) {
  const location = useLocation();
  useEffect(() => {
    reportView(location, documentId ? 'article' : 'other', documentId);
  }, [location, documentId]);
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

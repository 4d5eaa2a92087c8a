/**
 * Real readers' page speed: the web-vitals library measures LCP, INP, CLS and TTFB of the page the
 * browser loaded, and each measure joins the insight beacon with that page's type. The library is
 * downloaded only once the page is idle, so it is never part of the first load (it reads the
 * browser's buffered performance entries, so loading late loses nothing).
 */
import type { InsightPageType, VitalMetric } from '@medblog/shared';
import { fitVital, queueInsight } from './beacon';

let started = false;

/** Runs `work` when the browser is idle (a short timeout where it cannot say). */
export function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => work());
  else setTimeout(work, 1);
}

/** Starts measuring the page the browser loaded, of type `pageType`; once per page load. */
export function startVitals(pageType: InsightPageType): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  whenIdle(() => {
    import('web-vitals')
      .then(({ onCLS, onINP, onLCP, onTTFB }) => {
        const report = ({ name, value }: { name: VitalMetric; value: number }) =>
          queueInsight({ type: 'vital', name, value: fitVital(name, value), pageType });
        onLCP(report);
        onINP(report);
        onCLS(report);
        onTTFB(report);
      })
      .catch(() => {
        // Not downloaded (offline, blocked): this visit's speed is not counted.
      });
  });
}

/** Tests only: a new page load. */
export function forgetVitals(): void {
  started = false;
}

import { INSIGHT_LIMITS } from '@medblog/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hidePage } from '@/testing/page-visibility';
import { startVitals } from './vitals';

// The library measures in a real browser (the e2e test checks Chromium's figures); here it stands
// for itself with the measures a slow page could report, to see what the site does with them.
const loaded = vi.hoisted(() => ({ count: 0 }));
vi.mock('web-vitals', () => {
  loaded.count += 1;
  type Report = (metric: { name: string; value: number }) => void;
  return {
    onLCP: (report: Report) => report({ name: 'LCP', value: 123_456.7 }),
    onINP: (report: Report) => report({ name: 'INP', value: 88.4 }),
    onCLS: (report: Report) => report({ name: 'CLS', value: 0.0456 }),
    onTTFB: (report: Report) => report({ name: 'TTFB', value: 312.5 }),
  };
});

let idle: Array<() => void>;
let sent: string[];

beforeEach(() => {
  idle = [];
  sent = [];
  window.requestIdleCallback = ((work: () => void) => idle.push(work)) as typeof window.requestIdleCallback;
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (_url: string, body: string) => sent.push(body) > 0,
  });
});

afterEach(() => {
  Reflect.deleteProperty(window, 'requestIdleCallback');
  Reflect.deleteProperty(navigator, 'sendBeacon');
});

describe('real readers’ page speed', () => {
  it('loads web-vitals only once the page is idle, and reports its four measures, fitted, with the page type', async () => {
    startVitals('article');
    startVitals('home'); // once per page load: the page the browser loaded
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loaded.count).toBe(0);
    expect(idle).toHaveLength(1);

    idle[0]!();
    await vi.waitFor(() => expect(loaded.count).toBe(1));
    await vi.waitFor(() => {
      hidePage();
      expect(sent).toHaveLength(1);
    });
    expect(JSON.parse(sent[0]!).data.events).toEqual([
      { type: 'vital', name: 'LCP', value: INSIGHT_LIMITS.vitalMax.LCP, pageType: 'article' },
      { type: 'vital', name: 'INP', value: 88, pageType: 'article' },
      { type: 'vital', name: 'CLS', value: 0.046, pageType: 'article' },
      { type: 'vital', name: 'TTFB', value: 313, pageType: 'article' },
    ]);
  });
});

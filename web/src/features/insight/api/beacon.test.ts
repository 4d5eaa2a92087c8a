import { INSIGHT_LIMITS, insightBeaconSchema, type InsightEvent } from '@medblog/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hidePage, showPage } from '@/testing/page-visibility';
import { fitVital, INSIGHT_URL, queueInsight } from './beacon';

/** The browser's beacon, as a spy: what each beacon carried (the string the CMS reads as text/plain). */
let sent: string[];
let beaconAnswer: boolean;

beforeEach(() => {
  sent = [];
  beaconAnswer = true;
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: vi.fn((url: string, body: string) => {
      expect(url).toBe(INSIGHT_URL);
      expect(typeof body).toBe('string');
      sent.push(body);
      return beaconAnswer;
    }),
  });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'sendBeacon');
  vi.restoreAllMocks();
});

const view = (n: number): InsightEvent => ({ type: 'view', pageType: 'home', viewportWidth: n });
/** Each beacon's events, checked with the CMS's own schema (a beacon it refuses loses them all). */
const beacons = () =>
  sent.map((body) => {
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(INSIGHT_LIMITS.maxBodyBytes);
    return insightBeaconSchema.parse((JSON.parse(body) as { data: unknown }).data).events;
  });

describe('the insight beacon', () => {
  it('keeps events until the page is hidden, then sends them all in one beacon', () => {
    queueInsight(view(360));
    queueInsight({ type: 'search', query: 'neet pg cut-off', results: 0 });
    queueInsight(view(1280));
    expect(sent).toHaveLength(0);
    hidePage();
    expect(beacons()).toEqual([[view(360), { type: 'search', query: 'neet pg cut-off', results: 0 }, view(1280)]]);
    // Nothing new: nothing sent.
    showPage();
    hidePage();
    expect(sent).toHaveLength(1);
  });

  it('sends when the page is left (pagehide), and at once what comes after it', async () => {
    queueInsight(view(1));
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons()).toEqual([[view(1)]]);
    // A measure reported while the page goes: it does not wait for another "hidden".
    queueInsight({ type: 'vital', name: 'CLS', value: 0.02, pageType: 'home' });
    queueInsight({ type: 'vital', name: 'INP', value: 120, pageType: 'home' });
    await Promise.resolve();
    expect(beacons()[1]).toEqual([
      { type: 'vital', name: 'CLS', value: 0.02, pageType: 'home' },
      { type: 'vital', name: 'INP', value: 120, pageType: 'home' },
    ]);
  });

  it('sends at once when 50 events wait, and keeps the 51st for the next beacon', () => {
    for (let n = 1; n <= 51; n += 1) queueInsight(view(n));
    expect(beacons()).toEqual([Array.from({ length: 50 }, (_, i) => view(i + 1))]);
    hidePage();
    expect(beacons()[1]).toEqual([view(51)]);
  });

  it('sends before the body would pass 16 kB: every beacon is one the CMS takes', () => {
    const referrer = `https://www.example.com/${'a'.repeat(INSIGHT_LIMITS.referrerLength - 24)}`;
    const note = 'é'.repeat(INSIGHT_LIMITS.noteLength);
    for (let n = 0; n < 12; n += 1) {
      queueInsight({ type: 'view', pageType: 'article', article: 'article1docid', referrer });
      queueInsight({ type: 'helpful', article: 'article1docid', answer: 'no', note });
    }
    hidePage();
    const all = beacons();
    expect(all.length).toBeGreaterThan(1);
    expect(all.flat()).toHaveLength(24);
  });

  it('falls back to fetch (keepalive) when the browser has no sendBeacon or refuses the beacon', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    beaconAnswer = false;
    queueInsight(view(2));
    hidePage();
    expect(sent).toHaveLength(1);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe(INSIGHT_URL);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit', body: sent[0] });

    Reflect.deleteProperty(navigator, 'sendBeacon');
    showPage();
    queueInsight(view(3));
    hidePage();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetchSpy.mock.calls[1]![1]!.body as string)).toEqual({ data: { events: [view(3)] } });
  });

  it('never throws, even when neither way of sending works, and writes nothing in the browser', () => {
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: () => {
        throw new TypeError('Beacon refused');
      },
    });
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new TypeError('No fetch');
    });
    queueInsight(view(4));
    expect(() => hidePage()).not.toThrow();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });
});

describe('a speed measure', () => {
  it('is rounded and kept within what the CMS takes', () => {
    expect(fitVital('LCP', 2345.67)).toBe(2346);
    expect(fitVital('LCP', 9e9)).toBe(INSIGHT_LIMITS.vitalMax.LCP);
    expect(fitVital('TTFB', -3)).toBe(0);
    expect(fitVital('CLS', 0.123456)).toBe(0.123);
    expect(fitVital('CLS', 1e6)).toBe(INSIGHT_LIMITS.vitalMax.CLS);
    expect(fitVital('INP', Number.NaN)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { INSIGHT_LIMITS } from './constants.js';
import {
  fieldErrors,
  insightBeaconSchema,
  looksPersonal,
  normaliseSearchQuery,
  referrerDomain,
  removePersonalDetails,
} from './inputs.js';

const problems = (input: unknown) => {
  const result = insightBeaconSchema.safeParse(input);
  return result.success ? [] : fieldErrors(result.error).map((error) => `${error.path.join('.')}: ${error.message}`);
};

describe('the insight beacon', () => {
  it('takes each kind of event', () => {
    expect(
      problems({
        events: [
          { type: 'view', pageType: 'home', referrer: 'https://www.google.com/', viewportWidth: 390 },
          { type: 'view', pageType: 'article', slug: 'usmle-step-1-guide' },
          { type: 'helpful', article: 'a1b2c3d4e5f6g7h8i9j0k1l2', answer: 'no', note: 'Fees for 2026' },
          { type: 'search', query: 'fmge', results: 0 },
          { type: 'vital', name: 'CLS', value: 0.02, pageType: 'category' },
        ],
      }),
    ).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(problems({ events: [{ type: 'view', pageType: 'home', extra: 1 }] })).toEqual([
      'events.0: A view takes no field "extra"',
    ]);
    expect(problems({ events: [{ type: 'vital', name: 'FID', value: 1, pageType: 'home' }] })).toEqual([
      'events.0.name: name must be one of: LCP, INP, CLS, TTFB',
    ]);
    expect(problems({ events: [{ type: 'vital', name: 'CLS', value: 51, pageType: 'home' }] })).toEqual([
      'events.0.value: value of CLS must be at most 50',
    ]);
    expect(problems({ events: Array.from({ length: INSIGHT_LIMITS.maxEvents + 1 }, () => ({ type: 'x' })) })).toContain(
      `events: events must hold at most ${INSIGHT_LIMITS.maxEvents} events`,
    );
  });
});

describe('what is kept of a beacon', () => {
  it('keeps the domain of a referrer only', () => {
    expect(referrerDomain('https://WWW.Google.co.in:443/search?q=my+name')).toBe('google.co.in');
    expect(referrerDomain('m.facebook.com')).toBe('m.facebook.com');
    expect(referrerDomain('android-app://com.google.android.gm/')).toBeNull();
    expect(referrerDomain('javascript:alert(1)')).toBeNull();
    expect(referrerDomain('')).toBeNull();
    expect(referrerDomain('not a domain')).toBeNull();
  });

  it('normalises a search and tells one that may name a person', () => {
    expect(normaliseSearchQuery('  USMLE   Step\t1 ')).toBe('usmle step 1');
    for (const query of ['a.b@example.in', 'contact rao@x.org', '+91 98765 43210', '022-2345-6789', '9876543210'])
      expect(looksPersonal(query), query).toBe(true);
    for (const query of ['usmle step 1', 'neet pg 2026', 'mbbs fees 45000', 'covid-19'])
      expect(looksPersonal(query), query).toBe(false);
    expect(removePersonalDetails('mail a@b.in or call 98765 43210 about step 2')).toBe(
      'mail [removed] or call [removed] about step 2',
    );
  });
});

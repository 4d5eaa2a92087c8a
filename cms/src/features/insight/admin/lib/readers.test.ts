import { describe, expect, it } from 'vitest';
import {
  draftTitle,
  exportPath,
  helpfulText,
  phoneShareText,
  ratingColours,
  ratingLabel,
  speedValue,
  thresholdsText,
  trendText,
} from './readers';

describe('the Readers page in words', () => {
  it("says a trend line's figures, its busiest day and its last", () => {
    const days = ['2026-12-05', '2026-12-06', '2026-12-07'];
    expect(trendText(days, [2, 7, 1])).toBe(
      'Views per day from 5 Dec to 7 Dec: 10 in all, most 7 on 6 Dec, 1 on the last day.',
    );
    expect(trendText(days, [0, 0, 0])).toBe('Views per day from 5 Dec to 7 Dec: none.');
  });

  it('gives the helpful share with its counts, and the phone share of reported screens', () => {
    expect(helpfulText(2, 1, 67)).toBe('67% helpful (2 yes, 1 no)');
    expect(helpfulText(0, 0, null)).toBe('No answers yet');
    expect(phoneShareText(3, 1)).toBe('75% phone, 25% desktop');
    expect(phoneShareText(0, 0)).toBeNull();
  });

  it('writes speed in its unit, and its rating in words with its colour', () => {
    expect(speedValue(2480, 'ms')).toBe('2.5 s');
    expect(speedValue(180, 'ms')).toBe('180 ms');
    expect(speedValue(0.123, 'score')).toBe('0.12');
    expect(speedValue(null, 'ms')).toBe('No measures');
    expect(thresholdsText({ good: 200, poor: 500, unit: 'ms' })).toBe('Good up to 200 ms, poor over 500 ms');
    expect(ratingLabel('needs-improvement')).toBe('Needs improvement');
    expect(ratingColours('good').backgroundColor).toBe('success100');
    expect(ratingColours('poor').textColor).toBe('danger700');
  });

  it('titles a draft with the search, and asks for a table of a period', () => {
    expect(draftTitle('  hostel fees in tbilisi ')).toBe('Hostel fees in tbilisi');
    expect(exportPath('content-gaps', 90)).toBe('/medblog/insight/export?table=content-gaps&period=90');
  });
});

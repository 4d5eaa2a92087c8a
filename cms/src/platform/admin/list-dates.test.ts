import { describe, expect, it } from 'vitest';
import { shortDate } from './list-dates';

describe('dates in admin lists', () => {
  it('shows a calendar day as the same day in every time zone, and a moment with its time', () => {
    expect(shortDate('2026-11-18', 'date')).toBe('18 Nov 2026');
    expect(shortDate('2026-11-18T09:30:00.000Z', 'datetime')).toMatch(/^18 Nov 2026, \d\d:\d\d$/);
    expect(shortDate(null, 'date')).toBe('-');
  });
});

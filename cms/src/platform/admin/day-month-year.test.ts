import { describe, expect, it } from 'vitest';
import { dayMonthYearLocale } from './day-month-year';

/** 5 October 2026 as the date pickers write it in `language`. */
const fifthOfOctober = (language: string) =>
  new Intl.DateTimeFormat(dayMonthYearLocale(language), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.UTC(2026, 9, 5, 12)),
  );

describe("the admin's date pickers", () => {
  it('write the day first whatever the interface language', () => {
    // English (Strapi's default), languages that write the year or the month first, and day-first ones.
    for (const language of ['en', 'en-US', 'ja', 'zh-Hans', 'ko', 'sv', 'en-GB', 'fr', 'de', 'hi', 'es', 'ru']) {
      expect(fifthOfOctober(language), language).toMatch(/^05\D10\D2026$/);
    }
  });

  it("keep a day-first interface language's own way of writing", () => {
    expect(dayMonthYearLocale('fr')).toBe('fr');
    expect(dayMonthYearLocale('de')).toBe('de');
    expect(fifthOfOctober('de')).toBe('05.10.2026');
  });

  it('fall back to day-month-year for an unknown language', () => {
    expect(dayMonthYearLocale('not a locale')).toBe('en-GB');
  });
});

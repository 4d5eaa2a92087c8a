/**
 * The locale the admin's date pickers show and read dates in: the interface language's own when it
 * writes a date day first (05/10/2026 for 5 October: French, German, Hindi), otherwise British
 * English's. Strapi hands its pickers the interface language, and its English writes the month
 * first: an editor in India would read 10/05/2026 as 10 May.
 */
export function dayMonthYearLocale(language: string): string {
  try {
    const order = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(Date.UTC(2026, 9, 5)))
      .filter((part) => part.type !== 'literal')
      .map((part) => part.type)
      .join(' ');
    return order === 'day month year' ? language : 'en-GB';
  } catch {
    return 'en-GB'; // not a locale this browser knows
  }
}

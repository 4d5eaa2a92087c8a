/** Dates as staff read them in lists: "18 Nov 2026", and "18 Nov 2026, 14:05" for a moment. */
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A `date` ("2026-11-18", a calendar day) or `datetime` (an ISO moment) value as people read it. */
export function shortDate(value: unknown, type: string): string {
  if (typeof value !== 'string' || !value) return '-';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return type === 'date' ? DAY.format(date) : MOMENT.format(date);
}

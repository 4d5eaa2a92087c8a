/** The UTC day of `date`, as YYYY-MM-DD: the day page views are counted in. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

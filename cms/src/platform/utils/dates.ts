/** The UTC day of `date`, as YYYY-MM-DD: the day page views are counted in. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function partsIn(date: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** `date` as the organisation writes it, DD/MM/YYYY HH:mm, on the clock of `timeZone`. */
export function localDateTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The instant a day (YYYY-MM-DD) starts in `timeZone`; `nextDay` gives the start of the day after. */
export function dayStart(day: string, timeZone: string, { nextDay = false } = {}): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`) + (nextDay ? 86_400_000 : 0);
  // Shifted by the zone's offset at that moment: exact unless a daylight-saving change falls
  // within those few hours.
  const p = partsIn(new Date(midnightUtc), timeZone);
  const asIfUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return new Date(midnightUtc - (asIfUtc - midnightUtc));
}

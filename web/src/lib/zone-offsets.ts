/**
 * A time zone as the browser needs it to show calendar days: the UTC offset it has had, and from
 * when. The table is made at build time (vite.config.ts) with Node's Intl, because in a browser the
 * first Intl.DateTimeFormat loads ICU's locale and zone data: about 60 ms on a slow phone, spent
 * in the middle of taking over the page.
 */

/** [from (ms since 1970), offset in minutes], in order; the first entry holds from the beginning. */
export type ZoneOffsets = [fromMs: number, offsetMinutes: number][];

const MINUTE = 60_000;
const DAY = 86_400_000;

function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const part = Object.fromEntries(format.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  const wallClock = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute);
  return Math.round((wallClock - Math.floor(ms / MINUTE) * MINUTE) / MINUTE);
}

/** The offsets of `timeZone` from `fromYear` to `toYear`, each change found to the minute. */
export function zoneOffsets(timeZone: string, fromYear = 1990, toYear = 2070): ZoneOffsets {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const end = Date.UTC(toYear, 0, 1);
  let from = Date.UTC(fromYear, 0, 1);
  let offset = offsetAt(format, from);
  const table: ZoneOffsets = [[-8.64e15, offset]];
  // Zones change their offset at most a few times a year, never twice in a day.
  for (let next = from + DAY; next <= end; from = next, next += DAY) {
    const nextOffset = offsetAt(format, next);
    if (nextOffset === offset) continue;
    let [before, after] = [from, next];
    while (after - before > MINUTE) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
      if (offsetAt(format, middle) === offset) before = middle;
      else after = middle;
    }
    table.push([after, nextOffset]);
    offset = nextOffset;
  }
  return table;
}

/** The calendar day of the instant `ms` in the zone of `offsets`. */
export function calendarDay(offsets: ZoneOffsets, ms: number): { year: number; month: number; day: number } {
  let index = offsets.length - 1;
  while (index > 0 && offsets[index][0] > ms) index -= 1;
  const wallClock = new Date(ms + offsets[index][1] * MINUTE);
  return { year: wallClock.getUTCFullYear(), month: wallClock.getUTCMonth() + 1, day: wallClock.getUTCDate() };
}

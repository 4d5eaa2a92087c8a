// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDate } from './format';
import { calendarDay, zoneOffsets } from './zone-offsets';

const intlDay = (format: Intl.DateTimeFormat, ms: number) => {
  const part = Object.fromEntries(format.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  return { year: part.year, month: part.month, day: part.day };
};

describe('calendar days without Intl in the browser', () => {
  // A zone without summer time, two with it on either side of the equator, one that moves by half
  // an hour, and one ahead of UTC by 13 hours (whose days start before UTC's).
  const zones = ['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Apia'];

  for (const zone of zones) {
    it(`gives the day Intl gives in ${zone}, around every change of offset and at random instants`, () => {
      const offsets = zoneOffsets(zone, 2000, 2040);
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      const instants = offsets.slice(1).flatMap(([from]) => [from - 60_000, from, from + 60_000]);
      let seed = 7;
      const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
      for (let n = 0; n < 1000; n += 1)
        instants.push(Date.UTC(2000, 0, 1) + Math.floor(random() * 40 * 365.25 * 86_400_000));
      for (const ms of instants)
        expect(calendarDay(offsets, ms), new Date(ms).toISOString()).toEqual(intlDay(format, ms));
    });
  }

  it('shows the day of the site zone (Asia/Kolkata by default), not UTC', () => {
    // 20:00 UTC on 4 March is 01:30 on 5 March in India.
    expect(formatDate('2026-03-04T20:00:00.000Z')).toBe('5 March 2026');
    expect(formatDate('2009-12-31T18:29:59.000Z')).toBe('31 December 2009');
    expect(formatDate('2009-12-31T18:30:00.000Z')).toBe('1 January 2010');
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});

import { SITE_ZONE_OFFSETS } from '@/config/env';
import { calendarDay } from './zone-offsets';

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** "5 March 2026": the day in the organisation's time zone, the same on the server and for every reader. */
export function formatDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${iso}`);
  const { year, month, day } = calendarDay(SITE_ZONE_OFFSETS, ms);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A phone number as a tel: link wants it: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

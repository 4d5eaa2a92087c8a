import { TIME_ZONE } from '@/config/env';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

/** "5 March 2026" */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A phone number as a tel: link wants it: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

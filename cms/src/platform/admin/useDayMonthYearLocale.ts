import * as React from 'react';
import { useIntl } from 'react-intl';
import { dayMonthYearLocale } from './day-month-year';

/** The `locale` for a date picker of the admin: day-month-year in the interface language if it can. */
export function useDayMonthYearLocale(): string {
  const { locale } = useIntl();
  return React.useMemo(() => dayMonthYearLocale(locale), [locale]);
}

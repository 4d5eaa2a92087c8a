/**
 * Dates in the content manager's lists as "18 Nov 2026" (and "18 Nov 2026, 14:05" for a moment),
 * instead of Strapi's "Wednesday, November 18, 2026", which pushes the Status column out of sight.
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { shortDate } from './list-dates';

interface ListHeader {
  name: string;
  attribute?: { type: string };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}

export function withShortDates({ displayedHeaders, ...rest }: { displayedHeaders: ListHeader[] }) {
  return {
    ...rest,
    displayedHeaders: displayedHeaders.map((header) => {
      const type = header.attribute?.type;
      if ((type !== 'date' && type !== 'datetime') || header.cellFormatter) return header;
      return {
        ...header,
        cellFormatter: (row: Record<string, unknown>) => (
          <Typography textColor="neutral800">{shortDate(row[header.name], type)}</Typography>
        ),
      };
    }),
  };
}

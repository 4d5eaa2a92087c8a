/**
 * The content manager's list cells as people read them, in the list's own type style: dates as
 * "18 Nov 2026" (and "18 Nov 2026, 14:05" for a moment) instead of Strapi's "Wednesday, November
 * 18, 2026", which pushes the Status column out of sight; enumeration values by their names ("In
 * progress", not "in-progress").
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { shortDate } from './list-dates';

interface ListHeader {
  name: string;
  attribute?: { type: string };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}

type Row = Record<string, unknown>;

/** `valueLabels`: for an enumeration field's name, the name people read for each of its values. */
export function withReadableValues(valueLabels: Record<string, Record<string, string>>) {
  return ({ displayedHeaders, ...rest }: { displayedHeaders: ListHeader[] }) => ({
    ...rest,
    displayedHeaders: displayedHeaders.map((header) => {
      const type = header.attribute?.type;
      const labels = type === 'enumeration' ? valueLabels[header.name] : undefined;
      const text =
        type === 'date' || type === 'datetime'
          ? (row: Row) => shortDate(row[header.name], type)
          : labels && ((row: Row) => labels[String(row[header.name])] ?? String(row[header.name] ?? ''));
      if (!text || header.cellFormatter) return header;
      return {
        ...header,
        cellFormatter: (row: Row) => <Typography textColor="neutral800">{text(row)}</Typography>,
      };
    }),
  });
}

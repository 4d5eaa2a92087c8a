/**
 * A keyboard user who decided from inside the table carries on from the same place: the table
 * keeps its cursor, and once the rows reload the row now there (the next comment) gets the focus.
 */
import * as React from 'react';

export function useTableFocus(rows: unknown) {
  const tableRef = React.useRef<HTMLTableElement>(null);
  const refocusTable = React.useRef(false);

  React.useEffect(() => {
    if (!refocusTable.current || !rows) return;
    const table = tableRef.current;
    if (!table || (document.activeElement && document.activeElement !== document.body)) return;
    refocusTable.current = false;
    (table.querySelector<HTMLElement>('[tabindex="0"]') ?? table.querySelector<HTMLElement>('button'))?.focus();
  }, [rows]);

  /** Call as a decision leaves: whether the focus was in the table decides if it comes back. */
  const rememberFocus = React.useCallback(() => {
    refocusTable.current = Boolean(tableRef.current?.contains(document.activeElement));
  }, []);

  return { tableRef, rememberFocus };
}

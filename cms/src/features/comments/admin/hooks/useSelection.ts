/** The comments ticked on the moderation screen. A selection belongs to the rows on screen. */
import * as React from 'react';

export function useSelection(rows: ReadonlyArray<{ documentId: string }> | undefined) {
  const [selected, setSelected] = React.useState<string[]>([]);

  // A new tab, page or result drops what is no longer on screen.
  React.useEffect(() => {
    setSelected((previous) => (rows ? previous.filter((id) => rows.some((row) => row.documentId === id)) : []));
  }, [rows]);

  const visible = rows ?? [];
  const allSelected = visible.length > 0 && visible.every((row) => selected.includes(row.documentId));

  return {
    selected,
    allSelected,
    someSelected: selected.length > 0 && !allSelected,
    isSelected: (documentId: string) => selected.includes(documentId),
    toggle: (documentId: string) =>
      setSelected((previous) =>
        previous.includes(documentId) ? previous.filter((id) => id !== documentId) : [...previous, documentId],
      ),
    toggleAll: () => setSelected(allSelected ? [] : visible.map((row) => row.documentId)),
    selectAll: () => setSelected(visible.map((row) => row.documentId)),
    deselect: (documentIds: string[]) => setSelected((previous) => previous.filter((id) => !documentIds.includes(id))),
  };
}

/**
 * The moderation keys (j/k move, x selects, a/r/s decide): on the current comment, or on the
 * selection when there is one. The current comment stays at its place in the list, so after a
 * decision the next comment is current and the moderator goes on pressing.
 */
import * as React from 'react';
import { keyCommand, type Decision } from '../lib/moderation';

interface Options<Row extends { documentId: string }> {
  rows: Row[];
  canModerate: boolean;
  selected: string[];
  toggle: (documentId: string) => void;
  decide: (documentIds: string[], decision: Decision, options?: { bulk?: boolean }) => unknown;
  /** While a dialog is open, its keys are its own. */
  paused?: boolean;
}

export function useKeyboardModeration<Row extends { documentId: string }>({
  rows,
  canModerate,
  selected,
  toggle,
  decide,
  paused = false,
}: Options<Row>) {
  const [index, setIndex] = React.useState(0);
  const current = rows.length ? rows[Math.min(index, rows.length - 1)] : undefined;
  // The listener is added once and reads the latest values from here.
  const latest = React.useRef({ rows, current, canModerate, selected, toggle, decide, paused });
  latest.current = { rows, current, canModerate, selected, toggle, decide, paused };

  React.useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = keyCommand(event);
      const state = latest.current;
      if (!command || !state.current || state.paused) return;
      if (command === 'next' || command === 'previous') {
        const at = state.rows.indexOf(state.current);
        setIndex(Math.max(0, Math.min(state.rows.length - 1, at + (command === 'next' ? 1 : -1))));
      } else if (!state.canModerate) {
        return;
      } else if (command === 'select') {
        state.toggle(state.current.documentId);
      } else if (state.selected.length > 0) {
        state.decide(state.selected, command, { bulk: true });
      } else {
        state.decide([state.current.documentId], command);
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // The current comment is kept in view as j/k move through a long page.
  React.useEffect(() => {
    if (current) document.querySelector(`[data-comment="${current.documentId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return { current: current?.documentId };
}

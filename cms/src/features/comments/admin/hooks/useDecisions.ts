/**
 * Decisions on their way to the server. They run side by side (a moderator need not wait for one
 * row to approve the next); the same comment is never sent twice while its first decision is on
 * the way. The moderator is told what the server changed.
 */
import * as React from 'react';
import { isFetchError, useNotification } from '@strapi/strapi/admin';
import { decisionOutcome, type Decision } from '../lib/moderation';
import { useModerate } from './useModerationQueue';

/** By comment, and the selection's (for its button). */
export interface InFlight {
  rows: Record<string, Decision>;
  bulk?: Decision;
}

function decisionError(error: unknown): string {
  if (isFetchError(error) && error.status === 403) return 'Your role may not moderate comments.';
  if (error instanceof Error && error.message) return `Nothing was changed: ${error.message}`;
  return 'Nothing was changed: the server did not answer.';
}

export function useDecisions({
  beforeSend,
  onDecided,
}: { beforeSend?: () => void; onDecided?: (documentIds: string[]) => void } = {}) {
  const [inFlight, setInFlight] = React.useState<InFlight>({ rows: {} });
  const inFlightRef = React.useRef(inFlight);
  inFlightRef.current = inFlight;
  const moderate = useModerate();
  const { toggleNotification } = useNotification();

  const decide = async (documentIds: string[], decision: Decision, { bulk = false } = {}) => {
    const ids = documentIds.filter((id) => !(id in inFlightRef.current.rows));
    if (ids.length === 0) return;
    beforeSend?.();
    const mark = (on: boolean) =>
      setInFlight((previous) => {
        const rows = { ...previous.rows };
        for (const id of ids) {
          if (on) rows[id] = decision;
          else delete rows[id];
        }
        return { rows, bulk: bulk ? (on ? decision : undefined) : previous.bulk };
      });
    mark(true);
    try {
      const updated = await moderate.mutateAsync({ documentIds: ids, moderationStatus: decision });
      const outcome = decisionOutcome(decision, ids.length, updated);
      toggleNotification({ type: outcome.type, message: outcome.message });
      onDecided?.(ids);
    } catch (e) {
      toggleNotification({ type: 'danger', message: decisionError(e) });
    } finally {
      mark(false);
    }
  };

  return { inFlight, decide };
}

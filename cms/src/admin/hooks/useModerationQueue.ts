/**
 * The moderation queue from `GET /medblog/comments`, and decisions through
 * `POST /medblog/comments/moderate`, with the admin's authenticated fetch client.
 */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ModerationStatus } from '@medblog/shared';
import { commentsPath, type StatusFilter } from '../lib/moderation';

export interface QueueComment {
  documentId: string;
  authorName: string;
  authorEmail: string;
  body: string;
  moderationStatus: ModerationStatus;
  moderatedAt: string | null;
  createdAt: string;
  article: { documentId: string; title: string; slug: string } | null;
  parent: { documentId: string; authorName: string; body: string } | null;
}

export interface QueueResponse {
  data: QueueComment[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    counts: Record<ModerationStatus, number>;
  };
}

interface State {
  /** The request the data answers, so rows of another tab or page are never shown as this one's. */
  key?: string;
  data?: QueueResponse;
  error?: unknown;
  isFetching: boolean;
}

export function useModerationQueue(status: StatusFilter, page: number, pageSize: number) {
  const { get } = useFetchClient();
  const key = commentsPath(status, page, pageSize);
  const [state, setState] = React.useState<State>({ isFetching: true });
  const [generation, setGeneration] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, isFetching: true, error: undefined }));
    get<QueueResponse>(key).then(
      ({ data }) => current && setState({ key, data, isFetching: false }),
      (error: unknown) => current && setState((previous) => ({ ...previous, error, isFetching: false })),
    );
    return () => {
      current = false;
    };
  }, [get, key, generation]);

  const reload = React.useCallback(() => setGeneration((n) => n + 1), []);
  const rows = state.key === key ? state.data?.data : undefined;
  return { rows, response: state.data, error: state.error, isFetching: state.isFetching, reload };
}

export function useModerate() {
  const { post } = useFetchClient();
  return React.useCallback(
    async (documentIds: string[], moderationStatus: ModerationStatus): Promise<number> => {
      const { data } = await post<{ data: { updated: number } }>('/medblog/comments/moderate', { documentIds, moderationStatus });
      return data.data.updated;
    },
    [post],
  );
}

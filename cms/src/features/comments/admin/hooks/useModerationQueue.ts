/**
 * The moderation queue from `GET /medblog/comments`, and decisions through
 * `POST /medblog/comments/moderate`, with the admin's authenticated fetch client. Cached in the
 * admin's own react-query client (Strapi's admin provides it; cms pins the same react-query).
 */
import { useMutation, useQuery, useQueryClient, type QueryFunctionContext } from 'react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CommentBadge, ModerationStatus } from '@medblog/shared';
import { commentsPath, type QueueSearch, type StatusFilter } from '../lib/moderation';

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
  /** Set on a reply written as staff (or as the article's author) from this screen. */
  badge: CommentBadge | null;
  /** The sender has had a comment approved before. */
  trustedSender: boolean;
  /** The comment's place on the reader site; null when the CMS does not know the site's address. */
  siteUrl: string | null;
}

export interface QueueResponse {
  data: QueueComment[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    counts: Record<ModerationStatus, number>;
  };
}

/** Hierarchical keys: every page of every tab sits under `queues()`, so a decision reaches them all. */
export const moderationKeys = {
  all: ['medblog', 'moderation'] as const,
  queues: () => [...moderationKeys.all, 'queue'] as const,
  queue: (status: StatusFilter, page: number, pageSize: number, search: QueueSearch) =>
    [...moderationKeys.queues(), { status, page, pageSize, ...search }] as const,
};

type FetchClient = ReturnType<typeof useFetchClient>;

/** The one place for a queue request's key and function (react-query 3 predates `queryOptions`). */
export function moderationQueueQuery(
  get: FetchClient['get'],
  status: StatusFilter,
  page: number,
  pageSize: number,
  search: QueueSearch,
) {
  return {
    queryKey: moderationKeys.queue(status, page, pageSize, search),
    queryFn: async ({ signal }: QueryFunctionContext) =>
      (await get<QueueResponse>(commentsPath(status, page, pageSize, search), { signal })).data,
  };
}

export function useModerationQueue(status: StatusFilter, page: number, pageSize: number, search: QueueSearch) {
  const { get } = useFetchClient();
  const query = useQuery({
    ...moderationQueueQuery(get, status, page, pageSize, search),
    // The tab counts and pagination stay on screen while another tab or page loads...
    keepPreviousData: true,
    // ...and a failed load shows at once, with "Try again", rather than after three retries.
    retry: false,
  });
  return {
    // Rows of another tab or page are never shown as this one's.
    rows: query.isPreviousData ? undefined : query.data?.data,
    response: query.data,
    error: query.error ?? undefined,
    isFetching: query.isFetching,
    reload: () => void query.refetch(),
  };
}

/**
 * After comments moved between tabs: the queue on screen reloads, and the cached rows of the other
 * tabs and pages are dropped so none shows a comment where it no longer belongs.
 */
function refreshQueues(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries(moderationKeys.queues(), { inactive: true });
  void queryClient.invalidateQueries(moderationKeys.queues());
}

export function useModerate() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      documentIds,
      moderationStatus,
    }: {
      documentIds: string[];
      moderationStatus: ModerationStatus;
    }) => {
      const { data } = await post<{ data: { updated: number } }>('/medblog/comments/moderate', {
        documentIds,
        moderationStatus,
      });
      return data.data.updated;
    },
    onSettled: () => refreshQueues(queryClient),
  });
}

export interface StaffReply {
  documentId: string;
  badge: CommentBadge;
  /** The answered comment was pending and is now approved. */
  approvedParent: boolean;
}

/** A reply as staff (POST /medblog/comments/:documentId/replies): published at once. */
export function useStaffReply() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, body }: { documentId: string; body: string }) =>
      (await post<{ data: StaffReply }>(`/medblog/comments/${documentId}/replies`, { body })).data.data,
    // The answered comment may have left the pending tab, and the reply joined the approved one.
    onSuccess: () => refreshQueues(queryClient),
  });
}

export interface ArticleOption {
  documentId: string;
  title: string;
}

/** The articles to filter the queue by, from the content manager (what this user may read). */
export function useArticleOptions() {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: [...moderationKeys.all, 'articles'],
    queryFn: async ({ signal }: QueryFunctionContext) =>
      (
        await get<{ results: ArticleOption[] }>('/content-manager/collection-types/api::article.article', {
          params: { page: 1, pageSize: 100, sort: 'title:ASC' },
          signal,
        })
      ).data.results,
    staleTime: 60_000,
    retry: false,
  });
}

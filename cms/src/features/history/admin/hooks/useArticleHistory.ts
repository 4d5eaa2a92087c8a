/**
 * An article's versions, the diff of two and the restore of one, from the /medblog/articles
 * endpoints with the admin's authenticated fetch client, cached in the admin's react-query client.
 */
import { useMutation, useQuery, useQueryClient, type QueryFunctionContext } from 'react-query';
import { useDispatch } from 'react-redux';
import { adminApi, useFetchClient } from '@strapi/strapi/admin';
import {
  ARTICLE_UID,
  comparePath,
  restorePath,
  versionsPath,
  type ArticleVersion,
  type FieldDiff,
} from '../lib/history';

interface VersionsResponse {
  data: ArticleVersion[];
  meta: {
    article: { documentId: string; title: string };
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
  };
}

interface CompareResponse {
  data: { from: ArticleVersion; to: ArticleVersion; fields: FieldDiff[] };
}

const historyKeys = {
  article: (documentId: string) => ['medblog', 'article-history', documentId] as const,
};

/**
 * A page of the article's versions, newest first. `savedAt` (the article's updatedAt) refetches
 * the list after each save of the form the panel sits beside.
 */
export function useArticleVersions(documentId: string | undefined, page: number, pageSize: number, savedAt?: string) {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: [...historyKeys.article(documentId ?? ''), 'versions', { page, pageSize, savedAt }],
    queryFn: async ({ signal }: QueryFunctionContext) =>
      (await get<VersionsResponse>(versionsPath(documentId!, page, pageSize), { signal })).data,
    enabled: Boolean(documentId),
    keepPreviousData: true,
    retry: false,
  });
}

export function useVersionDiff(documentId: string, pair: { from: number; to: number } | null) {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: [...historyKeys.article(documentId), 'compare', pair],
    queryFn: async ({ signal }: QueryFunctionContext) =>
      (await get<CompareResponse>(comparePath(documentId, pair!.from, pair!.to), { signal })).data.data,
    enabled: Boolean(pair),
    retry: false,
  });
}

/**
 * Restores a version into the draft; the history then shows the restore as its newest version, and
 * the content manager's copy of the article is dropped so its form shows the restored content.
 */
export function useRestoreVersion(documentId: string) {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  const dispatch = useDispatch();
  return useMutation({
    mutationFn: async (version: number) =>
      (await post<{ data: ArticleVersion }>(restorePath(documentId, version), {})).data.data,
    onSettled: () => {
      void queryClient.invalidateQueries(historyKeys.article(documentId));
      // The content manager's document queries are tagged so (@strapi/content-manager's documents service).
      const tag = { type: 'Document', id: `${ARTICLE_UID}_${documentId}` } as never;
      dispatch(adminApi.util.invalidateTags([tag]));
    },
  });
}

import type { SingleResponse } from '@medblog/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { ARTICLE_PAGE_FIELDS, ARTICLE_PAGE_POPULATE, type ArticleDetail } from './article-fields';

/** An article's draft, as its page shows it, opened by the preview token the CMS gave its editor. */
export async function getArticlePreview(documentId: string, token: string): Promise<ArticleDetail> {
  const { data } = await apiClient.get<SingleResponse<ArticleDetail>>(
    `/api/preview/articles/${encodeURIComponent(documentId)}`,
    { params: { token, fields: ARTICLE_PAGE_FIELDS, populate: ARTICLE_PAGE_POPULATE } },
  );
  // A draft has no publishedAt (null, which would read as 1 January 1970): it is shown dated as
  // it would be if published now, which is what Publish gives it.
  const draft = data.data as Omit<ArticleDetail, 'publishedAt'> & { publishedAt: string | null };
  return { ...draft, publishedAt: draft.publishedAt ?? new Date().toISOString() };
}

export const articlePreviewQueryOptions = (documentId: string, token: string) =>
  queryOptions({
    queryKey: ['articles', 'preview', documentId, token],
    queryFn: () => getArticlePreview(documentId, token),
    // Always the draft as it is now: the editor may have just saved it.
    staleTime: 0,
  });

export const useArticlePreview = (documentId: string, token: string) =>
  useSuspenseQuery(articlePreviewQueryOptions(documentId, token));

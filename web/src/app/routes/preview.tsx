import type { ApiErrorBody } from '@medblog/shared';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { data, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router-dom';
import { API_URL } from '@/config/env';
import { isAxiosError } from '@/lib/api-error';
import { articlePreviewQueryOptions, useArticlePreview } from '@/features/articles/api/get-article-preview';
import { ArticlePage } from './article';

/**
 * The draft, fetched with the page's token. Loaded with this module (router.tsx), not with the
 * loaders of every page: only editors open previews.
 */
export const createPreviewLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const token = new URL(request.url).searchParams.get('token') ?? '';
    try {
      await queryClient.ensureQueryData(articlePreviewQueryOptions(params.documentId!, token));
    } catch (error) {
      // An expired, wrong or made-up link: say so (the CMS's message), rather than "not available".
      const status = isAxiosError(error) ? error.response?.status : undefined;
      if (status === 401 || status === 403 || status === 404) {
        const message = (error as { response?: { data?: ApiErrorBody } }).response?.data?.error?.message;
        throw data({ message }, { status });
      }
      throw error;
    }
    return null;
  };

/**
 * The preview of an article's draft, opened from the CMS's Preview button (also inside the
 * admin, which may frame this page). Each save in the editor refreshes it in place: the admin
 * posts a "strapiUpdate" message to the frame.
 */
export default function PreviewRoute() {
  const { documentId } = useParams() as { documentId: string };
  const [searchParams] = useSearchParams();
  const { data: draft, refetch } = useArticlePreview(documentId, searchParams.get('token') ?? '');

  useEffect(() => {
    const admin = new URL(API_URL).origin;
    const onMessage = (event: MessageEvent) => {
      if (event.origin === admin && (event.data as { type?: string } | null)?.type === 'strapiUpdate') void refetch();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [refetch]);

  return (
    <>
      <p className="preview-banner" role="status">
        Preview of the draft: readers see the published version until you publish.
      </p>
      <ArticlePage article={draft} preview />
    </>
  );
}

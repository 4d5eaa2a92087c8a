import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { API_URL } from '@/config/env';
import { useArticlePreview } from '@/features/articles/api/get-article-preview';
import { ArticlePage } from './article';

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

import { MoreArticles } from '@/features/articles/components/MoreArticles';
import { PopularPosts } from '@/features/articles/components/PopularPosts';
import { CommentsSection } from '@/features/comments/components/CommentsSection';

/**
 * What follows an article: its comments (none yet in a draft's preview), more articles and the
 * most read. Its code is not part of the page's first load (routes/article.tsx loads it lazily):
 * the server renders it into the page, and the browser takes it over once the code has arrived.
 */
export default function ArticleAfter({
  documentId,
  slug,
  commentsEnabled,
  commentsCloseAt,
  preview,
}: {
  documentId: string;
  slug: string;
  commentsEnabled: boolean;
  commentsCloseAt: string | null;
  preview: boolean;
}) {
  return (
    <>
      {preview ? (
        <p className="comments__note">
          Readers’ comments and the comment form appear here once the article is published.
        </p>
      ) : (
        // Keyed: another article starts with its own comments, reply and form.
        <CommentsSection
          key={documentId}
          articleDocumentId={documentId}
          commentsEnabled={commentsEnabled}
          commentsCloseAt={commentsCloseAt}
        />
      )}
      <MoreArticles currentSlug={slug} />
      <PopularPosts />
    </>
  );
}

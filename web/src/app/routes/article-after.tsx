import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { MoreArticles } from '@/features/articles/components/MoreArticles';
import { PopularPosts } from '@/features/articles/components/PopularPosts';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { CommentsSection } from '@/features/comments/components/CommentsSection';
import { HelpfulQuestion } from '@/features/insight/components/HelpfulQuestion';
import { SubscribeForm } from '@/features/newsletter/components/SubscribeForm';

/**
 * What follows an article: "Was this page helpful?" and its comments (neither in a draft's preview), the subscribe form, more
 * articles and the most read. Its code is not part of the page's first load (routes/article.tsx loads it lazily):
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
  // The header's topics: loaded with every page.
  const { data: categories = [] } = useQuery(categoriesQueryOptions());
  // One answer per page shown: coming back to the article asks again.
  const { key } = useLocation();
  return (
    <>
      {!preview && <HelpfulQuestion key={`${documentId}:${key}`} documentId={documentId} />}
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
      {!preview && (
        <section className="subscribe" aria-labelledby="subscribe-title">
          <h2 id="subscribe-title">New articles by e-mail</h2>
          <SubscribeForm topics={categories} labelledBy="subscribe-title" />
        </section>
      )}
      <MoreArticles currentSlug={slug} />
      <PopularPosts />
    </>
  );
}

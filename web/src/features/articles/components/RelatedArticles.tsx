import type { ArticleDetail } from '@/features/articles/api/article-fields';
import { CompactArticleList } from './CompactArticleList';

/** "Read also": the articles the editor linked to this one. */
export function RelatedArticles({ articles }: { articles: NonNullable<ArticleDetail['relatedArticles']> }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Read also</h2>
      <CompactArticleList articles={articles} />
    </section>
  );
}

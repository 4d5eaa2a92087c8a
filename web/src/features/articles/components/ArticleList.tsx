import type { ReactNode } from 'react';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { ArticleCard } from './ArticleCard';

interface ArticleListProps<T extends ArticleSummary> {
  articles: T[];
  featured?: boolean;
  headingLevel?: 2 | 3;
  /** What each card shows instead of its excerpt. */
  summaryOf?: (article: T) => ReactNode;
}

export function ArticleList<T extends ArticleSummary>({
  articles,
  featured = false,
  headingLevel,
  summaryOf,
}: ArticleListProps<T>) {
  return (
    <ul className={featured ? 'card-grid card-grid--featured' : 'card-grid'}>
      {articles.map((article) => (
        <li key={article.documentId}>
          <ArticleCard
            article={article}
            featured={featured}
            headingLevel={headingLevel}
            summary={summaryOf?.(article)}
          />
        </li>
      ))}
    </ul>
  );
}

import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { ArticleCard } from './ArticleCard';

interface ArticleListProps {
  articles: ArticleSummary[];
  featured?: boolean;
  headingLevel?: 2 | 3;
}

export function ArticleList({ articles, featured = false, headingLevel }: ArticleListProps) {
  return (
    <ul className={featured ? 'card-grid card-grid--featured' : 'card-grid'}>
      {articles.map((article) => (
        <li key={article.documentId}>
          <ArticleCard article={article} featured={featured} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

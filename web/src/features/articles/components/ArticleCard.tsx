import type { ReactNode } from 'react';
import { articleDate } from '@medblog/shared';
import { Link } from 'react-router-dom';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { paths } from '@/lib/paths';
import { ArticleMeta } from './ArticleMeta';

interface ArticleCardProps {
  article: ArticleSummary;
  /** Featured cards are larger and load their image first. */
  featured?: boolean;
  /** The title's heading level: one below the heading of the section holding the card. */
  headingLevel?: 2 | 3;
  /** Shown instead of the excerpt (a search result shows the passage that matched). */
  summary?: ReactNode;
}

export function ArticleCard({ article, featured = false, headingLevel = 3, summary }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { title, slug, excerpt, cover, category, author, readingTimeMinutes } = article;

  return (
    <article className="card">
      {cover && (
        <ResponsiveImage
          className="card__image"
          image={cover}
          sizes={featured ? '(min-width: 60em) 40rem, 100vw' : '(min-width: 60em) 20rem, (min-width: 40em) 50vw, 100vw'}
          priority={featured}
        />
      )}
      <div className="card__body">
        {category && (
          <Link className="eyebrow card__category" to={paths.category(category.slug)}>
            {category.name}
          </Link>
        )}
        <Heading className="card__title">
          {/* Stretched over the whole card (see .card__link::after): the card is one big tap target. */}
          <Link className="card__link" to={paths.article(slug)}>
            {title}
          </Link>
        </Heading>
        {summary ?? (excerpt && <p className="card__excerpt">{excerpt}</p>)}
        <ArticleMeta author={author} publishedAt={articleDate(article)} readingTimeMinutes={readingTimeMinutes} />
      </div>
    </article>
  );
}

import { articleDate } from '@medblog/shared';
import { Link } from 'react-router-dom';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';

type CompactArticle = Pick<
  ArticleSummary,
  'documentId' | 'title' | 'slug' | 'publishedAt' | 'originalPublishedAt' | 'cover'
>;

interface CompactArticleListProps {
  articles: CompactArticle[];
  /** Numbered, for rankings ("Popular posts"). */
  ordered?: boolean;
}

/** Small thumbnails and titles: for side lists such as "Read also" and "Popular posts". */
export function CompactArticleList({ articles, ordered = false }: CompactArticleListProps) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={ordered ? 'compact-list compact-list--ordered' : 'compact-list'}>
      {articles.map((article) => {
        const { documentId, title, slug, cover } = article;
        // A draft's preview lists related drafts too, which have no date yet.
        const date: string | null = articleDate(article);
        return (
          <li key={documentId}>
            {cover && <ResponsiveImage className="compact-list__image" image={cover} sizes="5rem" />}
            <div>
              <Link to={paths.article(slug)}>{title}</Link>
              {date && <time dateTime={date}>{formatDate(date)}</time>}
            </div>
          </li>
        );
      })}
    </List>
  );
}

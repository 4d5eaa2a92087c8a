import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useArticleFeed } from '@/features/articles/api/get-articles';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';
import NotFoundRoute from './not-found';

export default function CategoryRoute() {
  const { slug } = useParams() as { slug: string };
  const { data: categories } = useSuspenseQuery(categoriesQueryOptions());
  const feed = useArticleFeed({ category: slug });
  const category = categories.find((candidate) => candidate.slug === slug);
  if (!category) return <NotFoundRoute />;

  return (
    <div className="container">
      <PageHead title={category.name} description={category.description} path={paths.category(slug)} />
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`${category.name}: articles`}
        href={paths.categoryFeed(slug)}
      />
      <header className="page-header">
        <p className="eyebrow">Topic</p>
        <h1>{category.name}</h1>
        {category.description && <p className="page-header__lede">{category.description}</p>}
      </header>
      <ArticleFeed
        feed={feed}
        headingLevel={2}
        emptyMessage={`No articles in ${category.name} yet. Please check back soon.`}
      />
    </div>
  );
}

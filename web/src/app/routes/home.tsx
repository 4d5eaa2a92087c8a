import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { homeQueries } from '@/app/loaders';
import { JsonLd } from '@/components/seo/JsonLd';
import { SITE_URL } from '@/config/env';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { ArticleList } from '@/features/articles/components/ArticleList';
import { PopularPosts } from '@/features/articles/components/PopularPosts';
import { useGlobal } from '@/features/site/api/get-global';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

export default function HomeRoute() {
  const { data: site } = useGlobal();
  const { data: featured } = useSuspenseQuery(homeQueries.featured());
  const latest = useSuspenseInfiniteQuery(homeQueries.latest());
  const featuredIds = new Set(featured.data.map((article) => article.documentId));

  return (
    <div className="container with-aside">
      <PageHead title={site?.tagline ?? undefined} path={paths.home} />
      {site && (
        <JsonLd
          data={{
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: site.siteName,
            url: `${SITE_URL}/`,
            // Lets search engines offer the site's own search under its result.
            potentialAction: {
              '@type': 'SearchAction',
              target: `${SITE_URL}${paths.search}?q={search_term_string}`,
              'query-input': 'required name=search_term_string',
            },
            publisher: { '@type': 'Organization', name: site.siteName, email: site.contactEmail ?? undefined },
          }}
        />
      )}
      <div>
        <h1 className="visually-hidden">{site?.siteName ?? 'Home'}</h1>
        {featured.data.length > 0 && (
          <section aria-labelledby="featured-heading">
            <h2 id="featured-heading" className="section-title">
              Featured
            </h2>
            <ArticleList articles={featured.data} featured />
          </section>
        )}
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="section-title">
            Latest articles
          </h2>
          <ArticleFeed
            feed={latest}
            exclude={featuredIds}
            emptyMessage="No articles have been published yet. Please check back soon."
          />
        </section>
      </div>
      <aside className="aside">
        <PopularPosts />
      </aside>
    </div>
  );
}

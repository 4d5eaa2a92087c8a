import { useQuery, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { lazy, memo, Suspense } from 'react';
import { homeQueries } from '@/app/loaders';
import { JsonLd } from '@/components/seo/JsonLd';
import { SITE_URL } from '@/config/env';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { ArticleList } from '@/features/articles/components/ArticleList';
import { PopularPosts } from '@/features/articles/components/PopularPosts';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { useGlobal } from '@/features/site/api/get-global';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';
import { whenNear } from '@/lib/when-near';

const SUBSCRIBE_ID = 'home-subscribe';

/**
 * The subscribe form, in the aside: not part of the page's first load. The server renders it, and
 * its code (with the form's) loads as the reader nears it or touches it; until then the server's
 * form posts as plain HTML.
 */
const SubscribeForm = lazy(() =>
  whenNear(typeof document === 'undefined' ? null : document.getElementById(SUBSCRIBE_ID))
    .then(() => import('@/features/newsletter/components/SubscribeForm'))
    .then(({ SubscribeForm: Component }) => ({ default: Component })),
);

/** Re-rendered only when its topics change, so the server's form stays until its code has come. */
const HomeSubscribe = memo(function HomeSubscribe({ topics }: { topics: Array<{ slug: string; name: string }> }) {
  return (
    <section id={SUBSCRIBE_ID} className="subscribe subscribe--aside" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title" className="section-title">
        New articles by e-mail
      </h2>
      <Suspense fallback={null}>
        <SubscribeForm topics={topics} labelledBy="subscribe-title" />
      </Suspense>
    </section>
  );
});

export default function HomeRoute() {
  const { data: site } = useGlobal();
  const { data: featured } = useSuspenseQuery(homeQueries.featured());
  const latest = useSuspenseInfiniteQuery(homeQueries.latest());
  const { data: categories = [] } = useQuery(categoriesQueryOptions());
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
        <HomeSubscribe topics={categories} />
      </aside>
    </div>
  );
}

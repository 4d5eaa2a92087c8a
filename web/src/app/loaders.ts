/**
 * What each page needs before it shows, fetched into the query cache by its route's loader. The
 * loaders live here, outside the lazily loaded page modules, so a page's data request starts
 * alongside the download of its code instead of after it.
 */
import { SEARCH } from '@medblog/shared';
import type { QueryClient } from '@tanstack/react-query';
import { data, type LoaderFunction, type LoaderFunctionArgs } from 'react-router-dom';
import { articleQueryOptions } from '@/features/articles/api/get-article';
import {
  articlesInfiniteQueryOptions,
  articlesQueryOptions,
  moreArticlesQueryOptions,
} from '@/features/articles/api/get-articles';
import { popularArticlesQueryOptions } from '@/features/articles/api/get-popular-articles';
import { authorQueryOptions } from '@/features/authors/api/get-author';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { commentsInfiniteQueryOptions } from '@/features/comments/api/get-comments';
import { searchArticlesInfiniteQueryOptions } from '@/features/search/api/search-articles';
import { globalQueryOptions } from '@/features/site/api/get-global';

const FEATURED_COUNT = 3;

export const homeQueries = {
  featured: () => articlesQueryOptions({ featured: true }, FEATURED_COUNT),
  latest: () => articlesInfiniteQueryOptions({}),
};

/** The words of a search, from the page's address (cut to what the CMS takes). */
export const searchTerms = (params: URLSearchParams) =>
  params.get('q')?.trim().slice(0, SEARCH.maxQueryLength).trim() ?? '';

const notFound = () => data(null, { status: 404 });

export function createLoaders(queryClient: QueryClient) {
  return {
    home: async () => {
      void queryClient.prefetchQuery(popularArticlesQueryOptions());
      await Promise.all([
        queryClient.ensureQueryData(homeQueries.featured()),
        queryClient.ensureInfiniteQueryData(homeQueries.latest()),
      ]);
      return null;
    },

    article: async ({ params }: LoaderFunctionArgs) => {
      const slug = params.slug!;
      // The lists below the article load alongside it; only the article itself holds the page back.
      void queryClient.prefetchQuery(moreArticlesQueryOptions(slug));
      void queryClient.prefetchQuery(popularArticlesQueryOptions());
      const article = await queryClient.ensureQueryData(articleQueryOptions(slug));
      if (!article) throw notFound();
      // Comments (and the count near the title) start loading with the page's code, without holding it back.
      void queryClient.prefetchInfiniteQuery(commentsInfiniteQueryOptions(article.documentId));
      return null;
    },

    category: async ({ params }: LoaderFunctionArgs) => {
      const slug = params.slug!;
      const [categories] = await Promise.all([
        queryClient.ensureQueryData(categoriesQueryOptions()),
        queryClient.ensureInfiniteQueryData(articlesInfiniteQueryOptions({ category: slug })),
      ]);
      if (!categories.some((category) => category.slug === slug)) throw notFound();
      return null;
    },

    author: async ({ params }: LoaderFunctionArgs) => {
      const slug = params.slug!;
      const [author] = await Promise.all([
        queryClient.ensureQueryData(authorQueryOptions(slug)),
        queryClient.ensureInfiniteQueryData(articlesInfiniteQueryOptions({ author: slug })),
      ]);
      if (!author) throw notFound();
      return null;
    },

    search: async ({ request }: LoaderFunctionArgs) => {
      const q = searchTerms(new URL(request.url).searchParams);
      if (!q) return null;
      const results = await queryClient.ensureInfiniteQueryData(searchArticlesInfiniteQueryOptions(q));
      // Nothing found: the page suggests the topics and the most-read articles instead.
      if (results.pages[0]?.meta.pagination.total === 0) {
        await Promise.all([
          queryClient.prefetchQuery(categoriesQueryOptions()),
          queryClient.prefetchQuery(popularArticlesQueryOptions()),
        ]);
      }
      return null;
    },

    /** The subscribe page: the topics to choose from (also the header's). */
    subscribe: async () => {
      await queryClient.prefetchQuery(categoriesQueryOptions());
      return null;
    },

    notFound: () => {
      throw notFound();
    },

    /** Pages that show the site's name or contacts (the Quick Enquiry page, the privacy notice, the editorial policy). */
    siteSettings: async () => {
      await queryClient.ensureQueryData(globalQueryOptions());
      return null;
    },
  } satisfies Record<string, LoaderFunction>;
}

import { articleDate } from '@medblog/shared';
import { lazy, memo, Suspense, useEffect, useRef, type ComponentProps } from 'react';
import { Link, useParams } from 'react-router-dom';
import { JsonLd } from '@/components/seo/JsonLd';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { SITE_URL } from '@/config/env';
import type { ArticleDetail } from '@/features/articles/api/article-fields';
import { useArticle } from '@/features/articles/api/get-article';
import { ArticleDisclaimer } from '@/features/articles/components/ArticleDisclaimer';
import { ArticleMeta } from '@/features/articles/components/ArticleMeta';
import { ArticleReferences } from '@/features/articles/components/ArticleReferences';
import { ArticleTrust } from '@/features/articles/components/ArticleTrust';
import { BlocksRenderer } from '@/features/articles/components/BlocksRenderer';
import { RelatedArticles } from '@/features/articles/components/RelatedArticles';
import { ShareLinks } from '@/features/articles/components/ShareLinks';
import { articleStructuredData } from '@/features/articles/lib/structured-data';
import { CommentCount } from '@/features/comments/components/CommentCount';
import { useArticleView } from '@/features/insight/api/page-views';
import { useGlobal } from '@/features/site/api/get-global';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';
import { whenNear } from '@/lib/when-near';
import NotFoundRoute from './not-found';

const AFTER_ID = 'article-after';

/** What the lazy part below waits for: the element of the article the server sent. */
let waitingFor: HTMLElement | null = null;
const nowOrNever = typeof AbortController === 'undefined' ? undefined : new AbortController();

/**
 * Below the text: not part of the page's first load (see article-after.tsx). On the page the
 * server sent, its code loads only when the reader nears it, so taking over the page leaves out
 * the comments and their forms (plain HTML forms meanwhile); after a navigation it loads at once.
 */
const ArticleAfter = lazy<typeof import('./article-after').default>(() => {
  waitingFor = typeof document === 'undefined' ? null : document.getElementById(AFTER_ID);
  return whenNear(waitingFor, nowOrNever?.signal)
    .then(() => import('./article-after'))
    .catch(() => ({ default: ArticleAfterUnavailable }));
});

/** In place of the comments when their code could not be downloaded: the article stays readable. */
function ArticleAfterUnavailable() {
  return (
    <p className="comments__note" role="alert">
      The comments could not be loaded. Check your connection and reload the page to read them or leave a reply.
    </p>
  );
}

/**
 * Re-rendered only when its props change: until its code has come, the server's HTML stays only
 * while nothing is handed down anew (new props would make React drop it for the fallback).
 */
const LazyArticleAfter = memo(function LazyArticleAfter(props: ComponentProps<typeof ArticleAfter>) {
  return (
    <Suspense fallback={<p className="comments__note">Loading the comments…</p>}>
      <ArticleAfter {...props} />
    </Suspense>
  );
});

export default function ArticleRoute() {
  const { slug } = useParams() as { slug: string };
  const { data: article } = useArticle(slug);
  // Shown to a reader (a preview, which uses ArticlePage alone, counts nothing).
  useArticleView(article?.documentId);
  // Unpublished since the page was opened: the next refetch finds nothing.
  if (!article) return <NotFoundRoute />;
  return <ArticlePage article={article} />;
}

/**
 * An article as readers see it. As a preview (of a draft, for its editor: routes/preview.tsx) it
 * counts no view, asks search engines to stay away, and has no comments yet.
 */
export function ArticlePage({ article, preview = false }: { article: ArticleDetail; preview?: boolean }) {
  const { data: site } = useGlobal();
  const after = useRef<HTMLDivElement>(null);
  // Back on an article after another page: a new element, which the wait above does not watch.
  useEffect(() => {
    if (waitingFor && after.current !== waitingFor) nowOrNever?.abort();
  });

  const { title, slug, excerpt, cover, category, author, seo, body, relatedArticles = [], references = [] } = article;
  const path = paths.article(slug);
  const url = `${SITE_URL}${path}`;
  const description = seo?.metaDescription || excerpt;
  const shareImage = seo?.shareImage ?? cover;

  return (
    <>
      <PageHead
        title={seo?.metaTitle || title}
        description={description}
        path={path}
        image={shareImage}
        type="article"
        noindex={preview}
      />
      <JsonLd data={articleStructuredData(article, site)} />
      <article className="article container" aria-labelledby="article-title">
        <header className="article__header">
          {category && (
            <Link className="eyebrow" to={paths.category(category.slug)}>
              {category.name}
            </Link>
          )}
          <h1 id="article-title">{title}</h1>
          <div className="byline">
            {author?.avatar && (
              <ResponsiveImage
                className="byline__avatar"
                image={{ ...author.avatar, alternativeText: '' }}
                sizes="3rem"
              />
            )}
            <div>
              {author && (
                <p className="byline__author">
                  <Link to={paths.author(author.slug)}>{author.name}</Link>
                  {author.jobTitle && <span className="byline__job">{author.jobTitle}</span>}
                </p>
              )}
              <ArticleMeta publishedAt={articleDate(article)} readingTimeMinutes={article.readingTimeMinutes}>
                <CommentCount articleDocumentId={article.documentId} commentsEnabled={article.commentsEnabled} />
              </ArticleMeta>
            </div>
          </div>
          <ArticleTrust
            author={author}
            reviewer={article.reviewer}
            lastReviewedAt={article.lastReviewedAt}
            nextReviewDueAt={article.nextReviewDueAt}
            conflictOfInterest={article.conflictOfInterest}
          />
        </header>
        {cover && (
          <ResponsiveImage className="article__cover" image={cover} sizes="(min-width: 56rem) 56rem, 100vw" priority />
        )}
        <div className="prose">
          <BlocksRenderer blocks={body ?? []} />
        </div>
        <footer className="article__footer">
          <ArticleReferences references={references} />
          <ArticleDisclaimer disclaimer={site?.disclaimer} />
          <ShareLinks url={url} title={title} />
          <RelatedArticles articles={relatedArticles} />
        </footer>
      </article>
      <div id={AFTER_ID} ref={after} className="container article-after">
        <LazyArticleAfter
          documentId={article.documentId}
          slug={slug}
          commentsEnabled={article.commentsEnabled}
          // A preview's draft has no closing time: the CMS adds it to published articles only.
          commentsCloseAt={article.commentsCloseAt ?? null}
          preview={preview}
        />
      </div>
    </>
  );
}

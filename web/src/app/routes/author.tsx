import { useParams } from 'react-router-dom';
import { JsonLd } from '@/components/seo/JsonLd';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { SITE_URL } from '@/config/env';
import { useArticleFeed } from '@/features/articles/api/get-articles';
import { ArticleFeed } from '@/features/articles/components/ArticleFeed';
import { useAuthor } from '@/features/authors/api/get-author';
import { PageHead } from '@/features/site/components/PageHead';
import { mediaUrl } from '@/lib/media';
import { paths } from '@/lib/paths';
import NotFoundRoute from './not-found';

/** An author's page: who they are, their qualifications, and the articles they wrote. */
export default function AuthorRoute() {
  const { slug } = useParams() as { slug: string };
  const { data: author } = useAuthor(slug);
  const feed = useArticleFeed({ author: slug });
  if (!author) return <NotFoundRoute />;

  const path = paths.author(slug);
  const description = [author.credentials, author.jobTitle].filter(Boolean).join(', ');
  return (
    <div className="container">
      <PageHead title={author.name} description={author.bio ?? description} path={path} image={author.avatar} />
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Person',
          name: author.name,
          url: `${SITE_URL}${path}`,
          image: author.avatar ? mediaUrl(author.avatar.url) : undefined,
          jobTitle: author.jobTitle ?? undefined,
          honorificSuffix: author.credentials ?? undefined,
          description: author.bio ?? undefined,
        }}
      />
      <header className="page-header author">
        {author.avatar && (
          <ResponsiveImage
            className="author__photo"
            image={{ ...author.avatar, alternativeText: author.avatar.alternativeText || author.name }}
            sizes="8rem"
            priority
          />
        )}
        <div>
          <p className="eyebrow">Author</p>
          <h1>{author.name}</h1>
          {description && <p className="author__credentials">{description}</p>}
          {author.bio && <p className="page-header__lede">{author.bio}</p>}
        </div>
      </header>
      <h2 className="section-title">Articles by {author.name}</h2>
      <ArticleFeed feed={feed} headingLevel={3} emptyMessage={`${author.name} has not published an article yet.`} />
    </div>
  );
}

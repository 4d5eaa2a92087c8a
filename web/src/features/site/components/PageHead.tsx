import { SITE_URL } from '@/config/env';
import { useGlobal } from '@/features/site/api/get-global';
import { pageTitle } from '@/features/site/lib/page-title';
import { mediaUrl, type Image } from '@/lib/media';

/** The site's own share card (web/public), for pages and sites without a picture of their own. */
const SITE_CARD: Image = {
  url: '/share-default.png',
  width: 1200,
  height: 630,
  alternativeText: 'A bridge under a medical cross',
  formats: null,
};

interface PageHeadProps {
  /** The page's own title; the site name is added after it. */
  title?: string;
  description?: string | null;
  /** The page's path, for its canonical URL. */
  path: string;
  image?: Image | null;
  type?: 'website' | 'article';
  /** Pages search engines should not list (search results, errors). */
  noindex?: boolean;
}

/**
 * The page's <title>, description, canonical URL and social cards. React 19 hoists these tags
 * into <head> wherever they are rendered; the site settings fill in what the page leaves out.
 */
export function PageHead({ title, description, path, image, type = 'website', noindex = false }: PageHeadProps) {
  const { data: site } = useGlobal();
  const siteName = site?.siteName;
  const fullTitle = pageTitle(title, siteName);
  const summary = description || site?.defaultSeo?.metaDescription || site?.tagline || undefined;
  // Link previews always get a picture: the page's, the site's default, or the site's own card.
  const shareImage = image ?? site?.defaultSeo?.shareImage ?? SITE_CARD;
  const imageUrl = shareImage === SITE_CARD ? `${SITE_URL}${SITE_CARD.url}` : mediaUrl(shareImage.url);
  const url = `${SITE_URL}${path}`;

  return (
    <>
      {fullTitle && <title>{fullTitle}</title>}
      {summary && <meta name="description" content={summary} />}
      <link rel="canonical" href={url} />
      {noindex && <meta name="robots" content="noindex" />}
      <meta property="og:type" content={type} />
      <meta property="og:url" content={url} />
      {fullTitle && <meta property="og:title" content={title ?? fullTitle} />}
      {summary && <meta property="og:description" content={summary} />}
      {siteName && <meta property="og:site_name" content={siteName} />}
      <meta property="og:image" content={imageUrl} />
      {shareImage.width && <meta property="og:image:width" content={String(shareImage.width)} />}
      {shareImage.height && <meta property="og:image:height" content={String(shareImage.height)} />}
      {shareImage.alternativeText && <meta property="og:image:alt" content={shareImage.alternativeText} />}
      <meta name="twitter:card" content="summary_large_image" />
      {fullTitle && <meta name="twitter:title" content={title ?? fullTitle} />}
      {summary && <meta name="twitter:description" content={summary} />}
      <meta name="twitter:image" content={imageUrl} />
    </>
  );
}

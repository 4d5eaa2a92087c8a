import { SITE_URL } from '@/config/env';
import { useGlobal } from '@/features/site/api/get-global';
import { mediaUrl, type Image } from '@/lib/media';

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
  const fullTitle = [title, siteName].filter(Boolean).join(' | ');
  const summary = description || site?.defaultSeo?.metaDescription || site?.tagline || undefined;
  const shareImage = image ?? site?.defaultSeo?.shareImage;
  const imageUrl = shareImage ? mediaUrl(shareImage.url) : undefined;
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
      {imageUrl && <meta property="og:image" content={imageUrl} />}
      {imageUrl && shareImage?.alternativeText && <meta property="og:image:alt" content={shareImage.alternativeText} />}
      <meta name="twitter:card" content={imageUrl ? 'summary_large_image' : 'summary'} />
      {fullTitle && <meta name="twitter:title" content={title ?? fullTitle} />}
      {summary && <meta name="twitter:description" content={summary} />}
      {imageUrl && <meta name="twitter:image" content={imageUrl} />}
    </>
  );
}

import { articleDate, type Audience, type Global } from '@medblog/shared';
import { SITE_URL } from '@/config/env';
import type { ArticleDetail, ArticlePerson } from '@/features/articles/api/article-fields';
import { mediaUrl } from '@/lib/media';
import { paths } from '@/lib/paths';
import { referenceLinks } from './references';

/** schema.org's words for each audience (Clinician is one of its MedicalAudienceType values). */
const AUDIENCE_TYPES: Record<Audience, string> = {
  students: 'Medical students',
  doctors: 'Clinician',
  public: 'General public',
};

const person = ({ name, slug, jobTitle, credentials }: ArticlePerson) => ({
  '@type': 'Person',
  name,
  url: `${SITE_URL}${paths.author(slug)}`,
  jobTitle: jobTitle ?? undefined,
  honorificSuffix: credentials ?? undefined,
});

/**
 * An article's page for search engines (schema.org): a medical web page, with who reviewed it and
 * when and for whom it is written, whose main entity is the article with its author and sources.
 * Only public fields appear.
 */
export function articleStructuredData(article: ArticleDetail, site: Global | undefined) {
  const { title, slug, excerpt, seo, cover, author, reviewer, references = [] } = article;
  const description = seo?.metaDescription || excerpt;
  const image = seo?.shareImage ?? cover;
  const datePublished = articleDate(article);
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: `${SITE_URL}${paths.article(slug)}`,
    name: title,
    reviewedBy: reviewer ? person(reviewer) : undefined,
    lastReviewed: article.lastReviewedAt ?? undefined,
    medicalAudience: article.audience
      ? { '@type': 'MedicalAudience', audienceType: AUDIENCE_TYPES[article.audience] }
      : undefined,
    mainEntity: {
      '@type': 'Article',
      headline: title,
      description: description ?? undefined,
      image: image ? [mediaUrl(image.url)] : undefined,
      datePublished,
      // An imported post can carry a publication date later than its last save here.
      dateModified: Date.parse(article.updatedAt) > Date.parse(datePublished) ? article.updatedAt : datePublished,
      author: author ? person(author) : undefined,
      publisher: site ? { '@type': 'Organization', name: site.siteName } : undefined,
      citation: references.length
        ? references.map((reference) => ({
            '@type': 'CreativeWork',
            name: reference.citation,
            url: referenceLinks(reference)[0]?.href,
          }))
        : undefined,
    },
  };
}

/**
 * The article's search result as the site makes it (web: PageHead and the article route): the SEO
 * title or else the article's title, the SEO description or else the summary, and how each SEO
 * field stands against the length search engines show.
 */
import { LIMITS } from '@medblog/shared';

export interface ArticleSeoValues {
  title?: string | null;
  slug?: string | null;
  excerpt?: string | null;
  seo?: { metaTitle?: string | null; metaDescription?: string | null } | null;
}

export interface LengthCount {
  /** "43/60" */
  count: string;
  state: 'ok' | 'empty' | 'over';
  /** What the editor should know, when not ok. */
  advice?: string;
}

function lengthCount(value: string, max: number, fallback: string, cut: string): LengthCount {
  const length = value.trim().length;
  const count = `${length}/${max}`;
  if (length === 0) return { count, state: 'empty', advice: `Empty: ${fallback} is shown instead.` };
  if (length > max) return { count, state: 'over', advice: `${length - max} too many: ${cut}` };
  return { count, state: 'ok' };
}

/** Cut to what a search engine shows, at a word, with "…". */
function shown(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

export function seoPreview({ title, slug, excerpt, seo }: ArticleSeoValues) {
  const metaTitle = seo?.metaTitle ?? '';
  const metaDescription = seo?.metaDescription ?? '';
  return {
    title: shown(metaTitle.trim() || title?.trim() || 'Untitled article', LIMITS.seoMetaTitle),
    path: `articles › ${slug?.trim() || 'made-from-the-title'}`,
    description: shown(
      metaDescription.trim() || excerpt?.trim() || 'The start of the text, once the article is saved.',
      LIMITS.seoMetaDescription,
    ),
    metaTitle: lengthCount(metaTitle, LIMITS.seoMetaTitle, 'the article’s title', 'search engines cut the rest.'),
    metaDescription: lengthCount(
      metaDescription,
      LIMITS.seoMetaDescription,
      'the summary',
      'search engines cut the rest.',
    ),
  };
}

import { describe, expect, it } from 'vitest';
import { seoPreview } from './seo-preview';

describe('the search result preview', () => {
  it('shows the SEO title and description, counted against 60 and 160 characters', () => {
    const preview = seoPreview({
      title: 'A Practical Study Plan for USMLE Step 2 CK',
      slug: 'usmle-step-2-ck-study-plan',
      excerpt: 'The summary.',
      seo: { metaTitle: 'USMLE Step 2 CK: a 12-week study plan', metaDescription: 'How to time Step 2 CK.' },
    });
    expect(preview.title).toBe('USMLE Step 2 CK: a 12-week study plan');
    expect(preview.path).toBe('articles › usmle-step-2-ck-study-plan');
    expect(preview.description).toBe('How to time Step 2 CK.');
    expect(preview.metaTitle).toEqual({ count: '37/60', state: 'ok' });
    expect(preview.metaDescription).toEqual({ count: '22/160', state: 'ok' });
  });

  it('falls back to the article’s title and summary as the site does, and says so', () => {
    const preview = seoPreview({ title: 'Night shifts', excerpt: 'Sleep first.', seo: { metaTitle: ' ' } });
    expect(preview.title).toBe('Night shifts');
    expect(preview.description).toBe('Sleep first.');
    expect(preview.metaTitle).toEqual({
      count: '0/60',
      state: 'empty',
      advice: 'Empty: the article’s title is shown instead.',
    });
    expect(preview.metaDescription.state).toBe('empty');
  });

  it('warns when a field is longer than search engines show, and cuts the preview there', () => {
    const long = 'Word '.repeat(15).trim(); // 74 characters
    const preview = seoPreview({ title: 'T', seo: { metaTitle: long } });
    expect(preview.metaTitle).toEqual({
      count: '74/60',
      state: 'over',
      advice: '14 too many: search engines cut the rest.',
    });
    expect(preview.title.length).toBeLessThanOrEqual(60);
    expect(preview.title.endsWith('Word…')).toBe(true);
  });
});

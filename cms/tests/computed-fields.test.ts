/** Slug, reading time and excerpt are filled by the server on every save, whoever saves. */
import { describe, expect, it } from 'vitest';
import { bootStrapi, api } from './helpers/strapi';
import { readingTimeMinutes, excerptFrom } from '../src/documents/blocks';
import { slugify } from '../src/documents/slug';

const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('USMLE Step 2 CK: A Study Plan & Timeline')).toBe('usmle-step-2-ck-a-study-plan-and-timeline');
    expect(slugify('Électives à l’étranger')).toBe('electives-a-l-etranger');
    expect(slugify('  --  ')).toBe('');
  });
});

describe('reading time and excerpt', () => {
  it('counts about 200 words a minute, at least one minute for any text', () => {
    expect(readingTimeMinutes([paragraph(words(1000))])).toBe(5);
    expect(readingTimeMinutes([paragraph('Short.')])).toBe(1);
    expect(readingTimeMinutes([])).toBe(0);
  });

  it('takes the first paragraph, cut at a word boundary', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Heading' }] },
      paragraph(words(100)),
    ];
    const excerpt = excerptFrom(blocks, 320)!;
    expect(excerpt.length).toBeLessThanOrEqual(320);
    expect(excerpt).toMatch(/^word0 word1 .*word\d+…$/);
  });
});

describe('on save', () => {
  it('generates a unique slug from the title when the editor gives none', async () => {
    const strapi = await bootStrapi();
    const articles = strapi.documents('api::article.article');
    const first = await articles.create({
      data: { title: 'Residency Interviews: What to Expect', body: [paragraph(words(450))] },
    });
    const second = await articles.create({
      data: { title: 'Residency interviews — what to expect', body: [paragraph('Hi')] },
    });
    expect(first.slug).toBe('residency-interviews-what-to-expect');
    expect(second.slug).toBe('residency-interviews-what-to-expect-2');

    // Saving the same article again keeps its slug; a given slug is kept but made unique.
    const resaved = await articles.update({
      documentId: first.documentId,
      data: { title: first.title!, slug: first.slug! },
    });
    expect(resaved!.slug).toBe(first.slug);
    const given = await articles.create({ data: { title: 'Other', slug: first.slug! } });
    expect(given.slug).toBe('residency-interviews-what-to-expect-3');
  });

  it('computes reading time on every save and derives the excerpt only when it is empty', async () => {
    const strapi = await bootStrapi();
    const articles = strapi.documents('api::article.article');
    const created = await articles.create({ data: { title: 'Reading time probe', body: [paragraph(words(600))] } });
    expect(created.readingTimeMinutes).toBe(3);
    expect(created.excerpt).toMatch(/^word0 word1/);

    const updated = await articles.update({
      documentId: created.documentId,
      data: { body: [paragraph(words(1400))], excerpt: 'Written by the editor.' },
    });
    expect(updated!.readingTimeMinutes).toBe(7);
    expect(updated!.excerpt).toBe('Written by the editor.');
  });

  it('fills category and author slugs too', async () => {
    const strapi = await bootStrapi();
    const category = await strapi
      .documents('api::category.category')
      .create({ data: { name: 'Research & Publications' } });
    expect(category.slug).toBe('research-and-publications');
    const author = await strapi.documents('api::author.author').create({ data: { name: 'Dr. Ananya Iyer' } });
    expect(author.slug).toBe('dr-ananya-iyer');
  });

  it('serves the computed fields of the demo articles', async () => {
    const request = await api();
    const response = await request
      .get('/api/articles')
      .query({ 'fields[0]': 'slug', 'fields[1]': 'excerpt', 'fields[2]': 'readingTimeMinutes' });
    expect(response.body.data.length).toBeGreaterThanOrEqual(6);
    for (const article of response.body.data) {
      expect(article.slug).toMatch(/^[a-z0-9-]+$/);
      expect(article.excerpt.length).toBeGreaterThan(40);
      expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(3);
    }
  });
});

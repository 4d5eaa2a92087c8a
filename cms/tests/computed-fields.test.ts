/** Slug, reading time and excerpt are filled by the server on every save, whoever saves. */
import { describe, expect, it } from 'vitest';
import { bootStrapi, api } from './helpers/strapi';
import { readingTimeMinutes, excerptFrom } from '../src/platform/blocks';
import { slugify } from '../src/features/articles/server/slug';

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

  it('takes the first paragraph whole when it fits', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Heading' }] },
      paragraph('Short first paragraph. It fits.'),
      paragraph('Second paragraph.'),
    ];
    expect(excerptFrom(blocks, 320)).toBe('Short first paragraph. It fits.');
  });

  it('ends a longer paragraph at the last sentence that fits, never mid-phrase', () => {
    const text =
      'A rotation passes quickly. Set three clear goals before it starts! Does it work? ' +
      'It does, and you will come away with far more than a signed attendance sheet at the end.';
    expect(excerptFrom([paragraph(text)], 100)).toBe(
      'A rotation passes quickly. Set three clear goals before it starts! Does it work?',
    );
    // A closing quote stays with its sentence.
    expect(excerptFrom([paragraph('He said “ask early.” Then he left the ward for the night.')], 40)).toBe(
      'He said “ask early.”',
    );
  });

  it('does not take a title or an initial for the end of a sentence', () => {
    const text = 'Ask Dr. Rao or Prof. A. Iyer about electives. They answer within a week, usually sooner than that.';
    expect(excerptFrom([paragraph(text)], 60)).toBe('Ask Dr. Rao or Prof. A. Iyer about electives.');
    expect(excerptFrom([paragraph('Ask Dr. Rao about the logbook before the posting starts.')], 31)).toBe(
      'Ask Dr. Rao about the logbook…',
    );
  });

  it('cuts a first sentence longer than the limit at a word boundary, with "…"', () => {
    const excerpt = excerptFrom([paragraph(`${words(100)}. Second sentence.`)], 320)!;
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

  it('makes an excerpt cut by the earlier word rule again on the next save, and keeps the editor’s own', async () => {
    const strapi = await bootStrapi();
    const articles = strapi.documents('api::article.article');
    const text = `Logbooks feel like paperwork. Then ${words(80)}.`;
    const created = await articles.create({ data: { title: 'Excerpt probe', body: [paragraph(text)] } });
    expect(created.excerpt).toBe('Logbooks feel like paperwork.');

    // Stored before sentences were kept whole: cut mid-phrase. The admin sends it back with the form.
    const cut = text.slice(0, 319);
    const oldCut = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
    await strapi.db.query('api::article.article').updateMany({
      where: { documentId: created.documentId },
      data: { excerpt: oldCut },
    });
    const resaved = await articles.update({
      documentId: created.documentId,
      data: { title: 'Excerpt probe', body: [paragraph(text)], excerpt: oldCut },
    });
    expect(resaved!.excerpt).toBe('Logbooks feel like paperwork.');

    // A made excerpt follows the body; one the editor wrote stays.
    const edited = await articles.update({
      documentId: created.documentId,
      data: { body: [paragraph(`Interns often skip the logbook. Then ${words(80)}.`)], excerpt: resaved!.excerpt! },
    });
    expect(edited!.excerpt).toBe('Interns often skip the logbook.');
    await articles.update({ documentId: created.documentId, data: { excerpt: 'My own words.' } });
    const kept = await articles.update({ documentId: created.documentId, data: { body: [paragraph(text)] } });
    expect(kept!.excerpt).toBe('My own words.');
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

/**
 * Medical trust: who reviewed an article and when, its references, its audience and the site's
 * disclaimer reach the public API; a reviewer's registration number never does. References with a
 * DOI or PMID of the wrong shape, and covers without alternative text, are refused with a 400.
 * The demo content has covers in several sizes and a portrait of each author.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { reviewsDueListPath } from '@medblog/shared';
import { articles as demoArticles, authors as demoAuthors } from '../src/features/seed/server/content';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const DEMO = demoArticles.find((article) => article.slug === 'usmle-step-1-where-to-begin')!;

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let admin: { Authorization: string };

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  admin = await newAdminHeaders('strapi-super-admin', 'trust-admin');
});

/** The published demo article as the site's article page asks for it. */
async function publicArticle(query: Record<string, string> = {}) {
  const response = await request.get('/api/articles').query({ 'filters[slug][$eq]': DEMO.slug, ...query });
  expect(response.status).toBe(200);
  return response.body.data[0];
}

describe('public API', () => {
  it('gives the review trail, references, audience and conflicts of interest', async () => {
    const article = await publicArticle({
      'fields[0]': 'lastReviewedAt',
      'fields[1]': 'nextReviewDueAt',
      'fields[2]': 'audience',
      'fields[3]': 'conflictOfInterest',
      'populate[reviewer][fields][0]': 'name',
      'populate[reviewer][fields][1]': 'credentials',
      'populate[references]': 'true',
    });
    expect(article).toMatchObject({
      lastReviewedAt: DEMO.lastReviewedAt,
      nextReviewDueAt: DEMO.nextReviewDueAt,
      audience: 'students',
      conflictOfInterest: DEMO.conflictOfInterest,
      reviewer: { name: 'Dr. Daniel Okafor', credentials: 'MBBS, MD (Internal Medicine)' },
    });
    expect(article.references.map(({ id: _id, ...reference }: { id: number }) => reference)).toEqual(
      DEMO.references.map((reference) => ({ url: null, doi: null, pmid: null, ...reference })),
    );
  });

  it('never shows a registration number, nor lets it be asked for or matched', async () => {
    const article = await publicArticle({ 'populate[reviewer]': 'true', 'populate[author]': 'true' });
    expect(article.reviewer.name).toBe('Dr. Daniel Okafor');
    expect(JSON.stringify(article)).not.toMatch(/registrationNumber|KMC 118430|TNMC 74512/);

    const authors = await request.get('/api/authors');
    expect(authors.status).toBe(200);
    expect(authors.body.data[0]).toHaveProperty('credentials');
    expect(JSON.stringify(authors.body)).not.toContain('registrationNumber');

    for (const query of [
      { 'fields[0]': 'registrationNumber' },
      { 'filters[registrationNumber][$startsWith]': 'K' },
      { sort: 'registrationNumber' },
    ]) {
      const refused = await request.get('/api/authors').query(query);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('"registrationNumber" is not a public field');
    }
    const throughArticle = await request
      .get('/api/articles')
      .query({ 'filters[reviewer][registrationNumber][$eq]': 'KMC 118430' });
    expect(throughArticle.status).toBe(400);
  });

  it('gives the site-wide disclaimer with the site settings', async () => {
    const response = await request.get('/api/global');
    expect(response.status).toBe(200);
    expect(response.body.data.disclaimer).toMatch(/not medical advice/);
  });
});

describe('references an editor saves', () => {
  /** A new draft article saved in the content manager, as an editor would. */
  const saveArticle = (data: Record<string, unknown>) =>
    request
      .post(ARTICLES)
      .set(admin)
      .send({ title: `Trust check ${Date.now()}`, ...data });
  const articleCount = () => strapi.db.query('api::article.article').count();

  it.each([
    ['a DOI with its https://doi.org/ prefix', { doi: 'https://doi.org/10.1000/182' }, 'doi', /must be a DOI such as/],
    ['a DOI without a registrant', { doi: '10./abc' }, 'doi', /must be a DOI such as/],
    ['a PMID with letters', { pmid: 'PMC123' }, 'pmid', /must be a PubMed ID: digits only/],
    ['a PMID too long', { pmid: '123456789' }, 'pmid', /must be a PubMed ID: digits only/],
    ['a PMID of zero', { pmid: '0' }, 'pmid', /must be a PubMed ID/],
    ['a web address without a scheme', { url: 'www.who.int' }, 'url', /full web address/],
  ])('%s: 400 naming the reference and the field, nothing stored', async (_case, fields, field, message) => {
    const before = await articleCount();
    const response = await saveArticle({
      references: [
        { citation: 'A sound source.', doi: '10.1056/NEJMoa2034577' },
        { citation: 'The bad one.', ...fields },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.message).toContain(`references[1].${field}`);
    expect(response.body.error.details.errors[0].path).toEqual(['references', '1', field]);
    expect(await articleCount()).toBe(before);
  });

  it('stores well-formed DOIs, PMIDs and web addresses, trimmed', async () => {
    const response = await saveArticle({
      references: [
        { citation: 'With a DOI.', doi: ' 10.1136/bmj.m1234 ' },
        { citation: 'With a PMID.', pmid: '31978945' },
        { citation: 'A web page.', url: 'https://www.who.int/publications' },
      ],
    });
    expect(response.status).toBe(201);
    expect(
      response.body.data.references.map(({ doi, pmid, url }: Record<string, string | null>) => ({ doi, pmid, url })),
    ).toEqual([
      { doi: '10.1136/bmj.m1234', pmid: null, url: null },
      { doi: null, pmid: '31978945', url: null },
      { doi: null, pmid: null, url: 'https://www.who.int/publications' },
    ]);
  });
});

describe('reviews due', () => {
  it("the admin's Reviews due link lists the articles due for review by that day, most overdue first", async () => {
    const listed = async (day: string) => {
      const response = await request.get(reviewsDueListPath(day)).set(admin);
      expect(response.status).toBe(200);
      return response.body.results.map((article: { slug: string }) => article.slug);
    };
    expect(await listed('2026-12-01')).toEqual(['usmle-step-1-where-to-begin']);
    expect(await listed('2027-01-31')).toEqual([
      'usmle-step-1-where-to-begin',
      'documents-for-an-international-elective',
    ]);
  });
});

describe('cover images', () => {
  /** An image in the media library, as an editor uploads it. */
  async function upload(alternativeText: string | null) {
    const response = await request
      .post('/upload')
      .set(admin)
      .field('fileInfo', JSON.stringify({ alternativeText }))
      .attach('files', await sharpPng(), { filename: 'cover.png', contentType: 'image/png' });
    expect(response.status).toBe(201);
    return response.body[0].id as number;
  }
  const sharpPng = async () => {
    const { default: sharp } = await import('sharp');
    return sharp({ create: { width: 64, height: 36, channels: 3, background: '#9cc9c1' } })
      .png()
      .toBuffer();
  };

  it('refuses a cover without alternative text with a 400 and keeps the article as it was', async () => {
    const article = await strapi.documents('api::article.article').findFirst({ status: 'draft', populate: ['cover'] });
    const bare = await upload(null);
    const blank = await upload('   ');
    for (const cover of [bare, blank]) {
      const response = await request.put(`${ARTICLES}/${article!.documentId}`).set(admin).send({ cover });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^cover: the cover image has no alternative text/);
    }
    const after = await strapi
      .documents('api::article.article')
      .findOne({ documentId: article!.documentId, status: 'draft', populate: ['cover'] });
    expect(after?.cover?.id).toBe(article!.cover?.id);

    const described = await upload('A calm teal circle');
    const saved = await request.put(`${ARTICLES}/${article!.documentId}`).set(admin).send({ cover: described });
    expect(saved.status).toBe(200);
  });
});

describe('demo pictures', () => {
  it('gives every demo article a described cover in several sizes', async () => {
    const response = await request.get('/api/articles').query({
      'fields[0]': 'slug',
      'populate[cover][fields][0]': 'alternativeText',
      'populate[cover][fields][1]': 'formats',
      'populate[cover][fields][2]': 'width',
      'pagination[pageSize]': '50',
    });
    const seeded = response.body.data.filter((a: { slug: string }) => demoArticles.some((d) => d.slug === a.slug));
    expect(seeded).toHaveLength(demoArticles.filter((article) => !article.draft).length);
    for (const { cover } of seeded) {
      expect(cover.width).toBe(1600);
      expect(cover.alternativeText).toMatch(/^Abstract illustration/);
      expect(Object.keys(cover.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    }
  });

  it('gives every demo author a portrait', async () => {
    const response = await request
      .get('/api/authors')
      .query({ 'fields[0]': 'slug', 'populate[avatar][fields][0]': 'url', 'populate[avatar][fields][1]': 'formats' });
    for (const { slug } of demoAuthors) {
      const author = response.body.data.find((candidate: { slug: string }) => candidate.slug === slug);
      expect(author.avatar.url).toMatch(/^\/uploads\/portrait_/);
      expect(author.avatar.formats).toHaveProperty('small');
    }
  });
});

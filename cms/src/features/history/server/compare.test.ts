import { describe, expect, it } from 'vitest';
import { blocksToText, changedFields, compareSnapshots, describeChanges, type Snapshot } from './compare';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const base: Snapshot = {
  title: 'Preparing for USMLE Step 1',
  slug: 'preparing-for-usmle-step-1',
  excerpt: null,
  body: [paragraph('Start with physiology.')],
  cover: null,
  category: { id: 'cat1', label: 'USMLE' },
  author: null,
  reviewer: null,
  relatedArticles: [],
  seo: null,
  featured: false,
  commentsEnabled: true,
  originalPublishedAt: null,
  lastReviewedAt: null,
  nextReviewDueAt: null,
  references: [],
  conflictOfInterest: null,
  audience: null,
};

describe('changedFields', () => {
  it('names the fields that differ, related entries by id only', () => {
    const after = { ...base, title: 'Planning USMLE Step 1', category: { id: 'cat1', label: 'USMLE exams' } };
    expect(changedFields(base, after)).toEqual(['title']);
    expect(changedFields(base, { ...after, category: { id: 'cat2', label: 'Internships' } })).toEqual([
      'title',
      'category',
    ]);
  });

  it('sees no change in the same content with its keys in another order, as jsonb stores a version', () => {
    const filled: Snapshot = {
      ...base,
      seo: { metaTitle: 'USMLE Step 1', metaDescription: 'Where to begin', shareImage: null },
      references: [{ citation: 'NBME. Content outline.', url: 'https://www.usmle.org', doi: null, pmid: null }],
    };
    const stored = JSON.parse(JSON.stringify(filled)) as Snapshot;
    stored.seo = { shareImage: null, metaTitle: 'USMLE Step 1', metaDescription: 'Where to begin' };
    stored.references = [{ doi: null, url: 'https://www.usmle.org', pmid: null, citation: 'NBME. Content outline.' }];
    expect(changedFields(stored, filled)).toEqual([]);
    expect(compareSnapshots(stored, filled)).toEqual([]);
    expect(changedFields(stored, { ...filled, seo: { ...filled.seo!, metaTitle: 'Step 1' } })).toEqual(['seo']);
  });

  it('counts an empty text as no text', () => {
    expect(changedFields(base, { ...base, excerpt: '' })).toEqual([]);
  });

  it('names, for a first version, the fields that have a value', () => {
    expect(changedFields(null, base)).toEqual(['title', 'slug', 'body', 'category', 'featured', 'commentsEnabled']);
  });
});

describe('describeChanges', () => {
  it('lists the labels editors know', () => {
    expect(describeChanges(['title'])).toBe('Title');
    expect(describeChanges(['title', 'body', 'seo'])).toBe('Title, Text and Search engines and sharing');
    expect(describeChanges([])).toBe('No content changes');
  });
});

describe('blocksToText', () => {
  it('gives one line per paragraph, heading and list item', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Timeline' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Read ' },
          { type: 'text', text: 'First Aid', bold: true },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Anatomy' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Pathology' }] },
        ],
      },
    ];
    expect(blocksToText(blocks)).toBe('# Timeline\nRead First Aid\n• Anatomy\n• Pathology');
  });
});

describe('compareSnapshots', () => {
  it('marks the words deleted and inserted in each changed field', () => {
    const after = {
      ...base,
      body: [paragraph('Start with anatomy.')],
      category: { id: 'cat2', label: 'Internships' },
      featured: true,
    };
    const fields = compareSnapshots(base, after);
    expect(fields.map(({ field, before, after: now }) => [field, before, now])).toEqual([
      ['body', 'Start with physiology.', 'Start with anatomy.'],
      ['category', 'USMLE', 'Internships'],
      ['featured', 'No', 'Yes'],
    ]);
    const body = fields[0].parts;
    expect(body.filter((part) => part.removed).map((part) => part.value)).toEqual(['physiology']);
    expect(body.filter((part) => part.added).map((part) => part.value)).toEqual(['anatomy']);
    expect(body.map((part) => part.value).join('')).toContain('Start with ');
  });

  it('writes references and search settings out as lines', () => {
    const after = {
      ...base,
      references: [
        { citation: 'Smith J. Sleep and learning. BMJ 2020.', url: null, doi: '10.1136/bmj.m1234', pmid: null },
      ],
      seo: { metaTitle: 'USMLE Step 1', metaDescription: null, shareImage: { id: 4, label: 'cover.jpg' } },
    };
    const fields = compareSnapshots(base, after);
    expect(fields.map((f) => f.after)).toEqual([
      '1. Smith J. Sleep and learning. BMJ 2020. · DOI 10.1136/bmj.m1234',
      'Title in search results: USMLE Step 1\nPicture when shared: cover.jpg',
    ]);
  });

  it('writes dates day first and the audience in words', () => {
    const after = {
      ...base,
      lastReviewedAt: '2026-10-05',
      nextReviewDueAt: '2027-04-01',
      originalPublishedAt: '2019-03-02T09:30:00.000Z',
      audience: 'doctors',
    };
    expect(compareSnapshots(base, after).map((f) => [f.field, f.after])).toEqual([
      ['lastReviewedAt', '5 Oct 2026'],
      ['nextReviewDueAt', '1 Apr 2027'],
      ['audience', 'Doctors'],
      ['originalPublishedAt', '2 Mar 2019, 09:30 UTC'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { articles, site } from '@/testing/fixtures';
import { articleStructuredData } from './structured-data';

const dates = (changes: Partial<(typeof articles)[number]>) => {
  const { datePublished, dateModified } = articleStructuredData({ ...articles[1]!, ...changes }, site).mainEntity;
  return { datePublished, dateModified };
};

describe("an article's dates for search engines", () => {
  it.each([
    [
      'an article edited after it was published',
      { publishedAt: '2026-03-07T12:00:00.000Z', originalPublishedAt: null, updatedAt: '2026-04-02T08:00:00.000Z' },
      { datePublished: '2026-03-07T12:00:00.000Z', dateModified: '2026-04-02T08:00:00.000Z' },
    ],
    [
      'an imported post: its old date, then the import',
      {
        publishedAt: '2026-06-01T10:00:00.000Z',
        originalPublishedAt: '2014-02-11T07:30:00.000Z',
        updatedAt: '2026-06-01T10:00:00.000Z',
      },
      { datePublished: '2014-02-11T07:30:00.000Z', dateModified: '2026-06-01T10:00:00.000Z' },
    ],
    [
      'an original date later than its last save here',
      {
        publishedAt: '2026-06-01T10:00:00.000Z',
        originalPublishedAt: '2026-08-15T00:00:00.000Z',
        updatedAt: '2026-06-01T10:00:00.000Z',
      },
      { datePublished: '2026-08-15T00:00:00.000Z', dateModified: '2026-08-15T00:00:00.000Z' },
    ],
    [
      'a last save older than its publication (set by a script)',
      { publishedAt: '2026-03-07T12:00:00.000Z', originalPublishedAt: null, updatedAt: '2026-01-05T09:00:00.000Z' },
      { datePublished: '2026-03-07T12:00:00.000Z', dateModified: '2026-03-07T12:00:00.000Z' },
    ],
  ])('%s: dateModified is never before datePublished', (_, changes, expected) => {
    expect(dates(changes)).toEqual(expected);
  });
});

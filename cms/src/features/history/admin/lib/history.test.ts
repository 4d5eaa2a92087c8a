import { describe, expect, it } from 'vitest';
import { actionLabel, comparePath, defaultPair, historyScreenPath, inOrder, type ArticleVersion } from './history';

const version = (n: number): ArticleVersion => ({
  version: n,
  action: 'save',
  restoredVersion: null,
  changedFields: ['title'],
  changes: 'Title',
  editor: { id: 1, name: 'Asha Rao' },
  createdAt: '2026-03-02T08:00:00.000Z',
});

describe('article history', () => {
  it('says what each version was', () => {
    expect(actionLabel({ action: 'save', restoredVersion: null })).toBe('Saved');
    expect(actionLabel({ action: 'publish', restoredVersion: null })).toBe('Published');
    expect(actionLabel({ action: 'restore', restoredVersion: 3 })).toBe('Restored version 3');
  });

  it('opens on the latest version against the one before', () => {
    expect(defaultPair([version(5), version(4), version(3)])).toEqual({ from: 4, to: 5 });
    expect(defaultPair([version(1)])).toEqual({ from: 1, to: 1 });
    expect(defaultPair([])).toBeNull();
    expect(inOrder(7, 2)).toEqual({ from: 2, to: 7 });
  });

  it('builds the addresses of the screen and the endpoints', () => {
    expect(historyScreenPath('abc 1')).toBe('/article-history/abc%201');
    expect(comparePath('abc', 2, 5)).toBe('/medblog/articles/abc/versions/compare?from=2&to=5');
  });
});

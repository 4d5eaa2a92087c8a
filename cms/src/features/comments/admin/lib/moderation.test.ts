import { describe, expect, it } from 'vitest';
import {
  articleEditPath,
  commentsPath,
  decisionLabel,
  decisionOutcome,
  excerpt,
  keyCommand,
  parsePositiveInt,
  parseStatusFilter,
  pendingSummary,
} from './moderation';

describe('decisionOutcome', () => {
  it('names the count and the decision', () => {
    expect(decisionOutcome('approved', 2, 2)).toEqual({ type: 'success', message: '2 comments approved' });
    expect(decisionOutcome('approved', 1, 1)).toEqual({ type: 'success', message: '1 comment approved' });
    expect(decisionOutcome('rejected', 3, 3).message).toBe('3 comments rejected');
    expect(decisionOutcome('spam', 2, 2).message).toBe('2 comments marked as spam');
    expect(decisionOutcome('pending', 1, 1).message).toBe('1 comment moved back to pending');
  });

  it('does not claim success for comments the server did not change', () => {
    expect(decisionOutcome('approved', 3, 2)).toEqual({
      type: 'warning',
      message: '2 comments approved; 1 could not be changed (deleted, or not yours to moderate).',
    });
    expect(decisionOutcome('spam', 2, 0).type).toBe('warning');
    expect(decisionOutcome('spam', 2, 0).message).toMatch(/^No comment was changed/);
  });
});

describe('labels', () => {
  it('gives each row button a name that says whose comment it acts on', () => {
    expect(decisionLabel('approved', 'Asha Rao')).toBe('Approve comment by Asha Rao');
    expect(decisionLabel('rejected', 'Asha Rao')).toBe('Reject comment by Asha Rao');
    expect(decisionLabel('spam', '  ')).toBe('Mark comment by anonymous as spam');
  });

  it('summarises the queue for the header', () => {
    expect(pendingSummary(0)).toMatch(/^Nothing waiting for moderation/);
    expect(pendingSummary(1)).toMatch(/^1 comment waiting for moderation/);
    expect(pendingSummary(12)).toMatch(/^12 comments waiting for moderation/);
  });
});

describe('URL state', () => {
  it('falls back to the pending queue for an unknown status', () => {
    expect(parseStatusFilter('spam')).toBe('spam');
    expect(parseStatusFilter('all')).toBe('all');
    expect(parseStatusFilter('deleted')).toBe('pending');
    expect(parseStatusFilter(undefined)).toBe('pending');
  });

  it('accepts only positive whole numbers for page and page size', () => {
    expect(parsePositiveInt('3', 1)).toBe(3);
    expect(parsePositiveInt('0', 1)).toBe(1);
    expect(parsePositiveInt('-2', 1)).toBe(1);
    expect(parsePositiveInt('2.5', 1)).toBe(1);
    expect(parsePositiveInt('abc', 20)).toBe(20);
    expect(parsePositiveInt('500', 20, 100)).toBe(100);
  });

  it('builds the request and the article link', () => {
    expect(commentsPath('pending', 2, 50)).toBe('/medblog/comments?status=pending&page=2&pageSize=50');
    expect(commentsPath('all', 1, 20, { q: 'night shifts', article: '', sender: 'a+b@example.net' })).toBe(
      '/medblog/comments?status=all&page=1&pageSize=20&q=night+shifts&sender=a%2Bb%40example.net',
    );
    expect(articleEditPath('abc123')).toBe('/content-manager/collection-types/api::article.article/abc123');
  });
});

describe('excerpt', () => {
  it('keeps short text and shortens long text on one line', () => {
    expect(excerpt('Thank you\nfor this')).toBe('Thank you for this');
    const long = excerpt('word '.repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('keyCommand', () => {
  const press = (key: string, more: Partial<Parameters<typeof keyCommand>[0]> = {}) =>
    keyCommand({ key, ctrlKey: false, altKey: false, metaKey: false, target: null, ...more });

  it('maps j/k/x/a/r/s to moving, selecting and the three decisions', () => {
    expect(['j', 'k', 'x', 'a', 'r', 's'].map((key) => press(key))).toEqual([
      'next',
      'previous',
      'select',
      'approved',
      'rejected',
      'spam',
    ]);
    expect(press('q')).toBeUndefined();
  });

  it("leaves the browser's shortcuts alone", () => {
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('s', { metaKey: true })).toBeUndefined();
  });
});

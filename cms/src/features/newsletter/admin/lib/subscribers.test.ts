import { describe, expect, it } from 'vitest';
import { errorMessage, listPath, removalWarning, resultSummary, topicNames } from './subscribers';

const categories = [
  { slug: 'internships', name: 'Internships' },
  { slug: 'usmle', name: 'USMLE Preparation' },
];

describe('the Subscribers screen', () => {
  it('asks for a search only when something is typed, trimmed', () => {
    expect(listPath('', 1)).toBe('/medblog/subscribers?page=1&pageSize=20');
    expect(listPath('  Priya@Gmail ', 3)).toBe('/medblog/subscribers?q=Priya%40Gmail&page=3&pageSize=20');
  });

  it('names topics by their categories, and no topic as all topics', () => {
    expect(topicNames([], categories)).toBe('All topics');
    expect(topicNames(['usmle', 'internships'], categories)).toBe('USMLE Preparation, Internships');
    expect(topicNames(['gone'], categories)).toBe('gone');
  });

  it('says how many match, and what', () => {
    expect(resultSummary(0, '')).toBe('Nobody has subscribed yet.');
    expect(resultSummary(12, '')).toBe('12 subscribers, newest first.');
    expect(resultSummary(1, ' gmail ')).toBe('1 subscriber has an address containing “gmail”, newest first.');
    expect(resultSummary(0, 'x')).toBe('No address contains “x”.');
  });

  it('warns that a removed address is forgotten', () => {
    expect(removalWarning('a@example.org')).toMatch(/^a@example\.org will be deleted and forgotten/);
  });

  it("shows the server's error message, or what the role may not see", () => {
    expect(errorMessage({ error: { message: 'q: too long' } }, 400)).toBe('q: too long');
    expect(errorMessage(undefined, 403)).toMatch(/may not see/);
  });
});

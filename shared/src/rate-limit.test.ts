import { describe, expect, it } from 'vitest';
import { rateLimitBody, rateLimitMessage } from './rate-limit.js';

describe('rateLimitMessage', () => {
  it('rounds the wait up to whole minutes, at least one', () => {
    expect(rateLimitMessage(540)).toBe('Too many submissions from your connection. Please try again in 9 minute(s).');
    expect(rateLimitMessage(541)).toMatch(/in 10 minute\(s\)/);
    expect(rateLimitMessage(1)).toMatch(/in 1 minute\(s\)/);
  });

  it('names what was counted', () => {
    expect(rateLimitMessage(60, 'requests')).toBe(
      'Too many requests from your connection. Please try again in 1 minute(s).',
    );
  });
});

describe('rateLimitBody', () => {
  it('is a Strapi error body carrying the wait in seconds', () => {
    expect(rateLimitBody(90)).toEqual({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: rateLimitMessage(90), details: { retryAfterSeconds: 90 } },
    });
  });
});

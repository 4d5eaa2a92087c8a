import { describe, expect, it } from 'vitest';
import { normaliseRedirectPath } from './redirects.js';

describe('normaliseRedirectPath', () => {
  it.each([
    ['/old-page/', '/old-page'],
    ['  /old-page  ', '/old-page'],
    ['/blog/2019/05//', '/blog/2019/05'],
    ['/', '/'],
    ['/?p=123', '/?p=123'],
    ['/category/news/?page=2', '/category/news?page=2'],
  ])('%j is stored as %j', (input, stored) => {
    expect(normaliseRedirectPath(input)).toBe(stored);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPageCache, type Answer } from './page-cache';

const page = (body: string, tags = ['articles']): Answer => ({ status: 200, contentType: 'text/html', body, tags });
const options = { maxBytes: 1024 * 1024, freshMs: 60_000, staleWhileRevalidateMs: 60_000, deadlineMs: 1000 };
const neverCalled = () => Promise.reject(new Error('no fallback expected'));

describe('the page cache', () => {
  it('never keeps a page rendered from content older than a purge that came during its render', async () => {
    const cache = createPageCache(options);
    let finishOldRender: (answer: Answer) => void = () => {};
    const oldRender = cache.get('/a', () => new Promise((resolve) => (finishOldRender = resolve)), neverCalled);
    // The CMS changes the article while the old render still waits for its data.
    cache.purge(['articles']);
    finishOldRender(page('old title'));
    expect((await oldRender).answer.body).toBe('old title');

    const next = await cache.get('/a', async () => page('new title'), neverCalled);
    expect(next.state).toBe('miss');
    expect(next.answer.body).toBe('new title');
  });

  it('purges only the pages that show what changed', async () => {
    const cache = createPageCache(options);
    await cache.get('/article-1', async () => page('one', ['comments:one']), neverCalled);
    await cache.get('/article-2', async () => page('two', ['comments:two']), neverCalled);
    expect(cache.purge(['comments:one'])).toBe(1);
    expect((await cache.get('/article-2', async () => page('two again'), neverCalled)).state).toBe('hit');
    expect((await cache.get('/article-1', async () => page('one again'), neverCalled)).answer.body).toBe('one again');
  });

  it('stays within its byte bound however many addresses are asked for', async () => {
    const cache = createPageCache({ ...options, maxBytes: 200_000 });
    for (let index = 0; index < 2000; index += 1) {
      // Different text per page, so compression does not make them tiny.
      const body = Array.from({ length: 200 }, (_, word) => `${index}-${word}-${(index * word) % 97}`).join(' ');
      await cache.get(`/search?q=${index}`, async () => page(body), neverCalled);
    }
    const { entries, bytes } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(200_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(2000);
  });
});

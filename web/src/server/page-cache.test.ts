// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPageCache, type Answer } from './page-cache';

const page = (body: string, tags = ['articles']): Answer => ({ status: 200, contentType: 'text/html', body, tags });
const options = {
  maxBytes: 1024 * 1024,
  freshMs: 60_000,
  staleWhileRevalidateMs: 60_000,
  deadlineMs: 1000,
  shortLifeMs: 60_000,
};
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

  it('keeps a 404, a 410, a redirect and a short-lived answer for shortLifeMs only, a page as long as it fits', async () => {
    const cache = createPageCache({ ...options, shortLifeMs: 100 });
    const answers: Record<string, Answer> = {
      '/page': page('a page'),
      '/missing': { ...page('not found'), status: 404 },
      '/gone': { ...page('gone'), status: 410 },
      '/moved': { ...page(''), status: 301, location: '/page' },
      '/search?q=x': { ...page('results'), shortLived: true },
    };
    for (const [key, answer] of Object.entries(answers)) await cache.get(key, async () => answer, neverCalled);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const states = {} as Record<string, string>;
    for (const [key, answer] of Object.entries(answers))
      states[key] = (await cache.get(key, async () => answer, neverCalled)).state;
    expect(states).toEqual({
      '/page': 'hit',
      '/missing': 'miss',
      '/gone': 'miss',
      '/moved': 'miss',
      '/search?q=x': 'miss',
    });
    // Not asked for again, they leave memory all the same.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(cache.stats().entries).toBe(1);
  });

  it('asks beforeRender only before a render of its own, and renders nothing when it throws', async () => {
    const cache = createPageCache({ ...options, freshMs: 50 });
    let asked = 0;
    const beforeRender = async () => {
      asked += 1;
    };
    let finish: (answer: Answer) => void = () => {};
    const first = cache.get('/a', () => new Promise((resolve) => (finish = resolve)), neverCalled, { beforeRender });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Joins the render already running.
    const joined = cache.get('/a', async () => page('second render'), neverCalled, { beforeRender });
    finish(page('first render'));
    expect([(await first).answer.body, (await joined).answer.body]).toEqual(['first render', 'first render']);
    await cache.get('/a', async () => page('never'), neverCalled, { beforeRender });
    expect(asked).toBe(1);
    // Stale: sent as it is, made again in the background without asking.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await cache.get('/a', async () => page('again'), neverCalled, { beforeRender })).state).toBe('stale');
    expect(asked).toBe(1);

    let rendered = false;
    const refused = cache.get(
      '/b',
      async () => {
        rendered = true;
        return page('b');
      },
      neverCalled,
      {
        beforeRender: async () => {
          throw new Error('over the limit');
        },
      },
    );
    await expect(refused).rejects.toThrow('over the limit');
    expect(rendered).toBe(false);
  });
});

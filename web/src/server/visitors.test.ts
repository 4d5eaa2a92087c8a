// @vitest-environment node
// Who a reader is, and the render limit shared by site servers through Redis (real Redis: REDIS_URL,
// or a throw-away redis-server; those tests are skipped without either).
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisMissing, startTestRedis, type TestRedis } from '../../../cms/scripts/lib/test-redis.mjs';
import { createRenderLimiter, readerAddress, visitorNetwork, type RenderLimiter } from './visitors';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the reader of a request', () => {
  it('is the address that connected, whatever X-Forwarded-For says, unless the site is behind proxies', () => {
    const alone = { behindProxy: false, proxyHops: 1 };
    expect(readerAddress(request('203.0.113.5', '198.51.100.1'), alone)).toBe('203.0.113.5');
    expect(readerAddress(request('::ffff:203.0.113.5'), alone)).toBe('203.0.113.5');
  });

  it('behind PROXY_HOPS proxies, is the first address they added, as the CMS reads it', () => {
    const oneHop = { behindProxy: true, proxyHops: 1 };
    const twoHops = { behindProxy: true, proxyHops: 2 };
    expect(readerAddress(request('10.0.0.2', 'forged, 203.0.113.7'), oneHop)).toBe('203.0.113.7');
    expect(readerAddress(request('10.0.0.2', 'forged, 203.0.113.7, 192.0.2.1'), twoHops)).toBe('203.0.113.7');
    expect(readerAddress(request('10.0.0.2', '203.0.113.7'), twoHops)).toBe('203.0.113.7');
    expect(readerAddress(request('10.0.0.2'), oneHop)).toBe('10.0.0.2');
  });

  it('counts as its IPv4 address or its IPv6 /64', () => {
    expect(visitorNetwork('203.0.113.5')).toBe('203.0.113.5');
    expect(visitorNetwork('2001:db8:aa:1::1')).toBe(visitorNetwork('2001:db8:aa:1:ffff::2'));
    expect(visitorNetwork('2001:db8:aa:1::1')).not.toBe(visitorNetwork('2001:db8:aa:2::1'));
  });
});

describe('the render limit', () => {
  const limit = { max: 3, windowSeconds: 60, keyPrefix: 'unused:', salt: 'test' };

  it('in memory, refuses a reader its renders over the limit with the seconds to wait, and no one else', async () => {
    const limiter = createRenderLimiter({ ...limit, redisUrl: '' });
    const taken = [];
    for (let render = 0; render < 5; render += 1) taken.push(await limiter.take('203.0.113.20'));
    expect(taken.slice(0, 3)).toEqual([0, 0, 0]);
    expect(taken[3]).toBeGreaterThan(0);
    expect(taken[3]).toBeLessThanOrEqual(60);
    expect(await limiter.take('2001:db8:aa:1::1')).toBe(0);
  });

  describe.skipIf(redisMissing)('in Redis', () => {
    let redis: TestRedis;
    const limiters: RenderLimiter[] = [];
    const server = (redisUrl: string) => {
      const limiter = createRenderLimiter({ ...limit, redisUrl, keyPrefix: redis.keyPrefix });
      limiters.push(limiter);
      return limiter;
    };
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(async () => {
      await Promise.all(limiters.map((limiter) => limiter.close()));
      await redis?.stop();
    });

    it('is one limit for a reader however its requests are spread over site servers', async () => {
      const [a, b] = [server(redis.url), server(redis.url)];
      // Each connects on first use: the first command may go to the memory stand-in.
      await a.take('198.51.100.200');
      await b.take('198.51.100.200');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const taken = [await a.take('198.51.100.30'), await b.take('198.51.100.30'), await a.take('198.51.100.30')];
      expect(taken).toEqual([0, 0, 0]);
      expect(await b.take('198.51.100.30')).toBeGreaterThan(0);
      expect(await a.take('198.51.100.31')).toBe(0);
    });

    it('counts in memory while Redis is unreachable, and serves pages meanwhile', async () => {
      const alone = server('redis://127.0.0.1:1');
      const taken = [];
      for (let render = 0; render < 4; render += 1) taken.push(await alone.take('198.51.100.40'));
      expect(taken.slice(0, 3)).toEqual([0, 0, 0]);
      expect(taken[3]).toBeGreaterThan(0);
    });
  });
});

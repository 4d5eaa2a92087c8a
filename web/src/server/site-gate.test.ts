// @vitest-environment node
// The site server's gate, over real HTTP with the fake CMS behind the app's API client: every
// route, spelled in mixed case; asked with headers that could change an answer for the next
// reader; and what must be refused (unsigned purges, a reader's own claims about its address,
// redirects off the site). Requests go out through node:http, so a test sends exactly the headers
// and the raw path it means (fetch adds Accept-Encoding, forbids Host and folds "/./").
import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  PURGE,
  PURGE_TAGS,
  purgeSignedText,
  VISITOR_HOP,
  visitorHopSignedText,
  parseVisitorHop,
} from '@medblog/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stubApi, type StubRequest } from '@/testing/api-stub';
import { fakeCmsState, siteServerRoutes, type FakeCmsState } from '@/testing/fake-cms';
import { articles, authors, categories } from '@/testing/fixtures';

const SECRET = 'test-purge-secret';
// Read by src/server/config.ts when the handler's module loads (below).
process.env.PURGE_SECRET = SECRET;
process.env.RENDER_DEADLINE_MS = '2000';
// The walk renders far more pages than a reader may: the limit is tested on handlers of its own.
process.env.RENDER_RATE_MAX = '100000';

let state: FakeCmsState;
let requests: StubRequest[];
const servers: Server[] = [];
/** The site as configured by default; the limit tests start handlers with settings of their own. */
let site: string;

const REDIRECTS: Record<string, { toPath: string; code?: string }> = {
  '/2024/05/old-post': { toPath: `/articles/${articles[0]!.slug}` },
  '/2019/01/withdrawn-course': { toPath: '/', code: 'gone-410' },
  // Saved before the CMS refused such paths, or written straight into its database.
  '/moved-home': { toPath: '/\\evil.example/landing', code: 'temporary-302' },
};

function cms(): void {
  requests = stubApi({
    ...siteServerRoutes(state, REDIRECTS),
  });
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** One request with exactly these headers and this raw path, from the local address `from`. */
function send(
  origin: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    from = '127.0.0.1',
    body,
  }: {
    method?: string;
    headers?: Record<string, string>;
    from?: string;
    body?: string;
  } = {},
): Promise<Reply> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, path, method, headers, localAddress: from }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: incoming.statusCode!, headers: incoming.headers, body: bytes, text: bytes.toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function signedPurge(tags: string[], { secret = SECRET, path = PURGE.path as string, signedBody = '' } = {}) {
  const body = JSON.stringify({ tags });
  const at = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret)
    .update(purgeSignedText(at, signedBody || body))
    .digest('hex');
  return send(site, path, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', [PURGE.signatureHeader]: `t=${at},v1=${v1}` },
  });
}

const ALL_TAGS = [
  PURGE_TAGS.articles,
  PURGE_TAGS.categories,
  PURGE_TAGS.authors,
  PURGE_TAGS.global,
  PURGE_TAGS.redirects,
  ...articles.map((article) => PURGE_TAGS.comments(article.documentId)),
];

const hopKey = createHmac('sha256', SECRET).update(VISITOR_HOP.keyLabel).digest();
const hopSignature = (at: number, address: string) =>
  createHmac('sha256', hopKey).update(visitorHopSignedText(at, address)).digest('hex');

/** A visitor header as the site server makes it: valid for `address`, now. */
function validHop(address: string): string {
  const at = Math.floor(Date.now() / 1000);
  return `a=${address},t=${at},v1=${hopSignature(at, address)}`;
}

/** The address a visitor header names, when its signature holds; else null. */
function signedAddress(header: string | undefined): string | null {
  if (!header) return null;
  const { address, timestamp, signature } = parseVisitorHop(header);
  if (!address || !timestamp || !signature) return null;
  const at = Number(timestamp);
  if (Math.abs(Date.now() / 1000 - at) > VISITOR_HOP.maxAgeSeconds) return null;
  return signature === hopSignature(at, address) ? address : null;
}

/** Starts a site server on its own port; `options` go to createSiteHandler. */
async function startSite(options: Record<string, unknown> = {}): Promise<string> {
  const { createSiteHandler } = await import('./site-handler');
  const handle = createSiteHandler({ headAssets: () => '', ...options });
  const server = createServer((request, response) => void handle(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  site = await startSite();
});

afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

beforeEach(() => {
  state = fakeCmsState();
  cms();
});

const [article, category, author] = [articles[0]!, categories[0]!, authors[0]!];

/** The site's own addresses, each kind once: pages, documents. */
const SITE_ROUTES: Record<string, string> = {
  home: '/',
  article: `/articles/${article.slug}`,
  category: `/categories/${category.slug}`,
  author: `/authors/${author.slug}`,
  search: '/search?q=usmle',
  enquiry: '/enquiry',
  privacy: '/privacy',
  'editorial policy': '/editorial-policy',
  'site feed': '/feed.xml',
  'category feed': `/categories/${category.slug}/feed.xml`,
  sitemap: '/sitemap.xml',
  'robots.txt': '/robots.txt',
};
/** Addresses the site does not have, answered from the CMS's redirects or as not found. */
const OTHER_ADDRESSES: Record<string, string> = {
  'not found': '/no-such-page',
  'old address, moved (301)': '/2024/05/old-post',
  'old address, gone (410)': '/2019/01/withdrawn-course',
};

/** "/articles/some-slug?q=x" → "/Articles/Some-slug?q=x": each path segment capitalised, the query as it was. */
function mixedCase(path: string): string {
  const queryAt = path.indexOf('?');
  const [pathname, query] = queryAt < 0 ? [path, ''] : [path.slice(0, queryAt), path.slice(queryAt)];
  return pathname.replace(/\/([a-z])/g, (_, letter: string) => `/${letter.toUpperCase()}`) + query;
}

const rendersSince = (count: number) => requests.slice(count).filter((request) => request.method === 'GET');

describe('mixed-case spellings', () => {
  it.each(Object.entries(SITE_ROUTES).filter(([, path]) => path !== '/'))(
    'of the %s page reach its cached answer or a redirect to it, never a render of their own',
    async (_name, path) => {
      const lower = await send(site, path);
      expect(lower.status).toBe(200);
      const before = requests.length;

      const spelled = await send(site, mixedCase(path));
      // No render: the CMS was not asked anything.
      expect(rendersSince(before)).toEqual([]);
      if (spelled.status === 301) expect(spelled.headers.location).toBe(path);
      else expect([spelled.status, spelled.headers.etag]).toEqual([200, lower.headers.etag]);
    },
  );

  it('of an address the site does not know are answered for that spelling, and leave the lower-case answer alone', async () => {
    for (const path of Object.values(OTHER_ADDRESSES)) {
      const lower = await send(site, path);
      await send(site, mixedCase(path));
      const again = await send(site, path);
      expect([again.status, again.headers.location, again.headers.etag], path).toEqual([
        lower.status,
        lower.headers.location,
        lower.headers.etag,
      ]);
    }
  });

  it('of the purge call are purge calls: refused unsigned or wrongly signed, and never a cached page', async () => {
    for (const path of ['/_purge', '/_PURGE', '/_Purge']) {
      const unsigned = await send(site, path, { method: 'POST', body: '{"tags":["articles"]}' });
      expect(unsigned.status, path).toBe(401);
      expect((await signedPurge(['articles'], { path, secret: 'a guess' })).status, path).toBe(401);
      expect((await signedPurge(['articles'], { path })).status, path).toBe(200);
      const read = await send(site, path);
      expect([read.status, read.headers['cache-control'], read.headers.allow], path).toEqual([405, 'no-store', 'POST']);
    }
  });

  it('of the health check answer it, uncached', async () => {
    for (const path of ['/_health', '/_HEALTH', '/_Health']) {
      const health = await send(site, path);
      expect([health.status, health.text, health.headers['cache-control']], path).toEqual([200, 'ok', 'no-store']);
    }
  });

  it("of a draft's preview are previews: asked of the CMS every time, never cached or indexed", async () => {
    for (const prefix of ['/preview', '/Preview', '/PREVIEW']) {
      const path = `${prefix}/${article.documentId}?token=good`;
      const asked = () => requests.filter((request) => request.path.startsWith('/api/preview/')).length;
      const before = asked();
      for (let visit = 0; visit < 2; visit += 1) {
        const preview = await send(site, path);
        expect(preview.status, path).toBe(200);
        expect(preview.text).toContain('A draft title');
        expect(preview.headers['cache-control']).toBe('no-store');
        expect(preview.headers['x-robots-tag']).toBe('noindex');
      }
      expect(asked(), path).toBe(before + 2);
      expect((await send(site, `${prefix}/${article.documentId}?token=old`)).status, prefix).toBe(401);
    }
  });

  it('of a missing file of the build answer 404 without rendering a page', async () => {
    for (const path of ['/assets/missing.js', '/Assets/missing.js', '/ASSETS/index-abc.css']) {
      const before = requests.length;
      const missing = await send(site, path);
      expect([missing.status, missing.headers['cache-control']], path).toEqual([404, 'no-store']);
      expect(rendersSince(before), path).toEqual([]);
    }
  });
});

/** Headers a reader may send that must not shape what the next reader gets. */
const ODD_HEADERS = {
  Host: 'evil.example',
  'X-Forwarded-Host': 'evil.example',
  'X-Forwarded-For': '203.0.113.66',
  'X-Forwarded-Proto': 'http',
  'Accept-Encoding': 'br',
  Cookie: 'session=attacker; preview=1',
  'Strapi-Response-Format': 'v4',
  'Strapi-Encode-Source-Maps': 'true',
  [VISITOR_HOP.header]: validHop('198.51.100.66'),
};

/** A page's text without the times its render stamped on the data it carries (React Query's dehydratedAt, dataUpdatedAt). */
const withoutRenderTimes = (text: string) => text.replace(/"(\w+At)":\d{12,}/g, '"$1":0');

describe('headers that could change an answer for others', () => {
  it.each(Object.entries({ ...SITE_ROUTES, ...OTHER_ADDRESSES }))(
    'change nothing the next plain reader of the %s gets, and none reaches the CMS',
    async (_name, path) => {
      await signedPurge(ALL_TAGS);
      const reference = await send(site, path);
      await signedPurge(ALL_TAGS);

      const before = requests.length;
      await send(site, path, { headers: ODD_HEADERS });
      for (const made of requests.slice(before)) {
        expect(made.headers, made.url).not.toHaveProperty('cookie');
        expect(made.headers).not.toHaveProperty('strapi-response-format');
        expect(made.headers).not.toHaveProperty('strapi-encode-source-maps');
        expect(made.headers).not.toHaveProperty('x-forwarded-for');
        expect(made.headers).not.toHaveProperty('x-forwarded-host');
        expect(made.headers.host ?? '').not.toContain('evil.example');
        // The visitor header names the reader's real address, signed by the site, not the one sent.
        expect(signedAddress(made.headers[VISITOR_HOP.header])).toBe('127.0.0.1');
      }

      const plain = await send(site, path);
      expect([plain.status, plain.headers.location, plain.headers['content-type']]).toEqual([
        reference.status,
        reference.headers.location,
        reference.headers['content-type'],
      ]);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(withoutRenderTimes(plain.text)).toBe(withoutRenderTimes(reference.text));
      if (plain.status === 200) expect(plain.headers.vary).toBe('Accept-Encoding');
    },
  );
});

describe('what must be refused', () => {
  it('an unsigned, wrongly signed, stale or borrowed purge call purges nothing', async () => {
    const path = `/articles/${state.articles[1]!.slug}`;
    const first = await send(site, path);
    state.articles[1] = { ...state.articles[1]!, title: 'A corrected title' };

    const at = Math.floor(Date.now() / 1000) - 3600;
    const stale = createHmac('sha256', SECRET).update(purgeSignedText(at, '{"tags":["articles"]}')).digest('hex');
    const refused = [
      await send(site, PURGE.path, { method: 'POST', body: '{"tags":["articles"]}' }),
      await signedPurge(['articles'], { secret: 'a guess' }),
      await send(site, PURGE.path, {
        method: 'POST',
        body: '{"tags":["articles"]}',
        headers: { [PURGE.signatureHeader]: `t=${at},v1=${stale}` },
      }),
      // A signature of another body.
      await signedPurge(['articles'], { signedBody: '{"tags":[]}' }),
      // A visitor signature is not a purge signature.
      await send(site, PURGE.path, {
        method: 'POST',
        body: '{"tags":["articles"]}',
        headers: { [PURGE.signatureHeader]: validHop('127.0.0.1').replace(/^a=[^,]*,/, '') },
      }),
    ];
    expect(refused.map((reply) => reply.status)).toEqual([401, 401, 401, 401, 401]);
    const after = await send(site, path);
    expect([after.headers['x-cache'], after.headers.etag]).toEqual(['hit', first.headers.etag]);
    expect(after.text).not.toContain('A corrected title');
  });

  it("a reader's own claim of another address does not move its render limit, nor reach the CMS", async () => {
    const limited = await startSite({ renderLimit: { max: 3, windowSeconds: 60 } });
    const claims = (index: number) => ({
      'X-Forwarded-For': `198.51.100.${index}`,
      'X-Real-IP': `198.51.100.${index}`,
      [VISITOR_HOP.header]: validHop(`198.51.100.${index}`),
    });
    const before = requests.length;
    const answers = [];
    // Each a distinct search: each costs a render, however the reader dresses it up.
    for (let index = 1; index <= 5; index += 1) {
      answers.push(await send(limited, `/search?q=claim-${index}`, { from: '127.0.0.2', headers: claims(index) }));
    }
    expect(answers.map((reply) => reply.status)).toEqual([200, 200, 200, 429, 429]);
    const visitorHeaders = requests.slice(before).map((made) => signedAddress(made.headers[VISITOR_HOP.header]));
    expect(new Set(visitorHeaders)).toEqual(new Set(['127.0.0.2']));

    const refused = answers[3]!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toMatch(/Too many/);

    // Another reader is not held back, and gets the page, not the refusal.
    const other = await send(limited, '/search?q=claim-4', { from: '127.0.0.3' });
    expect(other.status).toBe(200);
    // A page already made costs no render: it is sent to a reader over the limit too.
    expect((await send(limited, '/search?q=claim-1', { from: '127.0.0.2' })).status).toBe(200);
    expect((await send(limited, '/feed.xml', { from: '127.0.0.2' })).status).toBe(429);
  });

  it("behind the site's own proxies, only the address they added counts, and that one reaches the CMS", async () => {
    const proxied = await startSite({
      renderLimit: { max: 2, windowSeconds: 60 },
      proxy: { behindProxy: true, proxyHops: 1 },
    });
    const via = (claimed: string, real: string) => ({ 'X-Forwarded-For': `${claimed}, ${real}` });
    const before = requests.length;
    const statuses = [];
    for (let index = 1; index <= 3; index += 1) {
      statuses.push(
        (await send(proxied, `/search?q=proxied-${index}`, { headers: via(`10.0.0.${index}`, '203.0.113.10') })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(new Set(requests.slice(before).map((made) => signedAddress(made.headers[VISITOR_HOP.header])))).toEqual(
      new Set(['203.0.113.10']),
    );
    expect((await send(proxied, '/search?q=proxied-4', { headers: via('203.0.113.10', '203.0.113.11') })).status).toBe(
      200,
    );
  });
});

describe('redirects the site makes', () => {
  const VARIANTS = [
    '//evil.com/',
    '/.//evil.com/',
    '/%2F%2Fevil.com/',
    '/\\evil.com/',
    '/\\/evil.com/',
    '/./\\evil.com/',
    '/..//evil.com/',
    '///evil.com//',
    '/.//evil.com/?next=1&utm_source=x',
    '/%5C%5Cevil.com/',
    '/moved-home',
  ];

  it.each(VARIANTS)('%s leads to a path of this site', async (path) => {
    const reply = await send(site, path);
    expect(reply.status).toBeLessThan(500);
    const location = reply.headers.location;
    if (!location) return;
    expect(location).toMatch(/^\/(?![/\\])/);
    expect(new URL(location, 'https://blog.test').host).toBe('blog.test');
  });
});

// @vitest-environment node
// E-mail subscriptions on the site's server: the subscribe form and the pages of a subscription's
// signed link (confirm, manage, leave) as plain HTML posts, with the CMS behind it answering from
// the fake CMS; and those pages, which carry a token in their address, never cached or indexed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi, type StubRequest } from '@/testing/api-stub';
import { fakeCmsState, siteServerRoutes, type FakeCmsState } from '@/testing/fake-cms';
import { articles, categories, SUBSCRIPTION_TOKENS } from '@/testing/fixtures';
import { rateLimited } from '@/testing/stub-replies';

process.env.PURGE_SECRET = 'test-purge-secret';

const FORM = 'application/x-www-form-urlencoded';
const { good, gone, forged } = SUBSCRIPTION_TOKENS;
const ALL_TOPICS = categories.map((category) => category.slug);

let server: Server;
let origin: string;
let state: FakeCmsState;
let requests: StubRequest[];
let reader: string;
let readers = 0;

const read = async (response: Response) => {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, document: new JSDOM(text).window.document };
};

const get = (path: string) =>
  fetch(`${origin}${path}`, { redirect: 'manual', headers: { 'X-Forwarded-For': reader } }).then(read);

/** Posts `fields` as a browser's form does (urlencoded, from a page of the site); pairs may repeat a name. */
const post = (path: string, fields: Array<[string, string]>) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': FORM, Origin: origin, 'X-Forwarded-For': reader },
    body: new URLSearchParams(fields).toString(),
  }).then(read);

/** The subscribe form as a browser sends it: every offered topic ticked unless `topics` says. */
const subscribeFields = ({
  email = 'student@example.org',
  topics = ALL_TOPICS,
  frequency = 'weekly',
}: { email?: string; topics?: string[]; frequency?: string } = {}): Array<[string, string]> => [
  ['email', email],
  ...topics.map((slug): [string, string] => ['topics', slug]),
  ['offered', ALL_TOPICS.join(',')],
  ['frequency', frequency],
  ['website', ''],
];

const cmsCalls = (path: string) => requests.filter((request) => request.path === path);
const errorsOn = (document: Document) =>
  [...document.querySelectorAll('.field__error')].map((error) => error.textContent);
/** What a page made for one reader and their link must answer with. */
function expectPersonal(page: Awaited<ReturnType<typeof get>>) {
  expect(page.headers.get('cache-control')).toBe('no-store');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  expect(page.headers.get('x-robots-tag')).toBe('noindex');
  expect(page.headers.get('x-cache')).toBeNull();
}

beforeAll(async () => {
  const { createSiteHandler } = await import('./site-handler');
  const handle = createSiteHandler({ headAssets: () => '', proxy: { behindProxy: true, proxyHops: 1 } });
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  readers += 1;
  reader = `203.0.113.${readers}`;
  state = fakeCmsState();
  requests = stubApi(siteServerRoutes(state, {}));
});

describe('the subscribe form without script', () => {
  it('is on /subscribe, the home page and below each article: every topic ticked, how often, a plain form posting to /subscribe', async () => {
    for (const path of ['/subscribe', '/', `/articles/${articles[0]!.slug}`]) {
      const page = await get(path);
      expect(page.status).toBe(200);
      const form = page.document.querySelector<HTMLFormElement>('form.subscribe-form')!;
      expect(form.getAttribute('method')).toBe('post');
      expect(form.getAttribute('action')).toBe('/subscribe#subscribe-form');
      expect(form.textContent).toMatch(/no open pixels/);
      expect(form.textContent).toMatch(/leave in one click/);
      const topics = [...form.querySelectorAll<HTMLInputElement>('fieldset input[name="topics"]')];
      expect(topics.map((box) => [box.value, box.checked])).toEqual(ALL_TOPICS.map((slug) => [slug, true]));
      const legends = [...form.querySelectorAll('fieldset legend')].map((legend) => legend.textContent);
      expect(legends).toEqual(['Topics', 'How often']);
      expect(form.querySelector('input[name="website"]')).not.toBeNull();
    }
    // The public page is cached as any other.
    expect((await get('/subscribe')).headers.get('cache-control')).toMatch(/^public/);
  });

  it('asks the CMS as the reader, then says "check your inbox" on a page for that reader only (303)', async () => {
    await get('/subscribe');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 4000 });
    const sent = await post('/subscribe', subscribeFields());
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/subscribe?sent=subscribe#subscribe-form');
    expect(sent.headers.get('cache-control')).toBe('no-store');
    // Every box ticked: every topic, new ones too (an empty list).
    expect(state.subscribeRequests).toEqual([
      { email: 'student@example.org', topics: [], frequency: 'weekly', automated: false },
    ]);

    const note = await get('/subscribe?sent=subscribe');
    expect(note.headers.get('cache-control')).toBe('no-store');
    expect(note.document.querySelector('[role="status"]')?.textContent).toMatch(/Check your inbox/);
    expect((await get('/subscribe')).text).not.toMatch(/Check your inbox/);
  });

  it('sends the topics ticked when not all are, and files a post made within 3 s of the page as a bot’s', async () => {
    await get('/subscribe');
    const some = ALL_TOPICS.slice(0, 2);
    expect((await post('/subscribe', subscribeFields({ topics: some, frequency: 'each-article' }))).status).toBe(303);
    expect(state.subscribeRequests).toEqual([
      { email: 'student@example.org', topics: some, frequency: 'each-article', automated: true },
    ]);
  });

  it('shows each refused field beside it, keeps what was typed and ticked, answers 400, and asks the CMS nothing', async () => {
    const badAddress = await post('/subscribe', subscribeFields({ email: 'student.example.org' }));
    expect(badAddress.status).toBe(400);
    expect(badAddress.headers.get('cache-control')).toBe('no-store');
    expect(errorsOn(badAddress.document)).toEqual(['E-mail must be a valid e-mail address']);
    expect(badAddress.document.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe(
      'student.example.org',
    );

    const noTopic = await post('/subscribe', subscribeFields({ topics: [] }));
    expect(noTopic.status).toBe(400);
    expect(errorsOn(noTopic.document)).toEqual(['Choose at least one topic']);
    const boxes = [...noTopic.document.querySelectorAll<HTMLInputElement>('input[name="topics"]')];
    expect(boxes.filter((box) => box.checked)).toEqual([]);
    expect(noTopic.document.querySelector<HTMLInputElement>('input[value="weekly"]')?.checked).toBe(true);

    const noFrequency = await post('/subscribe', subscribeFields({ frequency: 'daily' }));
    expect(errorsOn(noFrequency.document)).toEqual(['Frequency must be one of: each-article, weekly']);
    expect(cmsCalls('/api/subscriptions')).toEqual([]);
  });

  it('passes on the CMS’s 429 with Retry-After, keeping what was typed', async () => {
    requests = stubApi({ ...siteServerRoutes(state, {}), 'POST /api/subscriptions': () => rateLimited(600) });
    const refused = await post('/subscribe', subscribeFields());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('600');
    expect(refused.document.querySelector('.form-alert')?.textContent).toMatch(/What you typed is kept here/);
    expect(refused.document.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe('student@example.org');
  });
});

describe('the pages of a subscription’s link', () => {
  it('confirm: opening the link confirms nothing; it shows a button posting the token, for this reader only', async () => {
    const page = await get(`/subscribe/confirm?token=${good}`);
    expect(page.status).toBe(200);
    expectPersonal(page);
    expect(page.document.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    const form = page.document.querySelector<HTMLFormElement>('form.subscription-form')!;
    expect(form.getAttribute('action')).toBe('/subscribe/confirm');
    expect(form.querySelector<HTMLInputElement>('input[type="hidden"][name="token"]')?.value).toBe(good);
    expect(form.querySelector('button')?.textContent).toBe('Confirm my subscription');
    // A mail scanner's GET: the CMS was not asked to confirm anything.
    expect(cmsCalls('/api/subscriptions/confirm')).toEqual([]);
    expect(state.subscription?.confirmed).toBe(false);
  });

  it('every spelling of their address is rendered for the reader alone: no redirect, nothing cached, for a made-up token too', async () => {
    for (const path of [
      `/subscribe/confirm?token=${forged}`,
      `/Subscribe/Confirm?token=${forged}`,
      `/SUBSCRIBE/confirm/?token=${forged}`,
      `/subscribe/manage?token=${forged}`,
      `/Subscribe/Manage?token=${forged}`,
      `/subscribe/MANAGE/?token=${forged}`,
    ]) {
      const before = requests.length;
      const page = await get(path);
      expect(page.status, path).not.toBe(301);
      expectPersonal(page);
      expect(page.headers.get('location')).toBeNull();
      // Asked again: rendered again, never answered from a cache.
      const again = await get(path);
      expect(again.headers.get('x-cache')).toBeNull();
      if (path.toLowerCase().includes('manage')) {
        expect(page.status).toBe(400);
        expect(requests.length - before).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('manage: shows the subscription to the holder of the link, and never to anyone else', async () => {
    state.subscription!.topics = [ALL_TOPICS[1]!];
    const page = await get(`/subscribe/manage?token=${good}`);
    expect(page.status).toBe(200);
    expectPersonal(page);
    expect(page.text).toContain('reader@example.org');
    const boxes = [...page.document.querySelectorAll<HTMLInputElement>('input[name="topics"]')];
    expect(boxes.filter((box) => box.checked).map((box) => box.value)).toEqual([ALL_TOPICS[1]]);
    expect(page.document.querySelector<HTMLInputElement>('input[value="each-article"]')?.checked).toBe(true);

    // Another reader, without the token or with a made-up one, learns nothing of it.
    reader = '203.0.113.250';
    for (const path of ['/subscribe/manage', `/subscribe/manage?token=${forged}`, '/Subscribe/Manage']) {
      const other = await get(path);
      expect(other.text).not.toContain('reader@example.org');
      expectPersonal(other);
    }
  });

  it('an expired or forged link, and a subscription that no longer exists, are said plainly with a link to subscribe', async () => {
    const forgedPage = await get(`/subscribe/manage?token=${forged}`);
    expect(forgedPage.status).toBe(400);
    expect(forgedPage.document.querySelector('[role="alert"]')?.textContent).toMatch(/expired or is not valid/);
    expect(forgedPage.document.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/subscribe');

    const gonePage = await get(`/subscribe/manage?token=${gone}`);
    expect(gonePage.status).toBe(404);
    expect(gonePage.document.querySelector('[role="alert"]')?.textContent).toMatch(/no longer exists/);
    expect(gonePage.document.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/subscribe');

    // Not even a token of the right shape: said without asking the CMS.
    const broken = await get('/subscribe/manage?token=short');
    expect(broken.status).toBe(400);
    expect(broken.document.querySelector('[role="alert"]')?.textContent).toMatch(/expired or is not valid/);
  });

  it('confirms on the button’s post, then shows the subscription on its manage page (303, the token never cached)', async () => {
    const confirmed = await post('/subscribe/confirm', [['token', good]]);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    expect(confirmed.headers.get('referrer-policy')).toBe('no-referrer');
    const location = confirmed.headers.get('location')!;
    expect(location).toBe(`/subscribe/manage?token=${good}&sent=subscription-confirm`);
    expect(state.subscription?.confirmed).toBe(true);

    const page = await get(location);
    expectPersonal(page);
    expect(page.document.querySelector('[role="status"]')?.textContent).toMatch(
      /Your subscription is confirmed\. reader@example\.org gets each new article on every topic\./,
    );
  });

  it('a confirmation with an expired or forged link says so, and confirms nothing', async () => {
    const refused = await post('/subscribe/confirm', [['token', forged]]);
    expect(refused.status).toBe(400);
    expectPersonal(refused);
    expect(refused.document.querySelector('[role="alert"]')?.textContent).toMatch(/expired or is not valid/);
    expect(refused.document.querySelector('form.subscription-form')).toBeNull();
    expect(state.subscription?.confirmed).toBe(false);
  });

  it('changes the topics and how often, with a clear message; none ticked is refused beside the topics', async () => {
    const some = ALL_TOPICS.slice(0, 2);
    const changed = await post('/subscribe/manage', [
      ['token', good],
      ...some.map((slug): [string, string] => ['topics', slug]),
      ['offered', ALL_TOPICS.join(',')],
      ['frequency', 'weekly'],
    ]);
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe(`/subscribe/manage?token=${good}&sent=subscription-change`);
    expect(state.subscription).toMatchObject({ topics: some, frequency: 'weekly' });
    const page = await get(changed.headers.get('location')!);
    const names = some.map((slug) => categories.find((category) => category.slug === slug)!.name);
    expect(page.document.querySelector('[role="status"]')?.textContent).toBe(
      `Your choices are saved. reader@example.org gets a weekly digest on ${names.join(' and ')}.`,
    );

    const none = await post('/subscribe/manage', [
      ['token', good],
      ['offered', ALL_TOPICS.join(',')],
      ['frequency', 'each-article'],
    ]);
    expect(none.status).toBe(400);
    expectPersonal(none);
    expect(errorsOn(none.document)).toEqual(['Choose at least one topic']);
    expect(state.subscription).toMatchObject({ topics: some, frequency: 'weekly' });
  });

  it('leaves: the address is deleted, and the page says so without the token; a second try says it no longer exists', async () => {
    const page = await get(`/subscribe/manage?token=${good}`);
    const leaveForm = page.document.querySelector<HTMLFormElement>('form.subscription-leave')!;
    expect(leaveForm.getAttribute('action')).toBe('/subscribe/leave');
    expect(leaveForm.querySelector('button')?.textContent).toBe('Unsubscribe and delete my address');

    const left = await post('/subscribe/leave', [['token', good]]);
    expect(left.status).toBe(303);
    expect(left.headers.get('location')).toBe('/subscribe/manage?sent=subscription-leave');
    expect(state.subscription).toBeNull();
    const note = await get(left.headers.get('location')!);
    expectPersonal(note);
    expect(note.document.querySelector('[role="status"]')?.textContent).toMatch(/You have left/);

    const again = await post('/subscribe/leave', [['token', good]]);
    expect(again.status).toBe(404);
    expect(again.document.querySelector('[role="alert"]')?.textContent).toMatch(/no longer exists/);
  });
});

// @vitest-environment node
// The reader forms without the page's code: plain HTTP posts to the site's server, with the CMS
// behind it answering from the fake CMS (whose stored comments and enquiries the tests read).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VISITOR_HOP } from '@medblog/shared';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi, type StubRequest } from '@/testing/api-stub';
import { fakeCmsState, siteServerRoutes, type FakeCmsState } from '@/testing/fake-cms';
import { articles } from '@/testing/fixtures';
import { rateLimited as rateLimitedReply, strapiError } from '@/testing/stub-replies';

process.env.PURGE_SECRET = 'test-purge-secret';

const ARTICLE = articles[0]!;
const ARTICLE_PATH = `/articles/${ARTICLE.slug}`;
/** An approved comment of the first article, and one of its readers. */
const APPROVED = { documentId: 'comment1docid', authorName: 'Meera Iyer' };
const FORM = 'application/x-www-form-urlencoded';

const servers: Server[] = [];
let origin: string;
let state: FakeCmsState;
let requests: StubRequest[];
/** The reader of the test (each its own, as the server times each reader's forms). */
let reader: string;
let readers = 0;

async function startSite(options: Record<string, unknown> = {}): Promise<string> {
  const { createSiteHandler } = await import('./site-handler');
  const handle = createSiteHandler({
    headAssets: () => '',
    proxy: { behindProxy: true, proxyHops: 1 },
    ...options,
  });
  const server = createServer((request, response) => void handle(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const read = async (response: Response) => {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, document: new JSDOM(text).window.document };
};

const get = (path: string, site = origin) =>
  fetch(`${site}${path}`, { redirect: 'manual', headers: { 'X-Forwarded-For': reader } }).then(read);

/** Posts `fields` as a browser's form does (urlencoded, from a page of the site). */
function post(
  path: string,
  fields: Record<string, string> | string,
  { headers = {}, site = origin }: { headers?: Record<string, string>; site?: string } = {},
) {
  return fetch(`${site}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': FORM, Origin: site, 'X-Forwarded-For': reader, ...headers },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  }).then(read);
}

const comment = (fields: Record<string, string> = {}) => ({
  article: ARTICLE.documentId,
  authorName: 'Priya Nair',
  authorEmail: 'priya@example.org',
  body: 'Sent from a phone whose script had not arrived.',
  website: '',
  ...fields,
});

const enquiry = (fields: Record<string, string> = {}) => ({
  name: 'Arjun Mehta',
  email: 'arjun@example.org',
  phone: '+91 98765 43210',
  topic: 'internships',
  message: 'Which months have places for an elective?',
  consent: 'on',
  website: '',
  ...fields,
});

/** The time a person takes to fill in a form, on the server's clock (the CMS files under 3 s as a bot's). */
const takeAPersonsTime = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 4000 });

const posted = () => state.comments.filter((stored) => stored.documentId.startsWith('posted'));
const errorsOn = (document: Document) =>
  [...document.querySelectorAll('.field__error')].map((error) => error.textContent);
const valueOf = (document: Document, name: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`form [name="${name}"]`)?.value;

beforeAll(async () => {
  origin = await startSite();
});

afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  readers += 1;
  reader = `198.51.100.${readers}`;
  state = fakeCmsState();
  requests = stubApi(siteServerRoutes(state, {}));
});

describe('the comment form without script', () => {
  it('is a form posting to its page, with the article, and no disabled fieldset', async () => {
    const page = await get(ARTICLE_PATH);
    const form = page.document.querySelector('form.comment-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe(`${ARTICLE_PATH}#comment-form`);
    expect(form.querySelector('fieldset[disabled]')).toBeNull();
    expect(valueOf(page.document, 'article')).toBe(ARTICLE.documentId);
    // Reply is a link to the page with the form under the comment.
    expect(page.document.querySelector(`#reply-${APPROVED.documentId}`)?.getAttribute('href')).toBe(
      `${ARTICLE_PATH}?reply=${APPROVED.documentId}#comment-form`,
    );
  });

  it('stores the comment as pending, as the reader, then leads back to the page with the note (303)', async () => {
    const sent = await post(ARTICLE_PATH, comment());
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${ARTICLE_PATH}?sent=comment#comment-form`);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    expect(posted()).toMatchObject([
      { article: ARTICLE.documentId, authorName: 'Priya Nair', moderationStatus: 'pending', parent: null },
    ]);
    // Sent on the reader's behalf: the CMS counts it against the reader's own limit.
    const sentToCms = requests.find((request) => request.method === 'POST')!;
    expect(sentToCms.headers[VISITOR_HOP.header]).toMatch(new RegExp(`^a=${reader.replace(/\./g, '\\.')},`));

    const note = await get(`${ARTICLE_PATH}?sent=comment`);
    expect(note.status).toBe(200);
    expect(note.document.querySelector('.comment-form [role="status"]')?.textContent).toMatch(/awaiting moderation/);
    // Made for this reader only: never cached, never the page another reader gets.
    expect(note.headers.get('cache-control')).toBe('no-store');
    expect(note.headers.get('x-cache')).toBeNull();
    const plain = await get(ARTICLE_PATH);
    expect(plain.text).not.toMatch(/awaiting moderation/);
    expect(posted()).toHaveLength(1);
  });

  it('shows each refused field beside it, keeps what was typed, answers 400, never cached, stores nothing', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ authorName: '' }, 'Name is required'],
      [{ authorEmail: 'priya.example.org' }, 'E-mail must be a valid e-mail address'],
      [{ body: 'See <a href="x">this</a>' }, 'Comment must not contain HTML'],
      [{ authorName: 'Name\twith a tab' }, 'Name must be on one line'],
      [{ body: 'x'.repeat(4001) }, 'Comment must be at most 4000 characters'],
    ];
    for (const [change, message] of cases) {
      const refused = await post(ARTICLE_PATH, comment(change));
      expect(refused.status).toBe(400);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(errorsOn(refused.document)).toEqual([message]);
      const typed = comment(change);
      for (const name of ['authorName', 'authorEmail', 'body'] as const)
        expect(valueOf(refused.document, name)).toBe(typed[name]);
    }
    // Not the article's: said above the button.
    const noArticle = await post(ARTICLE_PATH, comment({ article: 'not an id' }));
    expect(noArticle.status).toBe(400);
    expect(noArticle.document.querySelector('.form-alert')?.textContent).toMatch(/article/);
    expect(posted()).toHaveLength(0);
    expect((await get(ARTICLE_PATH)).text).not.toMatch(/field__error/);
  });

  it('files a bot silently as spam (a filled honeypot, a post within 3 s of the page), a person’s as pending', async () => {
    const honeypot = await post(ARTICLE_PATH, comment({ website: 'http://spam.example' }));
    expect(honeypot.status).toBe(303);
    await get(ARTICLE_PATH);
    const tooFast = await post(ARTICLE_PATH, comment({ body: 'Typed at machine speed.' }));
    expect(tooFast.status).toBe(303);
    expect(tooFast.headers.get('location')).toBe(honeypot.headers.get('location'));
    await get(ARTICLE_PATH);
    takeAPersonsTime();
    expect((await post(ARTICLE_PATH, comment({ body: 'Typed as people type.' }))).status).toBe(303);
    expect(posted().map((stored) => stored.moderationStatus)).toEqual(['spam', 'spam', 'pending']);
  });

  it('shows the form under the comment a Reply link names, sends the reply, and keeps it there when refused', async () => {
    const replyPage = await get(`${ARTICLE_PATH}?reply=${APPROVED.documentId}`);
    expect(replyPage.headers.get('cache-control')).toBe('no-store');
    const underComment = replyPage.document
      .querySelector(`#comment-${APPROVED.documentId}`)!
      .parentElement!.querySelector('form.comment-form')!;
    expect(underComment.textContent).toContain(`Replying to ${APPROVED.authorName}`);
    expect(valueOf(replyPage.document, 'parent')).toBe(APPROVED.documentId);
    // Cancel reply leads to the page without it.
    expect(underComment.querySelector('a.button--secondary')?.getAttribute('href')).toBe(
      `${ARTICLE_PATH}#comment-form`,
    );
    takeAPersonsTime();

    const refused = await post(ARTICLE_PATH, comment({ parent: APPROVED.documentId, authorEmail: '' }));
    expect(refused.status).toBe(400);
    expect(refused.document.querySelector('.comment-form')?.textContent).toContain(
      `Replying to ${APPROVED.authorName}`,
    );
    expect(await post(ARTICLE_PATH, comment({ parent: APPROVED.documentId }))).toMatchObject({ status: 303 });
    expect(posted()).toMatchObject([{ parent: APPROVED.documentId, moderationStatus: 'pending' }]);
  });

  it('gives made-up reply and note variants the page as it is, or a page for that reader only', async () => {
    for (const query of ['?reply=nosuchcomment1', '?reply=zz9999999999', '?sent=comment&x=1']) {
      const page = await get(`${ARTICLE_PATH}${query}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.document.querySelectorAll('form.comment-form')).toHaveLength(1);
    }
    // Values the page would not show get the cached page.
    for (const query of ['?reply=<script>', '?sent=enquiry', '?reply=']) {
      const page = await get(`${ARTICLE_PATH}${query}`);
      expect(page.headers.get('x-cache')).not.toBeNull();
      expect(page.text).not.toMatch(/Replying to|awaiting moderation/);
    }
  });

  it('shows the CMS’s refusals as the page’s code does, keeping the text: too many (429), comments closed', async () => {
    requests = stubApi({
      ...siteServerRoutes(state, {}),
      'POST /api/comments': () => ({
        ...strapiError(429, 'Too many submissions. Please try again in 10 minutes.'),
        headers: { 'Retry-After': '600' },
      }),
    });
    const limited = await post(ARTICLE_PATH, comment());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('600');
    expect(limited.document.querySelector('.form-alert')?.textContent).toMatch(/Too many submissions.*kept here/);
    expect(valueOf(limited.document, 'body')).toBe(comment().body);

    requests = stubApi(siteServerRoutes(state, {}));
    const closed = await post(`/articles/${articles[2]!.slug}`, comment({ article: articles[2]!.documentId }));
    expect(closed.status).toBe(400);
    expect(closed.text).toMatch(/Comments are closed/);
    expect(posted()).toHaveLength(0);
  });
});

describe('the enquiry form without script', () => {
  it('stores the enquiry once, from /enquiry, then leads to the thank-you (303); a reload of it sends nothing', async () => {
    const form = (await get('/enquiry')).document.querySelector('form.enquiry-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/enquiry#enquiry-form');
    takeAPersonsTime();

    const sent = await post('/enquiry', enquiry());
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/enquiry?sent=enquiry#enquiry-form');
    for (let reload = 0; reload < 2; reload += 1) {
      const thanks = await get('/enquiry?sent=enquiry');
      expect(thanks.headers.get('cache-control')).toBe('no-store');
      expect(thanks.document.querySelector('.enquiry-sent')?.textContent).toMatch(/received your enquiry/);
      // Nothing of the reader's in it: the address may be shared.
      expect(thanks.text).not.toContain('Arjun');
    }
    expect(state.enquiries).toMatchObject([
      { name: 'Arjun Mehta', topic: 'internships', sourcePath: '/enquiry', handlingStatus: 'new' },
    ]);
  });

  it('shows each refused field beside it and keeps what was typed (400), storing nothing', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: '' }, 'Name is required'],
      [{ email: 'arjun@' }, 'E-mail must be a valid e-mail address'],
      [{ phone: 'call me' }, 'Phone must be a phone number such as +91 98765 43210'],
      [{ topic: 'holidays' }, `Topic must be one of:`],
      [{ message: '' }, 'Message is required'],
    ];
    for (const [change, message] of cases) {
      const refused = await post('/enquiry', enquiry(change));
      expect(refused.status).toBe(400);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(errorsOn(refused.document).join()).toContain(message);
      expect(valueOf(refused.document, 'message')).toBe(enquiry(change).message);
      expect(refused.document.querySelector<HTMLInputElement>('input[name="consent"]')?.checked).toBe(true);
    }
    const { consent: _, ...withoutConsent } = enquiry();
    const noConsent = await post('/enquiry', withoutConsent);
    expect(errorsOn(noConsent.document)).toEqual(['Consent is required to send an enquiry']);
    expect(valueOf(noConsent.document, 'name')).toBe('Arjun Mehta');
    expect(state.enquiries).toHaveLength(0);
  });

  it('keeps a bot’s enquiry as suspected spam and answers it as a person’s', async () => {
    const bot = await post('/enquiry', enquiry({ website: 'http://spam.example' }));
    expect(bot.status).toBe(303);
    expect(state.enquiries).toMatchObject([{ handlingStatus: 'suspected-spam' }]);
  });

  it('leads the header’s Quick Enquiry to the form’s page until the page’s code runs', async () => {
    const page = await get(ARTICLE_PATH);
    expect(page.document.querySelector('a.masthead__enquiry')?.getAttribute('href')).toBe('/enquiry');
  });
});

describe('a post the site does not take', () => {
  it('refuses a body that is not a browser’s form: 415 for another type, 413 over the size, 400 malformed', async () => {
    const body = new URLSearchParams(comment()).toString();
    const refusals: Array<[Parameters<typeof post>[1], Record<string, string>, number, RegExp]> = [
      [JSON.stringify({ data: comment() }), { 'Content-Type': 'application/json' }, 415, /x-www-form-urlencoded/],
      [body, { 'Content-Type': 'multipart/form-data; boundary=x' }, 415, /x-www-form-urlencoded/],
      [body, { 'Content-Type': 'text/plain' }, 415, /x-www-form-urlencoded/],
      [`${body}&body=${'a'.repeat(70_000)}`, {}, 413, /over 65536 bytes/],
      [`${body.replace('body=', 'body=%E0%A4')}`, {}, 400, /bad %-encoding/],
      [`${body}&note=100%`, {}, 400, /bad %-encoding/],
      [`${body}&body=again`, {}, 400, /field body more than once/],
    ];
    for (const [fields, headers, status, message] of refusals) {
      const refused = await post(ARTICLE_PATH, fields, { headers });
      expect(refused.status).toBe(status);
      expect(refused.text).toMatch(message);
      expect(refused.headers.get('cache-control')).toBe('no-store');
    }
    const notUtf8 = await fetch(`${origin}${ARTICLE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': FORM, 'X-Forwarded-For': reader },
      body: Buffer.concat([Buffer.from(body), Buffer.from([0x26, 0x78, 0x3d, 0xff])]),
    });
    expect(notUtf8.status).toBe(400);
    expect((await post('/articles/%E0%A4', comment())).status).toBe(400);
    expect(posted()).toHaveLength(0);
  });

  it('refuses a form sent from another site (Origin, else Referer), and takes one naming no page', async () => {
    for (const headers of [
      { Origin: 'https://spam.example' } as Record<string, string>,
      { Origin: 'null' },
      { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: '', Referer: 'https://spam.example/page' },
    ]) {
      const refused = await post(ARTICLE_PATH, comment(), { headers });
      expect(refused.status).toBe(403);
      expect(refused.text).toMatch(/only be sent from a page of this site/);
    }
    expect(posted()).toHaveLength(0);
    const fromPage = await post(ARTICLE_PATH, comment(), {
      headers: { Origin: '', Referer: `${origin}${ARTICLE_PATH}` },
    });
    expect(fromPage.status).toBe(303);
    const named = await post(ARTICLE_PATH, comment({ body: 'Another one.' }), { headers: { Origin: '' } });
    expect(named.status).toBe(303);
    // A page that sends no referrer: "Origin: null", and the browser's own word that it is this site.
    const noReferrer = await post(ARTICLE_PATH, comment(), {
      headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(noReferrer.status).toBe(303);
    expect(posted()).toHaveLength(3);
  });

  it('answers 405 to a post anywhere else, naming what the address takes', async () => {
    for (const path of ['/', '/search', `/categories/${articles[0]!.category!.slug}`, `${ARTICLE_PATH}/more`]) {
      const refused = await post(path, comment());
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).toBe('GET, HEAD');
    }
    expect(posted()).toHaveLength(0);
  });

  it('counts each post and each page made for one reader against that reader’s renders (429 beyond)', async () => {
    const site = await startSite({ renderLimit: { max: 3, windowSeconds: 60 } });
    expect((await post(ARTICLE_PATH, comment(), { site })).status).toBe(303);
    expect((await get(`${ARTICLE_PATH}?reply=${APPROVED.documentId}`, site)).status).toBe(200);
    expect((await post(ARTICLE_PATH, comment({ authorName: '' }), { site })).status).toBe(400);
    const over = await post(ARTICLE_PATH, comment({ body: 'One too many.' }), { site });
    expect(over.status).toBe(429);
    expect(over.headers.get('cache-control')).toBe('no-store');
    expect((await get(`${ARTICLE_PATH}?reply=comment2docid`, site)).status).toBe(429);
    expect(posted()).toHaveLength(1);
  });
});

describe('"Was this page helpful?" without script', () => {
  const answerForm = (document: Document) => document.querySelector('#helpful form')!;
  const thanks = (document: Document) => document.querySelector('#helpful [role="status"]')?.textContent;

  it('is a form posting Yes or No to the article page, which takes it as the reader’s and asks what was missing', async () => {
    const page = await get(ARTICLE_PATH);
    const form = answerForm(page.document);
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe(`${ARTICLE_PATH}#helpful`);
    expect([...form.querySelectorAll('button[name="answer"]')].map((button) => button.getAttribute('value'))).toEqual([
      'yes',
      'no',
    ]);

    const { form: formName, article } = { form: valueOf(page.document, 'form')!, article: ARTICLE.documentId };
    const answered = await post(ARTICLE_PATH, { form: formName, article, answer: 'no' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`${ARTICLE_PATH}?sent=helpful&answer=no#helpful`);
    expect(state.insightEvents).toEqual([{ type: 'helpful', article, answer: 'no' }]);
    // Counted as the reader's answer, not this server's (the CMS counts one answer per reader).
    const sentToCms = requests.find((request) => request.path === '/api/insight')!;
    expect(sentToCms.headers[VISITOR_HOP.header]).toMatch(new RegExp(`^a=${reader.replace(/\./g, '\\.')},`));
    expect(posted()).toHaveLength(0);

    const asked = await get(`${ARTICLE_PATH}?sent=helpful&answer=no`);
    expect(asked.headers.get('cache-control')).toBe('no-store');
    expect(thanks(asked.document)).toBe('Thank you for your answer.');
    expect(asked.document.querySelector('#helpful button[name="answer"]')).toBeNull();
    expect(asked.document.querySelector('#helpful label')?.textContent).toBe('What was missing?');
    expect(valueOf(asked.document, 'answer')).toBe('no');

    const noted = await post(ARTICLE_PATH, { form: 'helpful', article, answer: 'no', note: '  The fees in rupees.  ' });
    expect(noted.headers.get('location')).toBe(`${ARTICLE_PATH}?sent=helpful#helpful`);
    expect(state.insightEvents.at(-1)).toEqual({ type: 'helpful', article, answer: 'no', note: 'The fees in rupees.' });
    const done = await get(`${ARTICLE_PATH}?sent=helpful`);
    expect(thanks(done.document)).toBe('Thank you: your note goes to our editors.');
    expect(done.document.querySelector('#helpful textarea')).toBeNull();
    // The cached page every reader gets still asks.
    expect(thanks((await get(ARTICLE_PATH)).document)).toBe('');
  });

  it('shows a refused note beside its field, kept as typed, with a 400, and sends nothing', async () => {
    const note = 'See <b>this</b>';
    const refused = await post(ARTICLE_PATH, { form: 'helpful', article: ARTICLE.documentId, answer: 'yes', note });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(errorsOn(refused.document)).toEqual(['note must not contain HTML']);
    expect(valueOf(refused.document, 'note')).toBe(note);
    expect(valueOf(refused.document, 'answer')).toBe('yes');
    const tooLong = await post(ARTICLE_PATH, {
      form: 'helpful',
      article: ARTICLE.documentId,
      answer: 'no',
      note: 'x'.repeat(501),
    });
    expect(errorsOn(tooLong.document)).toEqual(['note must be at most 500 characters']);
    const noAnswer = await post(ARTICLE_PATH, { form: 'helpful', article: ARTICLE.documentId, answer: 'maybe' });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.document.querySelector('#helpful .form-alert')?.textContent).toBe('answer must be yes or no');
    expect(state.insightEvents).toEqual([]);
  });

  it('says when the CMS has had too many answers from the reader (429 and its wait)', async () => {
    stubApi({ ...siteServerRoutes(state, {}), 'POST /api/insight': () => rateLimitedReply(120) });
    const limited = await post(ARTICLE_PATH, { form: 'helpful', article: ARTICLE.documentId, answer: 'no' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(limited.document.querySelector('#helpful .form-alert')?.textContent).toMatch(/try again/i);
  });
});

/**
 * E-mail subscriptions over HTTP: double opt-in through the real job queue (pg-boss on the test
 * database) and the local SMTP server, the signed links, one-click unsubscribe (RFC 8058), limits,
 * and an address that never leaks.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { inbox, mailServer, waitForMail, type ReceivedMail } from './helpers/smtp';
import { cmsDir } from '../scripts/lib/strapi.mjs';
import { signToken } from '../src/features/newsletter/server/tokens';

const SUBSCRIBER = 'api::subscriber.subscriber';
let request: Awaited<ReturnType<typeof api>>;
let strapi: Core.Strapi;
let run = 0;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

/** An address no other test uses. */
const address = (label = 'reader') => `${label}.${process.pid}.${Date.now()}.${(run += 1)}@example.org`;

const subscribe = (data: Record<string, unknown>) => request.post('/api/subscriptions').send({ data });

const stored = (email: string) => strapi.db.query(SUBSCRIBER).findOne({ where: { email: email.toLowerCase() } });

/** The mails that reached `email` so far. */
const mailsTo = (email: string) => inbox.filter((mail) => mail.to.includes(email.toLowerCase()));

/** The token of the link to `page` (confirm, manage) in a mail's plain text. */
function tokenIn(mail: ReceivedMail, page: 'confirm' | 'manage'): string {
  const found = new RegExp(`/subscribe/${page}\\?token=([A-Za-z0-9_.-]+)`).exec(mail.text);
  if (!found) throw new Error(`No ${page} link in: ${mail.text}`);
  return found[1];
}

/** Subscribes, and returns the confirmation e-mail. */
async function subscribeAndReadMail(email: string, extra: Record<string, unknown> = {}) {
  const response = await subscribe({ email, frequency: 'each-article', ...extra });
  expect(response.status).toBe(202);
  return waitForMail((mail) => mail.to.includes(email.toLowerCase()) && /Confirm/.test(mail.subject));
}

/** A confirmed subscriber and the token of its manage link. */
async function activeSubscriber(email = address()) {
  const mail = await subscribeAndReadMail(email);
  const confirmed = await request
    .post('/api/subscriptions/confirm')
    .send({ data: { token: tokenIn(mail, 'confirm') } });
  expect(confirmed.status).toBe(200);
  return { email, manageToken: tokenIn(mail, 'manage') };
}

/** Queues a job of the running CMS's queue now (the compiled module it loaded, as helpers/strapi.ts does for the cache). */
async function runJob(name: string) {
  const { enqueueByName } = createRequire(__filename)(join(cmsDir, 'dist', 'src', 'platform', 'jobs', 'queue.js'));
  await enqueueByName(name);
}

async function waitUntil(check: () => Promise<boolean>) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Timed out');
}

describe('subscribing with double opt-in', () => {
  it('subscribe, confirm by the e-mailed link, read and change the settings, leave', async () => {
    const email = address('Journey');
    const mail = await subscribeAndReadMail(email, { topics: ['internships'] });
    expect(mail.subject).toMatch(/Confirm your subscription/);
    expect(mail.text).toMatch(/48 hours/);
    expect(mail.text).toMatch(/no tracking pixel/);
    expect(mail.html).toContain('<!doctype html>');
    expect(mail.html).toContain('prefers-color-scheme: dark');
    expect(mail.html).not.toMatch(/<img/i);
    const confirmLink = /(http\S+\/subscribe\/confirm\?token=\S+)/.exec(mail.text)![1];
    expect(confirmLink.startsWith(`${strapi.config.get('site.publicUrl')}/subscribe/confirm?token=`)).toBe(true);
    expect(mail.html).toContain(confirmLink);

    const pending = await stored(email);
    expect(pending).toMatchObject({ email: email.toLowerCase(), subscriberStatus: 'pending', topics: ['internships'] });

    const confirmed = await request
      .post('/api/subscriptions/confirm')
      .send({ data: { token: tokenIn(mail, 'confirm') } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers['cache-control']).toBe('no-store');
    expect(confirmed.body.data).toMatchObject({
      email: email.toLowerCase(),
      topics: ['internships'],
      frequency: 'each-article',
    });
    expect(confirmed.body.data.choices).toEqual(
      expect.arrayContaining([{ slug: 'internships', name: expect.any(String) }]),
    );
    expect(await stored(email)).toMatchObject({ subscriberStatus: 'active', confirmedAt: expect.anything() });

    // Confirming again changes nothing and answers alike.
    const again = await request.post('/api/subscriptions/confirm').send({ data: { token: tokenIn(mail, 'confirm') } });
    expect(again.status).toBe(200);
    expect(again.body.data.email).toBe(email.toLowerCase());

    const token = tokenIn(mail, 'manage');
    const settings = await request.post('/api/subscriptions/manage').send({ data: { token } });
    expect(settings.status).toBe(200);
    expect(settings.body.data).toMatchObject({ topics: ['internships'], frequency: 'each-article' });

    const changed = await request
      .put('/api/subscriptions/manage')
      .send({ data: { token, topics: ['medical-training', 'internships'], frequency: 'weekly' } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ topics: ['medical-training', 'internships'], frequency: 'weekly' });
    expect(await stored(email)).toMatchObject({ topics: ['medical-training', 'internships'], frequency: 'weekly' });

    const left = await request.post('/api/subscriptions/leave').send({ data: { token } });
    expect(left.status).toBe(200);
    expect(left.body.data.message).toMatch(/deleted/);
    expect(await stored(email)).toBeNull();

    // The links of a subscription that is gone.
    for (const call of [
      request.post('/api/subscriptions/manage').send({ data: { token } }),
      request.post('/api/subscriptions/leave').send({ data: { token } }),
      request.put('/api/subscriptions/manage').send({ data: { token, topics: [], frequency: 'weekly' } }),
      request.post('/api/subscriptions/confirm').send({ data: { token: tokenIn(mail, 'confirm') } }),
      request.post(`/api/subscriptions/unsubscribe?token=${token}`).type('form').send('List-Unsubscribe=One-Click'),
    ]) {
      const response = await call;
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('This subscription no longer exists');
    }
  });

  it('answers new, pending and subscribed addresses byte for byte alike; a subscribed one gets its manage link, nothing changed', async () => {
    const fresh = address();
    const { email: active, manageToken } = await activeSubscriber();
    const pending = address();
    await subscribeAndReadMail(pending);
    const before = await stored(active);

    const answers = await Promise.all(
      [fresh, pending, active].map((email) => subscribe({ email, frequency: 'weekly', topics: ['internships'] })),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0].body).toEqual({ data: { message: expect.stringMatching(/Check your inbox/) } });
    expect(answers[0].text).not.toContain('@');

    const manageMail = await waitForMail((mail) => mail.to.includes(active) && /Your subscription/.test(mail.subject));
    expect(manageMail.text).toMatch(/already subscribed/);
    // A manage link that works, and no confirm link.
    expect(manageMail.text).not.toMatch(/subscribe\/confirm/);
    const settings = await request
      .post('/api/subscriptions/manage')
      .send({ data: { token: tokenIn(manageMail, 'manage') } });
    expect(settings.status).toBe(200);
    expect(await stored(active)).toEqual(before);
    expect(tokenIn(manageMail, 'manage')).toBe(manageToken);

    // The pending address got a second confirmation, the new one its first.
    await waitUntil(async () => mailsTo(pending).length === 2);
    await waitForMail((mail) => mail.to.includes(fresh) && /Confirm/.test(mail.subject));
  });

  it('stores the address lower-case and treats another casing as the same address', async () => {
    const email = address('MiXeD');
    await subscribeAndReadMail(email);
    const again = await subscribe({ email: `  ${email.toUpperCase()} `, frequency: 'weekly' });
    expect(again.status).toBe(202);
    const rows = await strapi.db.query(SUBSCRIBER).findMany({ where: { email: { $eqi: email } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe(email.toLowerCase());
  });

  it('stores an address sent many times at once exactly once', async () => {
    const email = address('burst');
    const answers = await Promise.all(Array.from({ length: 8 }, () => subscribe({ email, frequency: 'weekly' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(await strapi.db.query(SUBSCRIBER).count({ where: { email } })).toBe(1);
    // Each request queued its e-mail: all of them confirm the one subscription.
    await waitUntil(async () => mailsTo(email).length === 8);
    const confirmed = mailsTo(email).map((mail) => {
      const body = tokenIn(mail, 'confirm').split('.')[0];
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')).s as string;
    });
    expect(new Set(confirmed)).toEqual(new Set([(await stored(email)).documentId]));
  });

  it('puts the one-click unsubscribe headers (https and mailto) on every e-mail', async () => {
    const email = address();
    const mail = await subscribeAndReadMail(email);
    const header = mail.header('List-Unsubscribe');
    const https = /<(http[^>]+\/api\/subscriptions\/unsubscribe\?token=[^>]+)>/.exec(header);
    expect(https).not.toBeNull();
    expect(header).toMatch(/<mailto:[^>]+\?subject=Unsubscribe[^>]*>/);
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // The address works as a mail provider calls it.
    const url = new URL(https![1]);
    const response = await request.post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(response.status).toBe(200);
    expect(await stored(email)).toBeNull();
  });
});

describe('sending', () => {
  afterEach(() => mailServer.recover());

  it('tries a refused e-mail again until the mail server takes it', async () => {
    const email = address('retried');
    mailServer.refuseNext(2, (mail) => mail.to.includes(email));
    const mail = await subscribeAndReadMail(email);
    expect(mail.subject).toMatch(/Confirm/);
    expect(mailsTo(email)).toHaveLength(1);
  });
});

describe('one-click unsubscribe', () => {
  it('deletes the subscriber on the POST, form-encoded, multipart or empty', async () => {
    const bodies: Array<(url: string) => ReturnType<typeof request.post>> = [
      (url) => request.post(url).type('form').send('List-Unsubscribe=One-Click'),
      (url) => request.post(url).field('List-Unsubscribe', 'One-Click'),
      (url) => request.post(url),
    ];
    for (const post of bodies) {
      const { email, manageToken } = await activeSubscriber();
      const response = await post(`/api/subscriptions/unsubscribe?token=${manageToken}`);
      expect(response.status, response.text).toBe(200);
      expect(await stored(email)).toBeNull();
    }
  });

  it('never unsubscribes on a GET (link scanners): it redirects to the manage page', async () => {
    const { email, manageToken } = await activeSubscriber();
    for (let i = 0; i < 3; i += 1) {
      const response = await request.get(`/api/subscriptions/unsubscribe?token=${manageToken}`).redirects(0);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(
        `${strapi.config.get('site.publicUrl')}/subscribe/manage?token=${manageToken}`,
      );
      const head = await request.head(`/api/subscriptions/unsubscribe?token=${manageToken}`).redirects(0);
      expect([303, 405]).toContain(head.status);
    }
    expect(await stored(email)).toMatchObject({ subscriberStatus: 'active' });
  });
});

describe('tokens', () => {
  it('refuses forged, tampered, expired and wrong-purpose tokens with a 400 saying to subscribe again', async () => {
    const { email, manageToken } = await activeSubscriber();
    const row = await stored(email);
    const [body, signature] = manageToken.split('.');
    const flip = (text: string) => text.slice(0, -2) + (text.at(-2) === 'A' ? 'B' : 'A') + text.at(-1);
    const forgedBody = Buffer.from(JSON.stringify({ s: row.documentId, p: 'manage' })).toString('base64url');
    const bad = {
      tampered: `${flip(body)}.${signature}`,
      'bad signature': `${body}.${flip(signature)}`,
      forged: `${forgedBody}.${'x'.repeat(43)}`,
      'confirm token used to manage': signToken(row.documentId, 'confirm'),
      'unsigned body only': `${body}`,
    };
    for (const [what, token] of Object.entries(bad)) {
      for (const call of [
        request.post('/api/subscriptions/manage').send({ data: { token } }),
        request.post('/api/subscriptions/leave').send({ data: { token } }),
        request.post(`/api/subscriptions/unsubscribe?token=${token}`),
      ]) {
        const response = await call;
        expect(response.status, what).toBe(400);
        expect(response.body.error.message, what).toMatch(/expired or is not valid: subscribe again/);
      }
    }
    const expired = signToken(row.documentId, 'confirm', Date.now() - 49 * 3600 * 1000);
    const manageAsConfirm = manageToken;
    for (const token of [expired, manageAsConfirm, bad.tampered]) {
      const response = await request.post('/api/subscriptions/confirm').send({ data: { token } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/expired/);
    }
    // A confirmation link still within its 48 hours works.
    const late = signToken(row.documentId, 'confirm', Date.now() - 47 * 3600 * 1000);
    expect((await request.post('/api/subscriptions/confirm').send({ data: { token: late } })).status).toBe(200);
    expect(await stored(email)).toMatchObject({ subscriberStatus: 'active' });
  });

  it('answers 404 for a validly signed token of a subscription that never existed', async () => {
    const token = signToken('nosuchsubscriber00000000', 'manage');
    const response = await request.post('/api/subscriptions/manage').send({ data: { token } });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('This subscription no longer exists');
  });
});

describe('bad input', () => {
  it('answers 400 naming the field for each bad subscription, and stores or sends nothing', async () => {
    const before = await strapi.db.query(SUBSCRIBER).count();
    const mailsBefore = inbox.length;
    const email = address();
    const cases: Array<[string, unknown]> = [
      ['email', { frequency: 'weekly' }],
      ['email', { email: '', frequency: 'weekly' }],
      ['email', { email: 'not-an-address', frequency: 'weekly' }],
      ['email', { email: 42, frequency: 'weekly' }],
      ['email', { email: `${'a'.repeat(300)}@example.org`, frequency: 'weekly' }],
      ['frequency', { email }],
      ['frequency', { email, frequency: 'daily' }],
      ['frequency', { email, frequency: ['weekly'] }],
      ['topics', { email, frequency: 'weekly', topics: 'internships' }],
      ['topics', { email, frequency: 'weekly', topics: ['Not A Slug'] }],
      ['topics', { email, frequency: 'weekly', topics: ['no-such-category'] }],
      ['topics', { email, frequency: 'weekly', topics: [42] }],
      ['topics', { email, frequency: 'weekly', topics: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ];
    for (const [field, data] of cases) {
      const response = await subscribe(data as Record<string, unknown>);
      expect(response.status, JSON.stringify(data)).toBe(400);
      expect(response.body.error.details.errors[0].path[0], JSON.stringify(data)).toBe(field);
    }
    for (const body of [{}, { data: null }, { data: [] }, { data: 'x' }]) {
      const response = await request.post('/api/subscriptions').send(body);
      expect(response.status).toBe(400);
    }
    const notJson = await request.post('/api/subscriptions').type('form').send(`email=${email}&frequency=weekly`);
    expect(notJson.status).toBe(415);
    expect(await strapi.db.query(SUBSCRIBER).count()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(inbox.length).toBe(mailsBefore);
  });

  it('answers 400 naming the field for bad tokens and changes', async () => {
    const { email, manageToken } = await activeSubscriber();
    const before = await stored(email);
    for (const token of [undefined, '', 'short', 'a'.repeat(500), 'with spaces in it and more text', 42, null]) {
      for (const path of ['confirm', 'manage', 'leave']) {
        const response = await request.post(`/api/subscriptions/${path}`).send({ data: { token } });
        expect(response.status).toBe(400);
        expect(response.body.error.details.errors[0].path).toEqual(['token']);
      }
    }
    const changes: Array<[string, Record<string, unknown>]> = [
      ['topics', { frequency: 'weekly' }],
      ['topics', { topics: ['no-such-category'], frequency: 'weekly' }],
      ['topics', { topics: 'all', frequency: 'weekly' }],
      ['frequency', { topics: [] }],
      ['frequency', { topics: [], frequency: 'monthly' }],
    ];
    for (const [field, change] of changes) {
      const response = await request.put('/api/subscriptions/manage').send({ data: { token: manageToken, ...change } });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(response.body.error.details.errors[0].path[0]).toBe(field);
    }
    for (const query of ['', '?token=', '?token=short', '?other=1']) {
      const response = await request.post(`/api/subscriptions/unsubscribe${query}`);
      expect(response.status, query).toBe(400);
    }
    expect(await stored(email)).toEqual(before);
  });

  it('answers a filled honeypot like anyone, and stores and sends nothing', async () => {
    const email = address();
    const response = await subscribe({ email, frequency: 'weekly', website: 'http://spam.example' });
    expect(response.status).toBe(202);
    expect(response.body.data.message).toMatch(/Check your inbox/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stored(email)).toBeNull();
    expect(mailsTo(email)).toHaveLength(0);
  });
});

describe('limits', () => {
  afterEach(() => {
    strapi.config.set('anti-abuse.subscriptions', { max: 10000, windowSeconds: 3600 });
    strapi.config.set('anti-abuse.subscriptionAddress', { max: 10000, windowSeconds: 3600 });
  });

  it('answers 429 with Retry-After past the limit per visitor', async () => {
    // A window of its own: a limiter no other test counted against.
    strapi.config.set('anti-abuse.subscriptions', { max: 2, windowSeconds: 3000 + Math.floor(Math.random() * 500) });
    const answers: Array<Awaited<ReturnType<typeof subscribe>>> = [];
    for (let i = 0; i < 3; i += 1) answers.push(await subscribe({ email: address(), frequency: 'weekly' }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 429]);
    expect(Number(answers[2].headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[2].body.error.message).toMatch(/Too many submissions/);
  });

  it('answers 429 past the limit per address, however many visitors ask', async () => {
    strapi.config.set('anti-abuse.subscriptionAddress', {
      max: 2,
      windowSeconds: 3000 + Math.floor(Math.random() * 500),
    });
    const email = address();
    const answers: Array<Awaited<ReturnType<typeof subscribe>>> = [];
    for (const casing of [email, email.toUpperCase(), email])
      answers.push(await subscribe({ email: casing, frequency: 'weekly' }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 429]);
    expect(Number(answers[2].headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await subscribe({ email: address(), frequency: 'weekly' })).status).toBe(202);
  });
});

describe('forgetting', () => {
  it('deletes addresses still pending after 7 days when the scheduled job runs, and keeps the rest', async () => {
    const old = address('old');
    const recent = address('recent');
    await subscribeAndReadMail(old);
    await subscribeAndReadMail(recent);
    const { email: oldActive } = await activeSubscriber(address('old-active'));
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    for (const email of [old, oldActive]) {
      await strapi.db
        .connection('subscribers')
        .where({ email: email.toLowerCase() })
        .update({ created_at: eightDaysAgo });
    }
    await runJob('newsletter-forget-pending');
    await waitUntil(async () => (await stored(old)) === null);
    expect(await stored(recent)).toMatchObject({ subscriberStatus: 'pending' });
    expect(await stored(oldActive)).toMatchObject({ subscriberStatus: 'active' });
  });
});

describe('privacy', () => {
  it('never shows an address in a public GET answer or a log line', async () => {
    const spies = (['info', 'warn', 'error', 'debug', 'http'] as const)
      .filter((level) => typeof strapi.log[level] === 'function')
      .map((level) => vi.spyOn(strapi.log, level));
    try {
      const { email, manageToken } = await activeSubscriber(address('private'));
      await subscribe({ email, frequency: 'weekly' });
      await waitUntil(async () => mailsTo(email).length === 2);
      await request
        .post(`/api/subscriptions/unsubscribe?token=${manageToken}`)
        .type('form')
        .send('List-Unsubscribe=One-Click');

      const { email: kept } = await activeSubscriber(address('kept'));
      const local = kept.split('@')[0];
      for (const path of [
        '/api/subscribers',
        '/api/subscribers?populate=*',
        '/api/subscribers?filters[email][$notNull]=true',
        '/api/subscriptions',
        '/api/subscriptions/manage',
        '/api/articles?populate=*',
        '/api/global',
        '/api/openapi.json',
      ]) {
        const response = await request.get(path);
        expect(response.text, path).not.toContain(local);
      }
      expect((await request.get('/api/subscribers')).status).toBe(403);
      const logged = spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' ')));
      for (const line of logged) {
        expect(line).not.toContain(email.split('@')[0]);
        expect(line).not.toContain(local);
      }
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });

  it('lists the subscription routes in the OpenAPI document', async () => {
    const document = (await request.get('/api/openapi.json')).body;
    expect(Object.keys(document.paths['/subscriptions'])).toEqual(['post']);
    expect(document.paths['/subscriptions'].post.responses['202']).toBeDefined();
    expect(Object.keys(document.paths['/subscriptions/manage']).sort()).toEqual(['post', 'put']);
    expect(Object.keys(document.paths['/subscriptions/unsubscribe']).sort()).toEqual(['get', 'post']);
    expect(document.paths['/subscriptions/unsubscribe'].get.responses['303']).toBeDefined();
  });
});

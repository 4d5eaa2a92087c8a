/**
 * The Subscribers screen's endpoints (/medblog/subscribers...), with real admin users of each role:
 * counts by state, frequency and topic for Super Admins, Audience and Editors; addresses (search,
 * remove, CSV export) for Super Admins and Audience only; bad input answered 4xx naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { ROLES, type RoleCode } from '../src/platform/access/role-matrix';
import { localDateTime } from '../src/platform/utils/dates';

const SUBSCRIBER = 'api::subscriber.subscriber';
const run = Date.now().toString(36);
/** In every address this file makes, and in no other. */
const MARK = `aud${run}`;

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const as = {} as Record<RoleCode, { Authorization: string }>;
let topics: Array<{ slug: string; name: string }>;

interface Row {
  email: string;
  subscriberStatus: 'pending' | 'active' | 'bouncing';
  frequency: 'each-article' | 'weekly';
  topics: string[] | null;
  confirmedAt?: Date;
}

let minutesAgo = 1000;
/** A subscriber row, each one newer than the one before. */
async function addSubscriber(local: string, row: Omit<Row, 'email'>): Promise<string> {
  minutesAgo -= 1;
  const created = await strapi.db.query(SUBSCRIBER).create({
    data: {
      ...row,
      email: `${local}-${MARK}@example.net`,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
  return created.documentId as string;
}

const stored = (documentId: string) => strapi.db.query(SUBSCRIBER).findOne({ where: { documentId } });

interface Counts {
  total: number;
  byStatus: Array<{ status: string; label: string; count: number }>;
  byFrequency: Array<{ frequency: string; label: string; count: number }>;
  everyTopic: number;
  byTopic: Array<{ slug: string; name: string; count: number }>;
}

async function counts(code: RoleCode = ROLES.superAdmin): Promise<Counts> {
  const response = await request.get('/medblog/subscribers/counts').set(as[code]);
  expect(response.status, response.text).toBe(200);
  return response.body.data;
}

/** What changed between two readings of the counts, as `label: +n` (zeros left out). */
function delta(before: Counts, after: Counts): Record<string, number> {
  const numbers = (c: Counts) =>
    Object.fromEntries([
      ['total', c.total],
      ['every topic', c.everyTopic],
      ...c.byStatus.map((s) => [s.label, s.count]),
      ...c.byFrequency.map((f) => [f.label, f.count]),
      ...c.byTopic.map((t) => [`topic ${t.name}`, t.count]),
    ]) as Record<string, number>;
  const [b, a] = [numbers(before), numbers(after)];
  return Object.fromEntries(
    Object.keys(a)
      .map((key) => [key, a[key] - (b[key] ?? 0)] as const)
      .filter(([, change]) => change !== 0),
  );
}

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  for (const code of Object.values(ROLES)) as[code] = await newAdminHeaders(code, `subscribers-${code}-${run}`);
  topics = (
    await strapi.db.query('api::category.category').findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } })
  ).map((c) => ({ slug: c.slug as string, name: c.name as string }));
  expect(topics.length).toBeGreaterThanOrEqual(3);
});

afterAll(async () => {
  await strapi.db.query(SUBSCRIBER).deleteMany({ where: { email: { $contains: MARK } } });
});

describe('the counts', () => {
  it('count every state, and the active subscribers by frequency and by the topics an article would reach them in', async () => {
    const [one, two, three] = topics;
    const before = await counts();
    await addSubscriber('one-topic', { subscriberStatus: 'active', frequency: 'weekly', topics: [one.slug] });
    await addSubscriber('two-topics', {
      subscriberStatus: 'active',
      frequency: 'each-article',
      topics: [one.slug, two.slug, two.slug],
    });
    await addSubscriber('all-empty', { subscriberStatus: 'active', frequency: 'weekly', topics: [] });
    await addSubscriber('all-null', { subscriberStatus: 'active', frequency: 'weekly', topics: null });
    await addSubscriber('pending', { subscriberStatus: 'pending', frequency: 'weekly', topics: [two.slug] });
    await addSubscriber('bouncing', { subscriberStatus: 'bouncing', frequency: 'each-article', topics: [one.slug] });
    const after = await counts();

    expect(delta(before, after)).toEqual({
      total: 6,
      Subscribed: 4,
      'Waiting for confirmation': 1,
      'Address refuses our e-mails': 1,
      // Frequency and topics: active subscribers only, who are the ones mailed.
      'Weekly digest': 3,
      'Each new article': 1,
      'every topic': 2,
      [`topic ${one.name}`]: 4,
      [`topic ${two.name}`]: 3,
      // Any other topic reaches only those who chose none.
      ...Object.fromEntries(topics.slice(2).map((t) => [`topic ${t.name}`, 2])),
    });
    expect(delta(before, after)[`topic ${three.name}`]).toBe(2);
    // Every category is listed, by name, with its slug.
    expect(after.byTopic.map((t) => t.name)).toEqual(topics.map((t) => t.name));
    expect(after.byStatus.map((s) => s.status)).toEqual(['pending', 'active', 'bouncing']);
  });

  it('are the same numbers for an Editor, the Audience role and a Super Admin, and name nobody', async () => {
    await addSubscriber('counted', { subscriberStatus: 'active', frequency: 'weekly', topics: [] });
    const forSuperAdmin = await counts(ROLES.superAdmin);
    expect(await counts(ROLES.editor)).toEqual(forSuperAdmin);
    expect(await counts(ROLES.audience)).toEqual(forSuperAdmin);
    const text = (await request.get('/medblog/subscribers/counts').set(as[ROLES.editor])).text;
    expect(text).not.toContain('@');
    expect(text).not.toContain(MARK);
  });
});

describe('the list', () => {
  it('finds subscribers by any part of their address in any case, newest first, a page at a time', async () => {
    const mark = `find${run}`;
    const ids: string[] = [];
    for (const [i, status] of (['active', 'pending', 'bouncing', 'active', 'active'] as const).entries()) {
      ids.push(
        await addSubscriber(`reader${i}.${mark}`, {
          subscriberStatus: status,
          frequency: i % 2 ? 'each-article' : 'weekly',
          topics: i === 0 ? [] : [topics[0].slug],
        }),
      );
    }
    const search = (query: Record<string, unknown>, code: RoleCode = ROLES.audience) =>
      request.get('/medblog/subscribers').query(query).set(as[code]);

    const all = await search({ q: mark.toUpperCase() });
    expect(all.status, all.text).toBe(200);
    expect(all.body.data.map((s: { documentId: string }) => s.documentId)).toEqual([...ids].reverse());
    expect(all.body.meta.pagination).toEqual({ page: 1, pageSize: 20, total: 5, pageCount: 1 });
    const newest = all.body.data[0];
    expect(newest).toMatchObject({
      email: `reader4.${mark}-${MARK}@example.net`,
      subscriberStatus: 'active',
      frequency: 'weekly',
      topics: [topics[0].slug],
    });
    expect(Date.parse(newest.createdAt)).toBeGreaterThan(Date.parse(all.body.data[1].createdAt));
    expect(all.body.data[4].topics).toEqual([]);

    const second = await search({ q: `Reader`, page: 2, pageSize: 2, x: 1 }, ROLES.superAdmin);
    expect(second.status).toBe(200);
    expect(second.body.meta.pagination.page).toBe(2);
    expect(second.body.data).toHaveLength(2);

    const pageTwo = await search({ q: mark, page: 2, pageSize: 3 });
    expect(pageTwo.body.data.map((s: { documentId: string }) => s.documentId)).toEqual([ids[1], ids[0]]);
    expect(pageTwo.body.meta.pagination).toEqual({ page: 2, pageSize: 3, total: 5, pageCount: 2 });

    // Typed characters are matched as they are, never as wildcards.
    for (const q of [`%${mark}`, `${mark.slice(0, 3)}_${mark.slice(4)}`, `nobody-${mark}`]) {
      const none = await search({ q });
      expect(none.status, q).toBe(200);
      expect(none.body.data, q).toEqual([]);
      expect(none.body.meta.pagination.total, q).toBe(0);
    }
  });
});

describe('removing a subscriber', () => {
  it('deletes the row: the reader is forgotten, found by no search, counted nowhere', async () => {
    const documentId = await addSubscriber('forget-me', {
      subscriberStatus: 'active',
      frequency: 'weekly',
      topics: [topics[1].slug],
    });
    const before = await counts();
    const removed = await request.delete(`/medblog/subscribers/${documentId}`).set(as[ROLES.audience]);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.data).toEqual({ documentId, removed: true });
    expect(await stored(documentId)).toBeNull();
    expect(await strapi.db.query(SUBSCRIBER).count({ where: { email: { $contains: `forget-me-${MARK}` } } })).toBe(0);
    const found = await request.get('/medblog/subscribers').query({ q: 'forget-me' }).set(as[ROLES.audience]);
    expect(found.body.data).toEqual([]);
    expect(delta(before, await counts())).toMatchObject({ total: -1, Subscribed: -1, 'Weekly digest': -1 });

    const again = await request.delete(`/medblog/subscribers/${documentId}`).set(as[ROLES.audience]);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/No such subscriber/);
  });
});

describe('the CSV export', () => {
  it('writes every subscriber with state, frequency and topics by name, and no text a spreadsheet would run', async () => {
    const [one, two] = topics;
    const confirmedAt = new Date('2026-03-05T04:30:00Z');
    await addSubscriber('csv-plain', {
      subscriberStatus: 'active',
      frequency: 'each-article',
      topics: [one.slug, two.slug],
      confirmedAt,
    });
    await addSubscriber('csv-all', { subscriberStatus: 'pending', frequency: 'weekly', topics: null });
    // An address may start with = or + (both allowed in an address), and an old slug with anything.
    await addSubscriber('=hyperlink("https://evil.example")', {
      subscriberStatus: 'bouncing',
      frequency: 'weekly',
      topics: ['=cmd|calc'],
    });
    await addSubscriber('+2+3', { subscriberStatus: 'active', frequency: 'weekly', topics: [] });

    const response = await request.get('/medblog/subscribers/export').set(as[ROLES.audience]);
    expect(response.status, response.text).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.text;
    expect(text.startsWith('\uFEFF"E-mail","Status","Frequency","Topics","Confirmed","Subscribed"\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(await strapi.db.query(SUBSCRIBER).count());
    expect(Number(response.headers['x-total-count'])).toBe(lines.length - 1);

    const line = (local: string) => lines.find((l) => l.includes(`-${MARK}@example.net`) && l.includes(local));
    const zone = strapi.config.get<string>('organisation.timeZone');
    expect(line('csv-plain')).toMatch(
      new RegExp(
        `^"csv-plain-${MARK}@example\\.net","Subscribed","Each new article","${one.name}; ${two.name}","${localDateTime(confirmedAt, zone)}","\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"$`,
      ),
    );
    expect(line('csv-all')).toMatch(
      new RegExp(`^"csv-all-${MARK}@example\\.net","Waiting for confirmation","Weekly digest","All topics","",`),
    );
    expect(line('hyperlink')).toMatch(
      new RegExp(
        `^"'=hyperlink\\(""https://evil\\.example""\\)-${MARK}@example\\.net","Address refuses our e-mails","Weekly digest","'=cmd\\|calc",`,
      ),
    );
    expect(line('+2+3')).toMatch(new RegExp(`^"'\\+2\\+3-${MARK}@example\\.net","Subscribed"`));
    // No field of the file starts a formula.
    for (const field of text.slice(1).split(/","|\r\n"|^"/)) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('who may do what', () => {
  const everyone = Object.values(ROLES);
  const readers: RoleCode[] = [ROLES.superAdmin, ROLES.audience];
  const counters: RoleCode[] = [ROLES.superAdmin, ROLES.audience, ROLES.editor];

  it('shows the counts to Super Admins, Audience and Editors only', async () => {
    for (const code of everyone) {
      const response = await request.get('/medblog/subscribers/counts').set(as[code]);
      expect(response.status, code).toBe(counters.includes(code) ? 200 : 403);
      if (response.status === 403) {
        expect(response.body.error.message, code).toBe(
          'You may not read subscriber entries or publish article entries (your role has no such right)',
        );
      }
    }
    expect((await request.get('/medblog/subscribers/counts')).status).toBe(401);
  });

  it('shows addresses, in a search, an export or the content manager, to Super Admins and Audience only', async () => {
    await addSubscriber('secret', { subscriberStatus: 'active', frequency: 'weekly', topics: [] });
    const paths = [
      `/medblog/subscribers?q=secret-${MARK}`,
      '/medblog/subscribers/export',
      '/content-manager/collection-types/api::subscriber.subscriber',
    ];
    for (const code of everyone) {
      for (const path of paths) {
        const response = await request.get(path).set(as[code]);
        expect(response.status, `${code} ${path}`).toBe(readers.includes(code) ? 200 : 403);
        if (readers.includes(code) && !path.startsWith('/content-manager')) {
          expect(response.text, `${code} ${path}`).toContain(`secret-${MARK}@example.net`);
        } else if (!readers.includes(code)) {
          expect(response.text, `${code} ${path}`).not.toContain(MARK);
          if (path.startsWith('/medblog'))
            expect(response.body.error.message).toMatch(/^You may not read subscriber entries/);
        }
      }
    }
    for (const path of paths) expect((await request.get(path)).status, path).toBe(401);
  });

  it('lets Super Admins and Audience remove a subscriber, and nobody else', async () => {
    for (const code of everyone) {
      const documentId = await addSubscriber(`removed-by-${code}`, {
        subscriberStatus: 'active',
        frequency: 'weekly',
        topics: [],
      });
      const response = await request.delete(`/medblog/subscribers/${documentId}`).set(as[code]);
      if (readers.includes(code)) {
        expect(response.status, code).toBe(200);
        expect(await stored(documentId), code).toBeNull();
      } else {
        expect(response.status, code).toBe(403);
        expect(response.body.error.message, code).toMatch(/^You may not delete subscriber entries/);
        expect(await stored(documentId), code).not.toBeNull();
      }
    }
  });

  it("gives the Audience role no right to create or change an address, nor to anyone's content", async () => {
    const documentId = await addSubscriber('unchanged', {
      subscriberStatus: 'active',
      frequency: 'weekly',
      topics: [],
    });
    const list = '/content-manager/collection-types/api::subscriber.subscriber';
    const created = await request
      .post(list)
      .send({ email: `made-${MARK}@example.net`, frequency: 'weekly', subscriberStatus: 'active' })
      .set(as[ROLES.audience]);
    expect(created.status).toBe(403);
    const changed = await request
      .put(`${list}/${documentId}`)
      .send({ frequency: 'each-article' })
      .set(as[ROLES.audience]);
    expect(changed.status).toBe(403);
    expect((await stored(documentId)).frequency).toBe('weekly');
    for (const uid of ['api::article.article', 'api::comment.comment', 'api::enquiry.enquiry']) {
      const response = await request.get(`/content-manager/collection-types/${uid}`).set(as[ROLES.audience]);
      expect(response.status, uid).toBe(403);
    }
  });
});

describe('bad input', () => {
  it('is answered 400 or 404 naming the problem, never 500', async () => {
    const cases: Array<[string, 'get' | 'delete', number, RegExp]> = [
      ['/medblog/subscribers?page=-1', 'get', 400, /^page: must be a whole number from 1 to/],
      ['/medblog/subscribers?page=0', 'get', 400, /^page: /],
      ['/medblog/subscribers?page=1.5', 'get', 400, /^page: /],
      ['/medblog/subscribers?page=abc', 'get', 400, /^page: /],
      ['/medblog/subscribers?page=99999999999', 'get', 400, /^page: /],
      ['/medblog/subscribers?pageSize=100000', 'get', 400, /^pageSize: must be a whole number from 1 to 100$/],
      [`/medblog/subscribers?q=${'a'.repeat(10_000)}`, 'get', 400, /^q: must be a text of at most 254 characters$/],
      ['/medblog/subscribers?q[$ne]=x', 'get', 400, /^q: /],
      ['/medblog/subscribers/aaaaaaaaaaaaaaaaaaaaaaaa', 'delete', 404, /^No such subscriber/],
      ['/medblog/subscribers/not%20an%20id', 'delete', 400, /^documentId: must be the documentId of a subscriber$/],
      [`/medblog/subscribers/${'a'.repeat(10_000)}`, 'delete', 400, /^documentId: /],
    ];
    for (const [path, method, status, message] of cases) {
      const response = await request[method](path).set(as[ROLES.audience]);
      expect(response.status, `${method} ${path.slice(0, 80)}: ${response.text.slice(0, 300)}`).toBe(status);
      expect(response.body.error.message, path.slice(0, 80)).toMatch(message);
    }
  });
});

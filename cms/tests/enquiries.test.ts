/** Enquiries: durable, never readable by the public, staff notified, exported safely to CSV. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { adminToken, loginAsNewUser } from './helpers/admin';
import { ENQUIRY_STAFF_ROLE } from '../src/platform/access/admin-roles';
import { count, validEnquiry } from './helpers/fixtures';
import { inbox, waitForMail } from './helpers/smtp';
import { up as fileOldSpamApart } from '../database/migrations/2026.12.06T00.02.00.enquiry-suspected-spam';

let request: Awaited<ReturnType<typeof api>>;

beforeAll(async () => {
  request = await api();
});

// Strapi allows a few logins per e-mail address in 5 minutes: the tests below share one of their own.
let ownStaff: Promise<{ Authorization: string }> | undefined;
function staffAuth() {
  ownStaff ??= (async () => {
    const role = await (await bootStrapi()).service('admin::role').findOne({ code: ENQUIRY_STAFF_ROLE.code });
    return { Authorization: `Bearer ${await loginAsNewUser(`enquiry-desk-${Date.now()}@example.org`, role.id)}` };
  })();
  return ownStaff;
}

const send = (overrides: Record<string, unknown> = {}) =>
  request.post('/api/enquiries').send({ data: validEnquiry(overrides) });

async function stored(documentId: string) {
  const strapi = await bootStrapi();
  return strapi.db.query('api::enquiry.enquiry').findOne({ where: { documentId } });
}

describe('durability', () => {
  it('stores every one of many concurrent enquiries exactly once, each 201 matching a row', async () => {
    const before = await count('api::enquiry.enquiry');
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send({ name: `Concurrent ${i}`, message: `Concurrent enquiry number ${i}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const ids = responses.map((r) => r.body.data.documentId);
    expect(new Set(ids).size).toBe(40);
    expect(await count('api::enquiry.enquiry')).toBe(before + 40);
    const strapi = await bootStrapi();
    const rows = await strapi.db.query('api::enquiry.enquiry').findMany({ where: { documentId: { $in: ids } } });
    expect(rows.map((row) => row.name).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Concurrent ${i}`).sort());
  });
});

describe('anti-abuse', () => {
  afterEach(async () => {
    const strapi = await bootStrapi();
    strapi.config.set('anti-abuse.enquiries', { max: 10000, windowSeconds: 3600 });
    strapi.server.app.proxy = false;
  });

  it('keeps a bot-like enquiry (honeypot, too fast) but files it as suspected spam, apart from closed ones, and mails nobody', async () => {
    for (const overrides of [
      { website: 'x', message: 'Honeypot enquiry' },
      { elapsedMs: 500, message: 'Too fast enquiry' },
    ]) {
      const response = await send(overrides);
      expect(response.status).toBe(201);
      const row = await stored(response.body.data.documentId);
      expect(row.handlingStatus).toBe('suspected-spam');
      expect(row.internalNotes).toMatch(/suspected spam: .+\. If a person sent it, set its status to New\./);
    }
    await send({ message: 'A real enquiry after the bots' });
    await waitForMail((m) => m.text.includes('A real enquiry after the bots'));
    expect(inbox.some((m) => /Honeypot enquiry|Too fast enquiry/.test(m.text))).toBe(false);
  });

  it('files the suspected spam closed automatically before as suspected spam, leaving what staff closed', async () => {
    const strapi = await bootStrapi();
    const enquiries = strapi.documents('api::enquiry.enquiry');
    const make = (internalNotes: string) =>
      enquiries.create({
        data: {
          ...validEnquiry({ message: internalNotes }),
          topic: 'general',
          handlingStatus: 'closed',
          internalNotes,
        },
      });
    const automatic = await make('Closed automatically as suspected spam: form filled too fast.');
    const byStaff = await make('Closed automatically? No: answered by phone.');
    await fileOldSpamApart(strapi.db.connection);
    expect((await enquiries.findOne({ documentId: automatic.documentId }))?.handlingStatus).toBe('suspected-spam');
    expect((await enquiries.findOne({ documentId: byStaff.documentId }))?.handlingStatus).toBe('closed');
  });

  it('answers 429 with Retry-After once a visitor reaches the limit', async () => {
    const strapi = await bootStrapi();
    strapi.server.app.proxy = true;
    strapi.config.set('anti-abuse.enquiries', { max: 1, windowSeconds: 3600 });
    const first = await request
      .post('/api/enquiries')
      .set('X-Forwarded-For', '192.0.2.44')
      .send({ data: validEnquiry() });
    expect(first.status).toBe(201);
    const second = await request
      .post('/api/enquiries')
      .set('X-Forwarded-For', '192.0.2.44')
      .send({ data: validEnquiry() });
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(3500);
    expect(
      (await request.post('/api/enquiries').set('X-Forwarded-For', '192.0.2.45').send({ data: validEnquiry() })).status,
    ).toBe(201);
  });
});

describe('staff e-mail', () => {
  it("sends the enquiry's content and a link to it in the admin", async () => {
    const response = await send({
      name: 'Arjun Mehta',
      phone: '+91 90000 11111',
      topic: 'internships',
      message: 'Do you place interns in\npaediatrics?',
    });
    const mail = await waitForMail((m) => m.text.includes('Do you place interns in'));
    expect(mail.subject).toBe('New enquiry (Internships) from Arjun Mehta');
    expect(mail.text).toContain('E-mail: student@example.net');
    expect(mail.text).toContain('Phone: +91 90000 11111');
    expect(mail.text).toContain('Sent from: /articles/usmle-step-2-ck-study-plan');
    expect(mail.text).toContain('Do you place interns in\npaediatrics?');
    expect(mail.text).toContain(
      `/admin/content-manager/collection-types/api::enquiry.enquiry/${response.body.data.documentId}`,
    );
  });
});

describe('staff in the admin', () => {
  it('enquiry staff may update handling status and notes but not touch articles', async () => {
    const staff = await adminToken('enquiry-staff');
    const auth = { Authorization: `Bearer ${staff}` };
    const { documentId } = (await send({ message: 'Please call me back' })).body.data;
    const path = `/content-manager/collection-types/api::enquiry.enquiry/${documentId}`;
    expect((await request.get(path).set(auth)).status).toBe(200);
    const update = await request
      .put(path)
      .set(auth)
      .send({ handlingStatus: 'in-progress', internalNotes: 'Called on Monday' });
    expect(update.status).toBe(200);
    expect(await stored(documentId)).toMatchObject({
      handlingStatus: 'in-progress',
      internalNotes: 'Called on Monday',
    });
    expect((await request.get('/content-manager/collection-types/api::article.article').set(auth)).status).toBe(403);
  });

  it("may not change what the sender wrote: a 400 names the field and nothing is saved, the edit form's own save works", async () => {
    const auth = await staffAuth();
    const { documentId } = (await send({ message: 'What the sender really wrote' })).body.data;
    const path = `/content-manager/collection-types/api::enquiry.enquiry/${documentId}`;
    const original = await stored(documentId);
    const changes = {
      name: 'Someone Else',
      email: 'other@example.net',
      phone: '+91 90000 00000',
      topic: 'internships',
      message: 'Words the sender never wrote',
      consent: false,
      sourcePath: '/elsewhere',
    };
    for (const [field, value] of Object.entries(changes)) {
      const response = await request
        .put(path)
        .set(auth)
        .send({ [field]: value, handlingStatus: 'closed' });
      expect(response.status, field).toBe(400);
      expect(response.body.error.message).toBe(`${field}: is what the sender wrote and cannot be changed`);
    }
    expect(await stored(documentId)).toEqual(original);

    // The edit form sends every field back as it was, with the handling status and notes changed.
    const form = (await request.get(path).set(auth)).body.data;
    const saved = await request
      .put(path)
      .set(auth)
      .send({ ...form, handlingStatus: 'in-progress', internalNotes: 'Replied by e-mail' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await stored(documentId)).toMatchObject({
      message: 'What the sender really wrote',
      handlingStatus: 'in-progress',
      internalNotes: 'Replied by e-mail',
    });
  });
});

describe('CSV export', () => {
  it('is for staff only', async () => {
    expect((await request.get('/medblog/enquiries/export')).status).toBe(401);
    const author = await adminToken('strapi-author');
    expect((await request.get('/medblog/enquiries/export').set('Authorization', `Bearer ${author}`)).status).toBe(403);
  });

  it('exports what staff see, filtered by status, topic and dates', async () => {
    const staff = await adminToken('enquiry-staff');
    const auth = { Authorization: `Bearer ${staff}` };
    const tricky = await send({
      name: 'Dr. "Ravi", MBBS',
      topic: 'clinical-partnerships',
      message: '=cmd|calc\nनमस्ते, two lines',
    });
    await request
      .put(`/content-manager/collection-types/api::enquiry.enquiry/${tricky.body.data.documentId}`)
      .set(auth)
      .send({ handlingStatus: 'closed' });

    const response = await request
      .get('/medblog/enquiries/export')
      .query({ handlingStatus: 'closed', topic: 'clinical-partnerships' })
      .set(auth);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="enquiries-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = response.text;
    expect(
      csv.startsWith(
        '\uFEFF"Received","Name","E-mail","Phone","Topic","Message","Handling status","Sent from","Internal notes"\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      '"Dr. ""Ravi"", MBBS","student@example.net"," +91 98765 00000","Clinical partnerships","\'=cmd|calc\nनमस्ते, two lines","Closed"',
    );
    expect(csv).not.toMatch(/"New"|"In progress"/);

    const today = new Date().toISOString().slice(0, 10);
    const none = await request.get('/medblog/enquiries/export').query({ to: '2000-01-01' }).set(auth);
    expect(none.text.trim().split('\r\n')).toHaveLength(1);
    expect(none.headers['x-total-count']).toBe('0');
    const all = await request.get('/medblog/enquiries/export').query({ from: today }).set(auth);
    expect(all.text.trim().split(/\r\n(?=")/).length - 1).toBe(await count('api::enquiry.enquiry'));
    expect(Number(all.headers['x-total-count'])).toBe(await count('api::enquiry.enquiry'));
  });

  it("writes dates as DD/MM/YYYY on the organisation's clock, picks days by that clock, and counts before the download", async () => {
    const auth = await staffAuth();
    const { documentId } = (await send({ name: 'Late Night Sender' })).body.data;
    // 20:00 UTC on 1 March is 01:30 on 2 March in India.
    await (
      await bootStrapi()
    ).db
      .query('api::enquiry.enquiry')
      .update({ where: { documentId }, data: { createdAt: new Date('2026-03-01T20:00:00Z') } });

    const onSecond = { from: '2026-03-02', to: '2026-03-02' };
    const csv = await request.get('/medblog/enquiries/export').query(onSecond).set(auth);
    expect(csv.text).toContain('"02/03/2026 01:30","Late Night Sender"');
    expect(csv.text).toContain('"New"');
    const counted = await request.get('/medblog/enquiries/count').query(onSecond).set(auth);
    expect(counted.body).toEqual({ data: { count: 1 } });
    expect(counted.body.data.count).toBe(Number(csv.headers['x-total-count']));

    const onFirst = { from: '2026-03-01', to: '2026-03-01' };
    expect((await request.get('/medblog/enquiries/count').query(onFirst).set(auth)).body).toEqual({
      data: { count: 0 },
    });
    expect((await request.get('/medblog/enquiries/export').query(onFirst).set(auth)).text).not.toContain('Late Night');

    const strapi = await bootStrapi();
    strapi.config.set('organisation.timeZone', 'UTC');
    try {
      const utc = await request.get('/medblog/enquiries/export').query(onFirst).set(auth);
      expect(utc.text).toContain('"01/03/2026 20:00","Late Night Sender"');
    } finally {
      strapi.config.set('organisation.timeZone', 'Asia/Kolkata');
    }
  });

  it('counts for staff only, and answers 400 to bad filters there too', async () => {
    expect((await request.get('/medblog/enquiries/count')).status).toBe(401);
    const author = { Authorization: `Bearer ${await adminToken('strapi-author')}` };
    expect((await request.get('/medblog/enquiries/count').set(author)).status).toBe(403);
    const response = await request
      .get('/medblog/enquiries/count')
      .query({ from: '31/01/2026' })
      .set(await staffAuth());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^from: /);
  });

  it('answers 400 to bad filters', async () => {
    const auth = { Authorization: `Bearer ${await adminToken('enquiry-staff')}` };
    for (const query of [
      { handlingStatus: 'open' },
      { topic: 'surgery' },
      { from: '22/11/2026' },
      { to: '2026-13-45' },
    ]) {
      const response = await request.get('/medblog/enquiries/export').query(query).set(auth);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(new RegExp(Object.keys(query)[0]));
    }
  });
});

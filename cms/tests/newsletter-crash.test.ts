/**
 * A send that holds: a CMS killed (SIGKILL) in the middle of e-mailing an article to 2,000
 * subscribers, then two instances started on the same database, and every subscriber gets the
 * article exactly once. The CMSes are processes of their own (helpers/cms-child.ts) on a scratch
 * database, sending to an SMTP server of this test that can stop answering mid-send.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { scratchDatabase, startCmsProcess, type CmsProcess, type ScratchDatabase } from './helpers/cms-child';
import { DEV_ADMIN } from '../src/platform/access/dev-admin';

const SUBSCRIBERS = 2000;
/** Messages the server takes before it stops answering (the CMS is killed then). */
const BEFORE_CRASH = 600;

let database: ScratchDatabase;
let smtp: SMTPServer;
let port: number;
const instances: CmsProcess[] = [];
/** The recipients of every message the server accepted, one entry per message. */
const accepted: string[] = [];
/** While true, messages get no answer (the mail server's side of a send cut short). */
let holding = false;
/** Whether the server has stopped answering once already (it does once). */
let held = false;

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeout = 120_000) {
  for (let waited = 0; waited < timeout; waited += 200) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const jobs = await database.query(
    `SELECT name, state, count(*)::int AS n FROM pgboss.job WHERE name LIKE 'newsletter%' GROUP BY name, state`,
  );
  const rows = await database.query('SELECT status, count(*)::int AS n FROM newsletter_deliveries GROUP BY status');
  throw new Error(`Timed out waiting for ${what}: deliveries ${JSON.stringify(rows)}, jobs ${JSON.stringify(jobs)}`);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        // Held: never answered, so never taken; the connection dies with the CMS.
        if (holding) return;
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        if (!held && accepted.length >= BEFORE_CRASH) holding = held = true;
        callback();
      });
    },
  });
  smtp.on('error', () => {}); // connections cut by the kill
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
  database = await scratchDatabase('newsletter_crash');
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.drop();
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
});

const env = () => ({
  DATABASE_URL: database.url,
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_IGNORE_TLS: 'true',
  EMAIL_FROM: 'Newsletter <letters@example.org>',
  NEWSLETTER_MAX_PER_SECOND: '400',
  NEWSLETTER_RETRY_DELAY_SECONDS: '1',
  JOBS_POLL_SECONDS: '0.5',
  // A dead instance's jobs are handed on within seconds (their heartbeat is 10 s).
  JOBS_SUPERVISE_SECONDS: '1',
});

async function adminRequest(url: string, method: string, path: string, body: unknown) {
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEV_ADMIN),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  const response = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${data.token}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { data: { documentId: string } };
}

describe('an article e-mailed to 2,000 subscribers', () => {
  it('reaches each exactly once though the sending CMS is killed mid-send, then two instances finish it', async () => {
    instances.push(await startCmsProcess(env()));
    const addresses = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@crash.example.org`);
    const now = new Date().toISOString();
    await database.query(
      `INSERT INTO subscribers (document_id, email, topics, frequency, subscriber_status, bounce_count, created_at, updated_at, published_at)
       SELECT md5(random()::text || e), e, '[]'::jsonb, 'each-article', 'active', 0, $2, $2, $2 FROM unnest($1::text[]) AS e`,
      [addresses, now],
    );

    // An editor writes and publishes an article in the admin.
    const title = `Crash-proof article ${randomBytes(4).toString('hex')}`;
    const path = '/content-manager/collection-types/api::article.article';
    const created = await adminRequest(instances[0].url, 'POST', path, {
      title,
      excerpt: 'An article to e-mail to everyone.',
    });
    await adminRequest(instances[0].url, 'POST', `${path}/${created.data.documentId}/actions/publish`, {});

    await waitFor('the mail server to stop answering mid-send', () => holding);
    const deliveries = () =>
      database.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM newsletter_deliveries GROUP BY status',
      );
    // Messages are on the wire, unanswered: the CMS dies now.
    await waitFor('messages in flight', async () => (await deliveries()).some((row) => row.status === 'sending'));
    await instances[0].kill();
    instances.shift();
    const atCrash = Object.fromEntries((await deliveries()).map((row) => [row.status, row.n]));
    expect(atCrash.sent).toBeGreaterThanOrEqual(BEFORE_CRASH - 50);
    expect(atCrash.sending).toBeGreaterThan(0);
    expect(accepted.length).toBe(BEFORE_CRASH);

    holding = false;
    instances.push(...(await Promise.all([startCmsProcess(env()), startCmsProcess(env())])));
    await waitFor('every subscriber’s e-mail', async () => {
      const rows = await deliveries();
      return rows.length === 1 && rows[0].status === 'sent' && rows[0].n === SUBSCRIBERS;
    });
    // Anything sent twice would arrive in moments.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const perAddress = new Map<string, number>();
    for (const address of accepted) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    expect(perAddress.size).toBe(SUBSCRIBERS);
    expect([...perAddress.values()].filter((times) => times !== 1)).toEqual([]);
    expect(accepted).toHaveLength(SUBSCRIBERS);
  }, 300_000);
});

/**
 * The weekly digest goes out by itself: in a CMS of its own, the queue's timer (pg-boss's schedule,
 * here every second instead of every quarter of an hour) runs the digest job on the day the
 * Newsletter settings name, and a weekly subscriber gets the week's article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startCmsProcess, type CmsProcess, type ScratchDatabase } from './helpers/cms-child';
import { inbox, startSmtpServer } from './helpers/smtp';

let database: ScratchDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let cms: CmsProcess | undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
  database = await scratchDatabase('newsletter_timer');
}, 60_000);

afterAll(async () => {
  await cms?.stop();
  await database?.drop();
  await smtp?.close();
});

describe('the weekly digest’s timer', () => {
  it('sends the digest on the settings’ day without anyone running it', async () => {
    cms = await startCmsProcess({
      DATABASE_URL: database.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_IGNORE_TLS: 'true',
      EMAIL_FROM: 'Letters <letters@example.org>',
      JOBS_POLL_SECONDS: '0.5',
      NEWSLETTER_DIGEST_SCHEDULE: '* * * * * *',
    });
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', weekday: 'long' })
      .format(new Date())
      .toLowerCase();
    // One of the demo articles counts as e-mailed an hour ago (the demo content itself never is).
    const [{ document_id: article }] = await database.query<{ document_id: string }>(
      `SELECT document_id FROM articles WHERE published_at IS NOT NULL ORDER BY document_id LIMIT 1`,
    );
    await database.query(
      `UPDATE newsletter_sends SET state = 'fanned-out', created_at = now() - interval '1 hour' WHERE key = $1`,
      [`article:${article}`],
    );
    const reader = `weekly.${Date.now()}@timer.example.org`;
    await database.query(
      `INSERT INTO subscribers (document_id, email, topics, frequency, subscriber_status, bounce_count, created_at, updated_at, published_at)
       VALUES (md5($1), $1, '[]'::jsonb, 'weekly', 'active', 0, now(), now(), now())`,
      [reader],
    );
    await database.query(
      `INSERT INTO newsletter_settings (document_id, digest_day, digest_hour, created_at, updated_at, published_at)
       VALUES ('timertestsettings0000000', $1, 0, now(), now(), now())`,
      [today],
    );
    // A tick before the rows above were all there found an empty week: today's digest starts over.
    await database.query(`DELETE FROM newsletter_sends WHERE kind = 'digest' AND state = 'empty'`);

    // pg-boss's timer looks at its schedules every 30 s.
    let digest = inbox.find((mail) => mail.to.includes(reader));
    for (let waited = 0; !digest && waited < 75_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      digest = inbox.find((mail) => mail.to.includes(reader));
    }
    if (!digest) throw new Error('No digest arrived within 75 s');
    expect(digest.subject).toMatch(/^One new article this week on /);
    const [{ n }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM newsletter_sends WHERE kind = 'digest'`,
    );
    expect(n).toBe(1);
  }, 120_000);
});

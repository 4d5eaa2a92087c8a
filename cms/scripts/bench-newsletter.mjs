// `pnpm bench` (newsletter part): the time and peak memory to e-mail one article to 10,000
// subscribers through the job queue and a local SMTP server, at NEWSLETTER_MAX_PER_SECOND, beside
// the same number of the same e-mails handed straight to the same mail transport (no queue, no
// database): what the queue and its bookkeeping cost. On a throw-away CMS; prints, never fails.
import { createRequire } from 'node:module';
import { cmsDir } from './lib/strapi.mjs';
import { startThrowawayCms } from './lib/throwaway-cms.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const MAX_PER_SECOND = Number(process.env.BENCH_NEWSLETTER_MAX_PER_SECOND ?? 200);
// Each SMTP connection carries one message per round trip (about 45 ms to a local server, Nagle's
// and delayed ACKs): the maximum is reachable only with enough of them.
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 20);

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

Object.assign(process.env, {
  STRAPI_LOG_LEVEL: 'error',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.server.address().port),
  SMTP_IGNORE_TLS: 'true',
  EMAIL_FROM: 'Bench <letters@example.org>',
  NEWSLETTER_MAX_PER_SECOND: String(MAX_PER_SECOND),
  SMTP_MAX_CONNECTIONS: String(CONNECTIONS),
});

/** Peak memory while `run` runs, sampled every 50 ms, from a collected heap (run with --expose-gc). */
async function withPeakMemory(run) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 50);
  try {
    const seconds = await run();
    return { seconds, before, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function until(check) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

const row = ({ seconds, before, peak }) => ({
  seconds: seconds.toFixed(1),
  'e-mails/s': Math.round(SUBSCRIBERS / seconds),
  'of the maximum': `${Math.round((SUBSCRIBERS / seconds / MAX_PER_SECOND) * 100)} %`,
  'peak RSS MB': Math.round(peak.rss / 1e6),
  'peak heap MB': Math.round(peak.heapUsed / 1e6),
  'heap growth MB': Math.round((peak.heapUsed - before.heapUsed) / 1e6),
});

await require('@strapi/strapi').compileStrapi({ appDir: cmsDir });
const cms = await startThrowawayCms();
try {
  const db = cms.strapi.db.connection;
  const now = new Date();
  await db.raw(
    `INSERT INTO subscribers (document_id, email, topics, frequency, subscriber_status, bounce_count, created_at, updated_at, published_at)
     SELECT md5('bench' || n), 'reader' || n || '@bench.example.org', '[]'::jsonb, 'each-article', 'active', 0, ?, ?, ?
     FROM generate_series(1, ?) AS n`,
    [now, now, now, SUBSCRIBERS],
  );
  const { sendTestEmail } = require(`${cmsDir}/dist/src/features/newsletter/server/sends.js`);
  const articles = cms.strapi.documents('api::article.article');
  const article = await articles.create({
    data: { title: 'A new article for every subscriber', excerpt: 'What the bench sends to each of them.' },
  });
  // Warm the mail connection and the e-mail's template before the clock starts.
  await sendTestEmail(cms.strapi, article.documentId, 'editor@bench.example.org');
  received = 0;

  const queued = await withPeakMemory(async () => {
    const started = performance.now();
    await articles.publish({ documentId: article.documentId });
    await until(async () => {
      if (received < SUBSCRIBERS) return false;
      const [{ open }] = (
        await db.raw(`SELECT count(*)::int AS open FROM newsletter_deliveries WHERE status <> 'sent'`)
      ).rows;
      return open === 0;
    });
    return (performance.now() - started) / 1000;
  });
  const sentOnce = received === SUBSCRIBERS;

  // The same e-mails (rendered once, as the queue does) straight to the same transport, 40 at a
  // time (what the queue's workers keep in hand): the floor the rate limit and the mail server set.
  const { html, text, subject } = await (async () => {
    const { articleEmail } = require(`${cmsDir}/dist/src/features/newsletter/server/emails.js`);
    const { articleCards, newsletterSender } = require(`${cmsDir}/dist/src/features/newsletter/server/sends.js`);
    const [card] = await articleCards(cms.strapi, [article.documentId]);
    return articleEmail(await newsletterSender(cms.strapi), card, { manage: 'https://example.org/subscribe/manage' });
  })();
  received = 0;
  const email = cms.strapi.plugin('email').service('email');
  const direct = await withPeakMemory(async () => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < SUBSCRIBERS) {
          next += 1;
          await email.send({ to: `reader${next}@bench.example.org`, subject, text, html });
        }
      }),
    );
    return (performance.now() - started) / 1000;
  });

  console.log(
    `\nNewsletter: one article e-mailed to ${SUBSCRIBERS.toLocaleString('en-GB')} subscribers through a local SMTP server (in this process), NEWSLETTER_MAX_PER_SECOND=${MAX_PER_SECOND}, SMTP_MAX_CONNECTIONS=${CONNECTIONS}; memory is this whole process's (CMS, SMTP server)`,
  );
  console.table({
    'publish → every e-mail sent (job queue)': row(queued),
    'same e-mails straight to the transport': row(direct),
  });
  console.log(
    sentOnce ? 'Each subscriber got it once.' : `Expected ${SUBSCRIBERS} e-mails, the server got ${received}.`,
  );
} finally {
  await cms.stop();
  await new Promise((resolve) => smtp.close(resolve));
}

/**
 * What subscribers receive: an article when it is first published (to those who chose each new
 * article, on its topic), and the weekly digest (to those who chose it, on their topics).
 *
 * Each article's first publication and each digest is a row of `newsletter_sends`; each recipient
 * of it a row of `newsletter_deliveries`, unique per send and subscriber: the idempotency key. A
 * send is fanned out into deliveries by one job, and each delivery is one job of the queue (its id
 * made from the delivery's, so queuing it again queues nothing). A delivery job claims its row
 * before sending and records the outcome after; a row already sent is never sent again, whichever
 * instance or retry picks it up. An instance killed mid-send leaves its rows 'sending': their jobs'
 * heartbeat stops, the queue hands them to another instance, which sends them. (Only a kill in the
 * moment between the mail server's acceptance and the row's update can send one twice; the copy
 * then carries the same Message-ID, which mail clients show once.)
 */
import type { Core } from '@strapi/strapi';
import type { ArticleEmailStatus } from '@medblog/shared';
import { defineJob, enqueue, enqueueMany, type Attempt } from '../../../platform/jobs/queue';
import { deliverToReader } from '../../../platform/mail';
import { articleEmail, digestEmail, type ArticleCard, type Email, type Sender } from './emails';
import { listUnsubscribeHeaders, manageUrl, mediaUrl, siteUrl } from './links';

const ARTICLE = 'api::article.article';
const SUBSCRIBER = 'api::subscriber.subscriber';
const SETTINGS = 'api::newsletter-setting.newsletter-setting';

type Knex = Core.Strapi['db']['connection'];
const knex = (strapi: Core.Strapi): Knex => strapi.db.connection;

/** A send's state: 'off' (never e-mailed: "Do not e-mail", imported, or on the site before), 'queued', 'fanned-out', 'empty'. */
type SendState = 'off' | 'queued' | 'fanned-out' | 'empty';

interface SendRow {
  id: number;
  kind: 'article' | 'digest';
  article_document_id: string | null;
  articles: string[] | string | null;
  state: SendState;
  created_at: Date;
}

// ---------------------------------------------------------------------------------------------
// What the e-mails say

interface Settings {
  digestDay: string;
  digestHour: number;
  senderName: string | null;
  emailFooterText: string | null;
}

async function settings(strapi: Core.Strapi): Promise<Settings> {
  const found = await strapi.db.query(SETTINGS).findOne({});
  return {
    digestDay: (found?.digestDay as string | undefined) ?? 'monday',
    digestHour: (found?.digestHour as number | undefined) ?? 8,
    senderName: (found?.senderName as string | undefined) || null,
    emailFooterText: (found?.emailFooterText as string | undefined) || null,
  };
}

/** Who the e-mails are from: the site's name and contacts, the newsletter settings' name and footer. */
export async function newsletterSender(strapi: Core.Strapi): Promise<Sender & { fromName: string }> {
  const [global, newsletter] = await Promise.all([
    strapi.db.query('api::global.global').findOne({ select: ['siteName', 'contactEmail', 'contactPhone'] }),
    settings(strapi),
  ]);
  const siteName = (global?.siteName as string | undefined) ?? 'Our site';
  return {
    siteName,
    contactEmail: global?.contactEmail as string | undefined,
    contactPhone: global?.contactPhone as string | undefined,
    footerText: newsletter.emailFooterText,
    fromName: newsletter.senderName ?? siteName,
  };
}

/** The From header: the sender's name on the configured sending address (EMAIL_FROM). */
export function fromHeader(fromName: string): string {
  const configured = process.env.EMAIL_FROM ?? 'no-reply@localhost';
  const address = /<([^>]+)>/.exec(configured)?.[1] ?? configured.trim();
  return `"${fromName.replace(/["\\\r\n]/g, '')}" <${address}>`;
}

interface ArticleForEmail extends ArticleCard {
  documentId: string;
  topicSlug: string | null;
  topic: string | null;
}

/** Articles as e-mails show them: their published version (`status`) or the draft (a test). */
export async function articleCards(
  strapi: Core.Strapi,
  documentIds: string[],
  status: 'published' | 'draft' = 'published',
): Promise<ArticleForEmail[]> {
  if (!documentIds.length) return [];
  const found = await strapi.documents(ARTICLE).findMany({
    status,
    filters: { documentId: { $in: documentIds } },
    fields: ['title', 'slug', 'excerpt', 'readingTimeMinutes'],
    populate: {
      cover: { fields: ['url', 'alternativeText'] },
      category: { fields: ['slug', 'name'] },
      author: { fields: ['name'] },
      reviewer: { fields: ['name'] },
    },
    sort: ['displayDate:desc'],
  } as never);
  interface Found {
    documentId: string;
    title: string;
    slug: string;
    excerpt: string | null;
    readingTimeMinutes: number | null;
    cover: { url: string; alternativeText: string | null } | null;
    category: { slug: string; name: string } | null;
    author: { name: string } | null;
    reviewer: { name: string } | null;
  }
  return (found as unknown as Found[]).map((article) => ({
    documentId: article.documentId,
    title: article.title,
    url: `${siteUrl(strapi)}/articles/${article.slug}`,
    excerpt: article.excerpt,
    readingTimeMinutes: article.readingTimeMinutes,
    cover: article.cover
      ? { url: mediaUrl(strapi, article.cover.url), alt: article.cover.alternativeText ?? '' }
      : null,
    trustLine: article.reviewer
      ? `Medically reviewed by ${article.reviewer.name}`
      : article.author
        ? `Written by ${article.author.name}`
        : null,
    topicSlug: article.category?.slug ?? null,
    topic: article.category?.name ?? null,
  }));
}

/** What stands in the e-mail where each subscriber's own manage link goes. */
const MANAGE_PLACEHOLDER = 'https://manage.invalid/subscription';

/**
 * Rendering an e-mail with MJML takes milliseconds; a send to thousands renders each distinct
 * e-mail once (an article's, or a digest's for one set of topics) and puts each reader's own link
 * in, with who it is from (the settings read once with it). Kept a few minutes, per instance.
 */
type Rendered = { email: Email; from: string; contactEmail?: string | null } | null;
const rendered = new Map<string, { value: Rendered; until: number }>();
const RENDER_KEEP_MS = 5 * 60_000;

async function renderOnce(key: string, make: () => Promise<Rendered>): Promise<Rendered> {
  const now = Date.now();
  const kept = rendered.get(key);
  if (kept && kept.until > now) return kept.value;
  for (const [old, entry] of rendered) if (entry.until <= now) rendered.delete(old);
  const value = await make();
  rendered.set(key, { value, until: now + RENDER_KEEP_MS });
  return value;
}

const topicsOf = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as string[]) : [];
};

/** An empty list of topics is every topic, new ones too. */
const wants = (topics: string[], slug: string | null) => !topics.length || (slug !== null && topics.includes(slug));

/** The e-mail of a send for one subscriber's topics, with `MANAGE_PLACEHOLDER` for their link; null when nothing is for them. */
async function emailOf(strapi: Core.Strapi, send: SendRow, topics: string[]): Promise<Rendered> {
  const sender = await newsletterSender(strapi);
  const signed = (email: Email) => ({ email, from: fromHeader(sender.fromName), contactEmail: sender.contactEmail });
  if (send.kind === 'article') {
    const [article] = await articleCards(strapi, [send.article_document_id!]);
    // Unpublished since: nothing to send.
    return article ? signed(await articleEmail(sender, article, { manage: MANAGE_PLACEHOLDER })) : null;
  }
  const cards = (await articleCards(strapi, topicsOf(send.articles))).filter((card) => wants(topics, card.topicSlug));
  return cards.length ? signed(await digestEmail(sender, cards, { manage: MANAGE_PLACEHOLDER })) : null;
}

// ---------------------------------------------------------------------------------------------
// Jobs

/** The newsletter's configuration (config/newsletter.ts). */
const config = (strapi: Core.Strapi) =>
  strapi.config.get('newsletter') as {
    retryDelaySeconds: number;
    batchSize: number;
    concurrency: number;
    digestSchedule: string;
  };

export const deliveryJob = defineJob<{ delivery: number }>({
  name: 'newsletter-delivery',
  options: (strapi) => ({
    retryLimit: 8,
    retryDelay: config(strapi).retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    // A job whose instance stops answering (killed) is handed on within about this long.
    heartbeatSeconds: 10,
  }),
  // The rate is nodemailer's (NEWSLETTER_MAX_PER_SECOND, config/plugins.ts): these only keep that
  // many messages at hand for it.
  work: (strapi) => ({ batchSize: config(strapi).batchSize, localConcurrency: config(strapi).concurrency }),
  async handle(strapi, { delivery }, attempt) {
    await deliver(strapi, delivery, attempt);
  },
});

export const fanOutJob = defineJob<{ send: number }>({
  name: 'newsletter-fan-out',
  options: { retryLimit: 8, retryDelay: 10, retryBackoff: true },
  async handle(strapi, { send }) {
    await fanOut(strapi, send);
  },
});

export const digestJob = defineJob<Record<string, never>>({
  name: 'newsletter-digest',
  // Every quarter of an hour by default: the organisation's time zone may be half an hour off UTC's.
  schedule: (strapi) => strapi.config.get<string>('newsletter.digestSchedule'),
  async handle(strapi) {
    await runDigest(strapi);
  },
});

/** Who a send goes to, as SQL on the subscribers table (Strapi's snake-case columns). */
function recipientsSql(send: SendRow, topicSlugs: string[] | null) {
  const frequency = send.kind === 'article' ? 'each-article' : 'weekly';
  // No topics chosen: every topic.
  const anyTopic = `(topics IS NULL OR topics IN ('[]'::jsonb, 'null'::jsonb))`;
  const topicFilter = topicSlugs?.length ? `(${anyTopic} OR jsonb_exists_any(topics, ?::text[]))` : anyTopic;
  return {
    sql: `INSERT INTO newsletter_deliveries (send_id, subscriber_id)
          SELECT ?, document_id FROM subscribers
          WHERE subscriber_status = 'active' AND frequency = ? AND ${topicFilter}
          ON CONFLICT (send_id, subscriber_id) DO NOTHING`,
    bindings: [send.id, frequency, ...(topicSlugs?.length ? [topicSlugs] : [])],
  };
}

/** Makes a send's deliveries and queues them; run again (a retry, a restart), it adds nothing twice. */
async function fanOut(strapi: Core.Strapi, sendId: number): Promise<void> {
  const db = knex(strapi);
  const send = (await db('newsletter_sends').where({ id: sendId }).first()) as SendRow | undefined;
  if (!send || send.state !== 'queued') return;
  const documentIds = send.kind === 'article' ? [send.article_document_id!] : topicsOf(send.articles);
  const cards = await articleCards(strapi, documentIds);
  if (!cards.length) {
    // Taken off the site before it went out.
    await db('newsletter_sends').where({ id: sendId }).update({ state: 'off' });
    return;
  }
  const slugs = [...new Set(cards.map((card) => card.topicSlug).filter((slug): slug is string => Boolean(slug)))];
  const { sql, bindings } = recipientsSql(send, slugs);
  await db.raw(sql, bindings);
  // Every delivery not yet done, so a fan-out interrupted before queuing them queues them now.
  let after = 0;
  for (;;) {
    const ids = (await db('newsletter_deliveries')
      .where({ send_id: sendId })
      .whereIn('status', ['queued', 'retrying'])
      .andWhere('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .pluck('id')) as Array<number | string>;
    if (!ids.length) break;
    await enqueueMany(
      deliveryJob,
      ids.map((id) => ({ key: `newsletter-delivery:${id}`, data: { delivery: Number(id) } })),
    );
    after = Number(ids[ids.length - 1]);
  }
  await db('newsletter_sends').where({ id: sendId }).update({ state: 'fanned-out' });
}

/** A refusal the mail server means for good (5xx): retrying would not help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/** Permanent refusals after which an address gets nothing more. */
const BOUNCES_TO_STOP = 2;

async function deliver(strapi: Core.Strapi, deliveryId: number, attempt: Attempt): Promise<void> {
  const db = knex(strapi);
  // The claim: only a delivery not yet done is sent ('sending' is one whose sender died mid-way).
  const claimed = (await db('newsletter_deliveries')
    .where({ id: deliveryId })
    .whereIn('status', ['queued', 'sending', 'retrying'])
    .update({ status: 'sending', attempts: db.raw('attempts + 1'), updated_at: db.fn.now() })
    .returning(['send_id', 'subscriber_id'])) as Array<{ send_id: number; subscriber_id: string | null }>;
  if (!claimed.length) return;
  const [{ send_id: sendId, subscriber_id: subscriberId }] = claimed;
  const mark = (status: string, error: string | null = null) =>
    db('newsletter_deliveries').where({ id: deliveryId }).update({ status, error, updated_at: db.fn.now() });

  const subscriber = subscriberId
    ? await strapi.db
        .query(SUBSCRIBER)
        .findOne({ select: ['documentId', 'email', 'topics', 'subscriberStatus'], where: { documentId: subscriberId } })
    : null;
  // Left, or bouncing, since it was queued.
  if (!subscriber || subscriber.subscriberStatus !== 'active') return void (await mark('skipped'));
  const send = (await db('newsletter_sends').where({ id: sendId }).first()) as SendRow;
  const topics = topicsOf(subscriber.topics);
  const rendering = await renderOnce(`${sendId}:${send.kind === 'digest' ? [...topics].sort().join(',') : ''}`, () =>
    emailOf(strapi, send, topics),
  );
  // Unpublished since, or none of the digest's articles is on their topics.
  if (!rendering) return void (await mark('skipped'));
  const { email, from, contactEmail } = rendering;

  const manage = manageUrl(strapi, subscriber.documentId);
  const personal = (text: string) => text.split(MANAGE_PLACEHOLDER).join(manage);
  try {
    await deliverToReader(strapi, {
      to: subscriber.email as string,
      from,
      subject: email.subject,
      text: personal(email.text),
      html: personal(email.html),
      headers: listUnsubscribeHeaders(strapi, subscriber.documentId, contactEmail),
      messageId: `<newsletter.${sendId}.${deliveryId}@${new URL(siteUrl(strapi)).hostname}>`,
    });
  } catch (error) {
    const reason = String((error as Error).message ?? error).slice(0, 500);
    if (isPermanent(error)) {
      await mark('failed', reason);
      await db('subscribers')
        .where({ document_id: subscriber.documentId })
        .update({
          bounce_count: db.raw('COALESCE(bounce_count, 0) + 1'),
          subscriber_status: db.raw(
            `CASE WHEN COALESCE(bounce_count, 0) + 1 >= ? THEN 'bouncing' ELSE subscriber_status END`,
            [BOUNCES_TO_STOP],
          ),
        });
      return;
    }
    if (attempt.retryCount >= attempt.retryLimit) return void (await mark('failed', reason));
    await mark('retrying', reason);
    throw error;
  }
  await mark('sent');
}

/**
 * Records an article's first publication and, unless it is not to be e-mailed, queues its e-mail.
 * A later publication of the same article (an edit, or after unpublishing) finds its row and sends
 * nothing. In the publication's transaction (the content manager's publish is one): the e-mail is
 * queued once it commits, so its job finds the article published; a restart queues what a crash
 * in between left (resumeSends).
 */
async function recordFirstPublication(strapi: Core.Strapi, documentId: string): Promise<void> {
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    const article = await strapi.db
      .query(ARTICLE)
      .findOne({ select: ['doNotEmail', 'importKey'], where: { documentId, publishedAt: { $notNull: true } } });
    if (!article) return;
    const state: SendState = article.doNotEmail || article.importKey ? 'off' : 'queued';
    const [created] = (await trx('newsletter_sends')
      .insert({ kind: 'article', key: `article:${documentId}`, article_document_id: documentId, state })
      .onConflict('key')
      .ignore()
      .returning(['id', 'state'])) as Array<{ id: number; state: SendState }>;
    if (created?.state !== 'queued') return;
    onCommit(() => {
      enqueue(fanOutJob, { send: created.id }).catch((error: Error) =>
        strapi.log.error(`Newsletter: the e-mail of article ${documentId} waits for the next start: ${error.message}`),
      );
    });
  });
}

export function registerFirstPublications(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const result = await next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (documentId) {
      // The article is published whatever happens here; a failure to queue its e-mail is logged.
      await recordFirstPublication(strapi, documentId).catch((error: Error) =>
        strapi.log.error(`Newsletter: could not queue the e-mail of article ${documentId}: ${error.message}`),
      );
    }
    return result;
  });
}

/** At start: sends left queued by an instance that stopped before fanning them out. */
export async function resumeSends(strapi: Core.Strapi): Promise<void> {
  const waiting = (await knex(strapi)('newsletter_sends').where({ state: 'queued' }).pluck('id')) as number[];
  for (const send of waiting) await enqueue(fanOutJob, { send });
}

function localNow(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { weekday: parts.weekday.toLowerCase(), day: `${parts.year}-${parts.month}-${parts.day}`, hour: +parts.hour };
}

/**
 * On the digest's day, from its hour on (in the organisation's time zone; later that day when the
 * CMS was down at the hour), makes that day's digest once: the articles e-mailed since the last
 * digest (at most a week back) and still on the site. A week without any sends nothing.
 */
export async function runDigest(strapi: Core.Strapi, now = new Date()): Promise<void> {
  const { digestDay, digestHour } = await settings(strapi);
  const local = localNow(now, strapi.config.get<string>('organisation.timeZone'));
  if (local.weekday !== digestDay || local.hour < digestHour) return;
  const db = knex(strapi);
  const key = `digest:${local.day}`;
  if (await db('newsletter_sends').where({ key }).first('id')) return;
  const previous = await db('newsletter_sends').where({ kind: 'digest' }).max('created_at as at').first();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const since = previous?.at && new Date(previous.at) > weekAgo ? new Date(previous.at) : weekAgo;
  const published = (await db('newsletter_sends')
    .where({ kind: 'article' })
    .whereIn('state', ['queued', 'fanned-out'])
    .andWhere('created_at', '>', since)
    .andWhere('created_at', '<=', now)
    .pluck('article_document_id')) as string[];
  const onSite = (await articleCards(strapi, published)).map((card) => card.documentId);
  const [created] = (await db('newsletter_sends')
    .insert({
      kind: 'digest',
      key,
      articles: JSON.stringify(onSite),
      state: onSite.length ? 'queued' : 'empty',
      created_at: now,
    })
    .onConflict('key')
    .ignore()
    .returning(['id', 'state'])) as Array<{ id: number; state: SendState }>;
  if (created?.state === 'queued') await enqueue(fanOutJob, { send: created.id });
}

// ---------------------------------------------------------------------------------------------
// For editors

/** How an article's e-mail went: how many were sent, failed, are still on their way. */
export async function articleEmailStatus(strapi: Core.Strapi, documentId: string): Promise<ArticleEmailStatus> {
  const db = knex(strapi);
  const send = (await db('newsletter_sends')
    .where({ key: `article:${documentId}` })
    .first()) as SendRow | undefined;
  const counts = { sent: 0, failed: 0, queued: 0, skipped: 0 };
  if (!send) return { state: 'not-published', queuedAt: null, ...counts };
  const rows = (await db('newsletter_deliveries')
    .where({ send_id: send.id })
    .groupBy('status')
    .select('status', db.raw('count(*)::int as count'))) as Array<{ status: string; count: number }>;
  for (const { status, count } of rows) {
    if (status === 'sent') counts.sent += count;
    else if (status === 'failed') counts.failed += count;
    else if (status === 'skipped') counts.skipped += count;
    else counts.queued += count;
  }
  const state = send.state === 'off' ? 'off' : send.state === 'queued' || counts.queued ? 'sending' : 'done';
  return { state, queuedAt: new Date(send.created_at).toISOString(), ...counts };
}

/** The article's e-mail as subscribers would get it, from its latest draft, to one admin. */
export async function sendTestEmail(strapi: Core.Strapi, documentId: string, to: string): Promise<boolean> {
  const [article] = await articleCards(strapi, [documentId], 'draft');
  if (!article) return false;
  const sender = await newsletterSender(strapi);
  const email = await articleEmail(sender, article, { manage: `${siteUrl(strapi)}/subscribe` });
  await deliverToReader(strapi, {
    to,
    from: fromHeader(sender.fromName),
    subject: `[Test] ${email.subject}`,
    text: email.text,
    html: email.html,
  });
  return true;
}

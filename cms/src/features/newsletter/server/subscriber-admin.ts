/**
 * The Subscribers screen's endpoints (routed in ./admin-routes.ts): how many readers subscribe, by
 * state, by frequency and by topic, for whoever may read subscribers or publish articles (Editors
 * see the numbers, never an address); and, for those who may read subscribers (Super Admins, the
 * Audience role), the addresses: searched, one removed (the row is deleted, the reader forgotten:
 * a queued e-mail then finds nobody to write to), all exported as CSV. The content manager's
 * permission checker decides which subscribers and fields this user may read or delete.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  SUBSCRIBER_STATUS_LABELS,
  SUBSCRIPTION_FREQUENCIES,
  SUBSCRIPTION_FREQUENCY_LABELS,
  type SubscriptionFrequency,
} from '@medblog/shared';
import { permittedQuery } from '../../../platform/access/admin-access';
import { sendCsv } from '../../../platform/utils/csv';
import { localDateTime } from '../../../platform/utils/dates';
import type { Context } from '../../../platform/utils/http';
import { parseInput } from '../../../platform/utils/validation';
import { subscriberListQuery, subscriberParams } from './admin-inputs';

const SUBSCRIBER = 'api::subscriber.subscriber';
const CATEGORY = 'api::category.category';
type Status = keyof typeof SUBSCRIBER_STATUS_LABELS;
const STATUSES = Object.keys(SUBSCRIBER_STATUS_LABELS) as Status[];

const FIELDS = ['documentId', 'email', 'subscriberStatus', 'frequency', 'topics', 'confirmedAt', 'createdAt'];
const CSV_HEADER = ['E-mail', 'Status', 'Frequency', 'Topics', 'Confirmed', 'Subscribed'];
export const ALL_TOPICS = 'All topics';

interface Stored {
  documentId: string;
  email: string;
  subscriberStatus: Status;
  frequency: SubscriptionFrequency;
  topics: unknown;
  confirmedAt: string | null;
  createdAt: string;
}

/** A subscriber's topics as stored: category slugs; none (empty or null) means every topic. */
const topicsOf = (stored: unknown): string[] =>
  Array.isArray(stored) ? stored.filter((slug): slug is string => typeof slug === 'string') : [];

async function categories(strapi: Core.Strapi): Promise<Array<{ slug: string; name: string }>> {
  const found = await strapi.db.query(CATEGORY).findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } });
  return found.map((c) => ({ slug: c.slug as string, name: c.name as string }));
}

/** Numbers only: who subscribes, in which state, how often, to which topics. */
async function counts(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(SUBSCRIBER);
  const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  const [table, status, frequency, topics] = [
    meta.tableName,
    column('subscriberStatus'),
    column('frequency'),
    column('topics'),
  ];
  // "Every topic": topics empty, null, or anything but a list of slugs.
  const everyTopic = `CASE WHEN jsonb_typeof(??::jsonb) = 'array' THEN jsonb_array_length(??::jsonb) = 0 ELSE true END`;
  const knex = strapi.db.connection;
  const groups: Array<{ status: Status; frequency: SubscriptionFrequency; every: boolean; count: number }> = (
    await knex.raw(
      `SELECT ?? AS status, ?? AS frequency, ${everyTopic} AS every, count(*)::int AS count
         FROM ?? GROUP BY 1, 2, 3`,
      [status, frequency, topics, topics, table],
    )
  ).rows;
  // Each active subscriber once per slug they chose (a slug written twice counts once).
  const perSlug: Array<{ slug: string; count: number }> = (
    await knex.raw(
      `SELECT chosen.slug, count(DISTINCT s.id)::int AS count
         FROM ?? AS s
         CROSS JOIN LATERAL jsonb_array_elements_text(
           CASE WHEN jsonb_typeof(s.??::jsonb) = 'array' THEN s.??::jsonb ELSE '[]'::jsonb END
         ) AS chosen(slug)
        WHERE s.?? = 'active'
        GROUP BY chosen.slug`,
      [table, topics, topics, status],
    )
  ).rows;

  const sum = (keep: (group: (typeof groups)[number]) => boolean) =>
    groups.filter(keep).reduce((total, group) => total + group.count, 0);
  const active = (group: (typeof groups)[number]) => group.status === 'active';
  const everyTopicActive = sum((group) => active(group) && group.every);
  const chose = new Map(perSlug.map((row) => [row.slug, row.count]));
  return {
    total: sum(() => true),
    byStatus: STATUSES.map((value) => ({
      status: value,
      label: SUBSCRIBER_STATUS_LABELS[value],
      count: sum((group) => group.status === value),
    })),
    /** Active subscribers only: those who get e-mails. */
    byFrequency: SUBSCRIPTION_FREQUENCIES.map((value) => ({
      frequency: value,
      label: SUBSCRIPTION_FREQUENCY_LABELS[value],
      count: sum((group) => active(group) && group.frequency === value),
    })),
    /** Active subscribers who chose no topic: every article reaches them. */
    everyTopic: everyTopicActive,
    /** Per category: the active subscribers a new article in it reaches (who chose it, and who chose none). */
    byTopic: (await categories(strapi)).map(({ slug, name }) => ({
      slug,
      name,
      count: (chose.get(slug) ?? 0) + everyTopicActive,
    })),
  };
}

/** A subscriber as the screen lists it. */
const listed = (entry: Stored) => ({
  documentId: entry.documentId,
  email: entry.email,
  subscriberStatus: entry.subscriberStatus,
  frequency: entry.frequency,
  topics: topicsOf(entry.topics),
  confirmedAt: entry.confirmedAt ?? null,
  createdAt: entry.createdAt,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async counts(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await counts(strapi) };
  },

  /** Newest first; `q` is any part of the address, in any case. */
  async list(ctx: Context) {
    const { q, page, pageSize } = parseInput(ctx.query, subscriberListQuery);
    const { query, checker } = await permittedQuery(strapi, ctx, SUBSCRIBER, 'read', {
      filters: q ? { email: { $containsi: q } } : {},
    });
    const [found, total] = await Promise.all([
      strapi.documents(SUBSCRIBER).findMany({
        filters: query.filters,
        fields: FIELDS,
        sort: [{ createdAt: 'desc' }, { id: 'desc' }],
        start: (page - 1) * pageSize,
        limit: pageSize,
      } as never),
      strapi.documents(SUBSCRIBER).count({ filters: query.filters } as never),
    ]);
    const rows = await Promise.all(found.map((entry) => checker.sanitizeOutput(entry)));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: (rows as unknown as Stored[]).map(listed),
      meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
    };
  },

  /** Deletes the subscriber: nothing about the reader is kept. */
  async remove(ctx: Context) {
    const { documentId } = parseInput(ctx.params, subscriberParams);
    const { query } = await permittedQuery(strapi, ctx, SUBSCRIBER, 'delete', { filters: { documentId } });
    const found = await strapi
      .documents(SUBSCRIBER)
      .findFirst({ filters: query.filters, fields: ['documentId'] } as never);
    if (!found) throw new errors.NotFoundError('No such subscriber: already removed, or left by their own link');
    await strapi.db.query(SUBSCRIBER).delete({ where: { documentId } });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { documentId, removed: true } };
  },

  async export(ctx: Context) {
    const { query, checker } = await permittedQuery(strapi, ctx, SUBSCRIBER, 'read', {});
    const found = await strapi.documents(SUBSCRIBER).findMany({
      filters: query.filters,
      fields: FIELDS,
      sort: [{ createdAt: 'desc' }, { id: 'desc' }],
    } as never);
    const rows = (await Promise.all(found.map((entry) => checker.sanitizeOutput(entry)))) as unknown as Stored[];
    const names = new Map((await categories(strapi)).map((c) => [c.slug, c.name]));
    const timeZone = strapi.config.get<string>('organisation.timeZone');
    const when = (date: string | null) => (date ? localDateTime(new Date(date), timeZone) : '');
    sendCsv(
      ctx,
      'subscribers',
      CSV_HEADER,
      rows.map((s) => {
        const topics = topicsOf(s.topics);
        return [
          s.email,
          SUBSCRIBER_STATUS_LABELS[s.subscriberStatus] ?? s.subscriberStatus,
          SUBSCRIPTION_FREQUENCY_LABELS[s.frequency] ?? s.frequency,
          topics.length ? topics.map((slug) => names.get(slug) ?? slug).join('; ') : ALL_TOPICS,
          when(s.confirmedAt),
          when(s.createdAt),
        ];
      }),
    );
  },
});

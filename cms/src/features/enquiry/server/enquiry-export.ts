/**
 * CSV export of enquiries for staff: all, or filtered by handling status, topic and the days
 * received (in the organisation's time zone), with topics and handling statuses written as people
 * read them ("In progress") and dates as DD/MM/YYYY HH:mm on the organisation's clock; and how many
 * enquiries a filter matches, for the export screen to say before the download. Routed as an
 * admin route in src/admin-routes.ts; the content manager's permission checker decides which
 * enquiries and which fields this user may read.
 */
import type { Core } from '@strapi/strapi';
import { ENQUIRY_TOPIC_LABELS, HANDLING_STATUS_LABELS, type EnquiryTopic, type HandlingStatus } from '@medblog/shared';
import { permittedQuery } from '../../../platform/access/admin-access';
import { sendCsv } from '../../../platform/utils/csv';
import { enquiryExportQuery } from './inputs';
import { parseInput } from '../../../platform/utils/validation';
import { dayStart, localDateTime } from '../../../platform/utils/dates';
import type { Context } from '../../../platform/utils/http';

const ENQUIRY = 'api::enquiry.enquiry';
const HEADER = [
  'Received',
  'Name',
  'E-mail',
  'Phone',
  'Topic',
  'Message',
  'Handling status',
  'Sent from',
  'Internal notes',
];

/** The enquiries the request's filters match, among those this user may read. */
async function matching(strapi: Core.Strapi, ctx: Context) {
  const { handlingStatus, topic, from, to } = parseInput(ctx.query, enquiryExportQuery);
  const timeZone = strapi.config.get<string>('organisation.timeZone');
  const createdAt = {
    ...(from ? { $gte: dayStart(from, timeZone).toISOString() } : {}),
    ...(to ? { $lt: dayStart(to, timeZone, { nextDay: true }).toISOString() } : {}),
  };
  const permitted = await permittedQuery(strapi, ctx, ENQUIRY, 'read', {
    filters: {
      ...(handlingStatus ? { handlingStatus } : {}),
      ...(topic ? { topic } : {}),
      ...(from || to ? { createdAt } : {}),
    },
    sort: 'createdAt:desc',
  });
  return { ...permitted, timeZone };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async count(ctx: Context) {
    const { query } = await matching(strapi, ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { count: await strapi.documents(ENQUIRY).count({ filters: query.filters }) } };
  },

  async export(ctx: Context) {
    const { query, checker, timeZone } = await matching(strapi, ctx);
    const found = await strapi.documents(ENQUIRY).findMany(query);
    // Fields the user may not read (e.g. internal notes for some roles) come out empty.
    const rows = await Promise.all(found.map((entry) => checker.sanitizeOutput(entry)));
    sendCsv(
      ctx,
      'enquiries',
      HEADER,
      rows.map((e) => [
        localDateTime(new Date(e.createdAt), timeZone),
        e.name,
        e.email,
        e.phone,
        ENQUIRY_TOPIC_LABELS[e.topic as EnquiryTopic] ?? e.topic,
        e.message,
        HANDLING_STATUS_LABELS[e.handlingStatus as HandlingStatus] ?? e.handlingStatus,
        e.sourcePath,
        e.internalNotes,
      ]),
    );
  },
});

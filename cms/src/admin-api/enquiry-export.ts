/** CSV export of enquiries for staff: all, or filtered by handling status, topic and date range. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENQUIRY_TOPIC_LABELS, ENQUIRY_TOPICS, HANDLING_STATUSES, type EnquiryTopic } from '@medblog/shared';
import { permittedQuery } from './access';
import { toCsv } from './csv';

const ENQUIRY = 'api::enquiry.enquiry';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEADER = ['Received', 'Name', 'E-mail', 'Phone', 'Topic', 'Message', 'Handling status', 'Sent from', 'Internal notes'];

function oneOf(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value as string)) throw new errors.ValidationError(`${name}: must be one of ${allowed.join(', ')}`);
  return value as string;
}

function date(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new errors.ValidationError(`${name}: must be a date such as 2026-01-31`);
  }
  return value;
}

export function enquiryExportRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'GET',
      path: '/enquiries/export',
      handler: async (ctx) => {
        const handlingStatus = oneOf('handlingStatus', ctx.query.handlingStatus, HANDLING_STATUSES);
        const topic = oneOf('topic', ctx.query.topic, ENQUIRY_TOPICS);
        const from = date('from', ctx.query.from);
        const to = date('to', ctx.query.to);
        const createdAt = {
          ...(from ? { $gte: `${from}T00:00:00.000Z` } : {}),
          ...(to ? { $lte: `${to}T23:59:59.999Z` } : {}),
        };
        const { query, checker } = await permittedQuery(strapi, ctx, ENQUIRY, 'read', {
          filters: {
            ...(handlingStatus ? { handlingStatus } : {}),
            ...(topic ? { topic } : {}),
            ...(from || to ? { createdAt } : {}),
          },
          sort: 'createdAt:desc',
        });
        const found = await strapi.documents(ENQUIRY).findMany(query as any);
        // Fields the user may not read (e.g. internal notes for some roles) come out empty.
        const rows = await Promise.all(found.map((entry) => checker.sanitizeOutput(entry)));
        const csv = toCsv(
          HEADER,
          rows.map((e) => [
            new Date(e.createdAt).toISOString(),
            e.name,
            e.email,
            e.phone,
            ENQUIRY_TOPIC_LABELS[e.topic as EnquiryTopic] ?? e.topic,
            e.message,
            e.handlingStatus,
            e.sourcePath,
            e.internalNotes,
          ]),
        );
        const stamp = new Date().toISOString().slice(0, 10);
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="enquiries-${stamp}.csv"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = csv;
      },
    },
  ];
}

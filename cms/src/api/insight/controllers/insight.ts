import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { insightBeaconSchema, type InsightEvent } from '@medblog/shared';
import { parseCreateBody } from '../../../platform/utils/validation';
import { visitorAddress, visitorKey } from '../../../platform/utils/client';
import type { Context } from '../../../platform/utils/http';
import type { InsightService } from '../services/insight';

/**
 * POST /api/insight: a beacon of the reader site (src/features/insight/server/collector.ts). The
 * body comes as JSON, or as text/plain holding JSON (navigator.sendBeacon with a string). Answered
 * 204 with nothing: what was sent is never echoed, the address never kept, no cookie set.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async collect(ctx: Context) {
    let body: unknown = ctx.request.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        throw new errors.ValidationError(
          'The request body is not valid JSON (an object such as { "data": { "events": [...] } })',
        );
      }
    }
    const { events } = parseCreateBody(body, insightBeaconSchema);
    const insight = strapi.service('api::insight.insight') as unknown as InsightService;
    await insight.collect(events as InsightEvent[], visitorKey(visitorAddress(strapi, ctx)));
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 204;
  },
});

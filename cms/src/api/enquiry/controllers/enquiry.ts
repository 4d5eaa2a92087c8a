import { factories } from '@strapi/strapi';
import { enquiryInputSchema } from '@medblog/shared';
import { parseCreateBody } from '../../../platform/utils/validation';
import { visitorAddress } from '../../../platform/utils/client';
import type { enquiryService } from '../../../features/enquiry/server/enquiries';

export default factories.createCoreController('api::enquiry.enquiry', ({ strapi }) => ({
  /**
   * A reader's enquiry (features/enquiry/server/enquiries.ts). The 201 is sent only after the row
   * is committed, and carries an acknowledgement, never the stored record.
   */
  async create(ctx) {
    const input = parseCreateBody(ctx.request.body, enquiryInputSchema);
    const enquiries = strapi.service('api::enquiry.enquiry') as unknown as ReturnType<typeof enquiryService>;
    const acknowledgement = await enquiries.receive(input, visitorAddress(strapi, ctx));
    ctx.status = 201;
    return { data: acknowledgement };
  },
}));

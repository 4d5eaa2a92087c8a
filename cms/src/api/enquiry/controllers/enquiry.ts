import { factories } from '@strapi/strapi';
import { enquiryInputSchema } from '@medblog/shared';
import { parseCreateBody } from '../../../utils/validation';
import { ipHash } from '../../../utils/client';

export default factories.createCoreController('api::enquiry.enquiry', ({ strapi }) => ({
  /**
   * A reader's enquiry. The 201 is sent only after the row is committed, and it carries an
   * acknowledgement, never the stored record.
   */
  async create(ctx) {
    const input = parseCreateBody(ctx.request.body, enquiryInputSchema);
    const enquiry = await strapi.documents('api::enquiry.enquiry').create({
      data: {
        name: input.name,
        email: input.email,
        phone: input.phone || null,
        topic: input.topic,
        message: input.message,
        consent: true,
        sourcePath: input.sourcePath ?? null,
        handlingStatus: 'new',
        ipHash: ipHash(ctx.request.ip),
      },
    });
    ctx.status = 201;
    return { data: { documentId: enquiry.documentId, topic: enquiry.topic, receivedAt: enquiry.createdAt } };
  },
}));

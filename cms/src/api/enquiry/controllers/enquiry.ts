import { factories } from '@strapi/strapi';
import { enquiryInputSchema } from '@medblog/shared';
import { parseCreateBody } from '../../../platform/utils/validation';
import { ipHash, visitorAddress } from '../../../platform/utils/client';
import { botReason } from '../../../features/comments/server/spam';
import { sendInBackground } from '../../../platform/mail';
import { enquiryReceived } from '../../../features/comments/server/notify';

export default factories.createCoreController('api::enquiry.enquiry', ({ strapi }) => ({
  /**
   * A reader's enquiry. The 201 is sent only after the row is committed, and carries an
   * acknowledgement, never the stored record. One that looks automated is still kept (a person
   * is never lost) but filed as closed with the reason, and nobody is mailed about it.
   */
  async create(ctx) {
    const input = parseCreateBody(ctx.request.body, enquiryInputSchema);
    const { minimumFillSeconds } = strapi.config.get('anti-abuse') as { minimumFillSeconds: number };
    const suspicion = botReason(input, minimumFillSeconds);

    const enquiry = await strapi.documents('api::enquiry.enquiry').create({
      data: {
        name: input.name,
        email: input.email,
        phone: input.phone || undefined,
        topic: input.topic,
        message: input.message,
        consent: true,
        sourcePath: input.sourcePath ?? undefined,
        handlingStatus: suspicion ? 'closed' : 'new',
        internalNotes: suspicion ? `Closed automatically as suspected spam: ${suspicion}.` : undefined,
        ipHash: ipHash(visitorAddress(strapi, ctx)),
      },
    });
    if (!suspicion) {
      sendInBackground(strapi, () => enquiryReceived(strapi, { ...input, documentId: enquiry.documentId }));
    }

    ctx.status = 201;
    return { data: { documentId: enquiry.documentId, topic: enquiry.topic, receivedAt: enquiry.createdAt } };
  },
}));

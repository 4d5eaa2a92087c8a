/** What the public enquiry route does (the enquiry controller, src/api/enquiry, only reads the request and answers). */
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { enquiryInputSchema } from '@medblog/shared';
import { ipHash } from '../../../platform/utils/client';
import { botReason } from '../../../platform/gate/bot-check';
import { sendInBackground } from '../../../platform/mail';
import { enquiryReceived } from './notify';

type EnquiryInput = z.infer<typeof enquiryInputSchema>;

export function enquiryService(strapi: Core.Strapi) {
  return {
    /**
     * A reader's enquiry, stored, with an acknowledgement to send back, never the stored record.
     * One that looks automated is still kept (a person is never lost) but filed as suspected spam,
     * apart from what staff closed, with the reason, and nobody is mailed about it.
     */
    async receive(input: EnquiryInput, senderAddress: string) {
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
          handlingStatus: suspicion ? 'suspected-spam' : 'new',
          internalNotes: suspicion
            ? `Filed automatically as suspected spam: ${suspicion}. If a person sent it, set its status to New.`
            : undefined,
          ipHash: ipHash(senderAddress),
        },
      });
      if (!suspicion) {
        sendInBackground(strapi, () => enquiryReceived(strapi, { ...input, documentId: enquiry.documentId }));
      }
      return { documentId: enquiry.documentId, topic: enquiry.topic, receivedAt: enquiry.createdAt };
    },
  };
}

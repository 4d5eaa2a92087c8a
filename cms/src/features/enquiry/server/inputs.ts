/** What the enquiries export accepts (conventions of platform/access/admin-inputs.ts). */
import { z } from 'zod';
import { ENQUIRY_TOPICS, HANDLING_STATUSES } from '@medblog/shared';
import { day, notGivenIfEmpty, oneOf } from '../../../platform/access/admin-inputs';

export const enquiryExportQuery = z.object({
  handlingStatus: z.preprocess(notGivenIfEmpty, oneOf(HANDLING_STATUSES).optional()),
  topic: z.preprocess(notGivenIfEmpty, oneOf(ENQUIRY_TOPICS).optional()),
  from: day,
  to: day,
});

import type { EnquiryAcknowledgement, EnquiryInput } from '@medblog/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Sends an enquiry; the CMS answers with an acknowledgement once it is stored, never with the record. */
export async function createEnquiry(input: EnquiryInput): Promise<EnquiryAcknowledgement['data']> {
  const { data } = await apiClient.post<EnquiryAcknowledgement>('/api/enquiries', { data: input });
  return data.data;
}

export const useCreateEnquiry = () => useMutation({ mutationFn: createEnquiry });

/**
 * The enquiry schema, checked before sending. It brings zod (about 25 kB gzip), so it is
 * downloaded when a reader starts an enquiry, not with the page.
 */
export const loadEnquiryRules = () => import('./enquiry-rules');

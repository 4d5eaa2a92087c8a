/**
 * The enquiry edit view's side panel: when it came in, its topic as people read it, and a reply
 * by e-mail. What the sender wrote is read-only in the form (and on the server).
 */
import * as React from 'react';
import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { receivedAt, replyMailto, topicLabel } from '../lib/enquiry';

interface PanelProps {
  model: string;
  document?: Record<string, unknown>;
}

export function EnquiryPanel({ model, document }: PanelProps) {
  if (model !== 'api::enquiry.enquiry' || !document?.email) return null;
  const enquiry = document as { email: string; topic?: string; createdAt?: string };
  return {
    title: 'Enquiry',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        <Typography variant="omega">
          Received <time dateTime={enquiry.createdAt}>{receivedAt(enquiry.createdAt)}</time>
        </Typography>
        <Typography variant="omega">Topic: {topicLabel(enquiry.topic)}</Typography>
        <LinkButton href={replyMailto(enquiry)} startIcon={<Mail />} variant="secondary" fullWidth>
          Reply by e-mail
        </LinkButton>
        <Typography variant="pi" textColor="neutral600">
          What the sender wrote stays as they sent it. Set the handling status and keep notes for colleagues in the
          form.
        </Typography>
      </Flex>
    ),
  };
}

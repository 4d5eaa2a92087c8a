/**
 * The article edit view's "E-mail to subscribers" side panel: whether publishing will e-mail the
 * article's topic's subscribers, how the send went (sent, failed, still queued), and a test of the
 * e-mail to the editor's own address. Editors and Super Admins (who may publish) see it.
 */
import * as React from 'react';
import { useMutation, useQuery } from 'react-query';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ArticleEmailStatus as EmailStatus } from '@medblog/shared';

const ARTICLE_UID = 'api::article.article';

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

const errorStatus = (error: unknown) =>
  (error as { status?: number; response?: { status?: number } })?.response?.status;
const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ??
  'The test e-mail could not be sent.';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function describe(status: EmailStatus, doNotEmail: boolean): string {
  if (status.state === 'not-published') {
    return doNotEmail
      ? '"Do not e-mail this article" is ticked: publishing it will e-mail no one.'
      : 'When first published, this article is e-mailed to the subscribers of its topic who chose each new article, and goes into the weekly digest.';
  }
  if (status.state === 'off')
    return 'This article was not e-mailed to subscribers (it was marked not to be, imported, or published before e-mails existed).';
  const counts = [
    plural(status.sent, 'e-mail sent', 'e-mails sent'),
    plural(status.failed, 'failed', 'failed'),
    plural(status.queued, 'still queued', 'still queued'),
  ].join(', ');
  return status.state === 'sending' ? `Being sent: ${counts}.` : `Sent to subscribers: ${counts}.`;
}

function EmailStatusText({
  documentId,
  doNotEmail,
  savedAt,
}: {
  documentId: string;
  doNotEmail: boolean;
  savedAt?: string;
}) {
  const { get } = useFetchClient();
  const status = useQuery({
    queryKey: ['medblog', 'article-email', documentId, savedAt],
    queryFn: async () => (await get<{ data: EmailStatus }>(`/medblog/articles/${documentId}/email`)).data.data,
    // While a send is on its way, its figures move.
    refetchInterval: (data?: EmailStatus) => (data?.state === 'sending' ? 5000 : false),
    retry: false,
  });
  if (status.isLoading) return <Typography variant="pi">Loading…</Typography>;
  if (status.error || !status.data) {
    return (
      <Typography variant="pi">
        {errorStatus(status.error) === 403
          ? 'Editors see here how this article was e-mailed to subscribers.'
          : 'How this article was e-mailed could not be loaded.'}
      </Typography>
    );
  }
  return <Typography variant="pi">{describe(status.data, doNotEmail)}</Typography>;
}

function TestEmail({ documentId }: { documentId: string }) {
  const { post } = useFetchClient();
  const send = useMutation(
    async () => (await post<{ data: { to: string } }>(`/medblog/articles/${documentId}/email/test`, {})).data.data,
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Button variant="secondary" fullWidth loading={send.isLoading} onClick={() => send.mutate()}>
        Send me a test e-mail
      </Button>
      <Typography variant="pi" role="status" textColor={send.isError ? 'danger600' : 'neutral600'}>
        {send.isSuccess
          ? `Sent to ${send.data.to}, as subscribers would get it (from the last saved draft).`
          : send.isError
            ? errorMessage(send.error)
            : 'The e-mail as subscribers would get it, from the last saved draft, to your own address.'}
      </Typography>
    </Flex>
  );
}

export function ArticleEmailPanel({ model, documentId, document }: PanelProps) {
  if (model !== ARTICLE_UID || !documentId) return null;
  return {
    title: 'E-mail to subscribers',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        <EmailStatusText
          documentId={documentId}
          doNotEmail={Boolean(document?.doNotEmail)}
          savedAt={document?.updatedAt as string | undefined}
        />
        <TestEmail documentId={documentId} />
      </Flex>
    ),
  };
}

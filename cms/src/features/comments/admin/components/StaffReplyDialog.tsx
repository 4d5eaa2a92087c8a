/**
 * "Reply as staff": a moderator answers a comment from the moderation screen. The reply is
 * published at once under the comment, with a Staff badge (Author when the moderator is the
 * article's author); a pending comment is approved with it, as the dialog says before sending.
 */
import * as React from 'react';
import { isFetchError, useNotification } from '@strapi/strapi/admin';
import { Button, Field, Modal, Textarea, Typography } from '@strapi/design-system';
import { LIMITS } from '@medblog/shared';
import { useStaffReply, type QueueComment } from '../hooks/useModerationQueue';
import { excerpt } from '../lib/moderation';

function replyError(error: unknown): string {
  if (isFetchError(error) && error.status === 403) return 'Your role may not reply as staff.';
  if (error instanceof Error && error.message) return `The reply was not sent: ${error.message}`;
  return 'The reply was not sent: the server did not answer.';
}

export function StaffReplyDialog({ comment, onClose }: { comment: QueueComment; onClose: () => void }) {
  const [body, setBody] = React.useState('');
  const [problem, setProblem] = React.useState<string>();
  const staffReply = useStaffReply();
  const { toggleNotification } = useNotification();
  const author = comment.authorName || 'Anonymous';

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setProblem('Write the reply first.');
    try {
      const reply = await staffReply.mutateAsync({ documentId: comment.documentId, body });
      toggleNotification({
        type: 'success',
        message: `Reply published as ${reply.badge === 'author' ? 'the article’s author' : 'staff'}${
          reply.approvedParent ? `; ${author}’s comment is approved` : ''
        }.`,
      });
      onClose();
    } catch (error) {
      setProblem(replyError(error));
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={send} noValidate>
          <Modal.Header closeLabel="Cancel the reply">
            <Modal.Title>Reply as staff to {author}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Typography tag="p" variant="omega" textColor="neutral600" style={{ marginBottom: '1.2rem' }}>
              “{excerpt(comment.body, 200)}”
            </Typography>
            <Field.Root
              name="body"
              error={problem}
              hint={
                comment.moderationStatus === 'pending'
                  ? 'Published at once under the comment, with a Staff badge. Sending also approves this comment.'
                  : 'Published at once under the comment, with a Staff badge.'
              }
            >
              <Field.Label>Your reply</Field.Label>
              <Textarea
                value={body}
                maxLength={LIMITS.commentBody}
                rows={6}
                autoFocus
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setBody(event.target.value);
                  setProblem(undefined);
                }}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Cancel</Button>
            </Modal.Close>
            <Button type="submit" loading={staffReply.isLoading}>
              {comment.moderationStatus === 'pending' ? 'Approve and publish reply' : 'Publish reply'}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}

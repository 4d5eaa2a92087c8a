/** One comment in the moderation table: who wrote what where, and the decisions left to take. */
import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, Link, Status, Td, Tr, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import type { ModerationStatus } from '@medblog/shared';
import type { QueueComment } from '../hooks/useModerationQueue';
import {
  DECISION_BUTTON,
  DECISIONS,
  STATUS_LABELS,
  articleEditPath,
  decisionLabel,
  excerpt,
  type Decision,
} from '../lib/moderation';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

const BUTTON_VARIANT: Record<Decision, 'success-light' | 'danger-light' | 'tertiary'> = {
  approved: 'success-light',
  rejected: 'danger-light',
  spam: 'tertiary',
};

const STATUS_VARIANT: Record<ModerationStatus, 'warning' | 'success' | 'danger' | 'neutral'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  spam: 'neutral',
};

export interface CommentRowProps {
  comment: QueueComment;
  /** Checkbox and decision buttons: only for roles that may update comments. */
  canModerate: boolean;
  showStatus: boolean;
  selected: boolean;
  onSelectedChange: (documentId: string) => void;
  onDecide: (comment: QueueComment, decision: Decision) => void;
  /** The decision on its way to the server for this row, if any. */
  deciding?: Decision;
  /** Set by the design system's Tbody: the row's place for the table's arrow-key navigation. */
  'aria-rowindex'?: number;
}

export function CommentRow({
  comment,
  canModerate,
  showStatus,
  selected,
  onSelectedChange,
  onDecide,
  deciding,
  ...row
}: CommentRowProps) {
  const author = comment.authorName || 'Anonymous';
  return (
    <Tr {...row} aria-selected={canModerate ? selected : undefined}>
      {canModerate && (
        <Td style={{ verticalAlign: 'top' }}>
          <Box paddingTop={2}>
            <Checkbox
              aria-label={`Select comment by ${author}`}
              checked={selected}
              onCheckedChange={() => onSelectedChange(comment.documentId)}
            />
          </Box>
        </Td>
      )}
      <Td style={{ verticalAlign: 'top' }}>
        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
          <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
          </Typography>
          {comment.moderatedAt && comment.moderationStatus !== 'pending' && (
            <Typography variant="pi" textColor="neutral600" style={{ maxWidth: '15rem' }}>
              {STATUS_LABELS[comment.moderationStatus]} {formatDateTime(comment.moderatedAt)}
            </Typography>
          )}
        </Flex>
      </Td>
      <Td style={{ verticalAlign: 'top' }}>
        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
          <Typography fontWeight="semiBold" textColor="neutral800">
            {author}
          </Typography>
          <Typography variant="pi" textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
            {comment.authorEmail}
          </Typography>
        </Flex>
      </Td>
      <Td style={{ verticalAlign: 'top' }}>
        <Flex
          direction="column"
          alignItems="flex-start"
          gap={2}
          paddingTop={2}
          paddingBottom={2}
          minWidth="14rem"
          maxWidth="28rem"
          style={{ whiteSpace: 'normal' }}
        >
          {comment.article ? (
            <Link tag={RouterLink} to={articleEditPath(comment.article.documentId)}>
              {comment.article.title}
            </Link>
          ) : (
            <Typography textColor="neutral500">Article deleted</Typography>
          )}
          {comment.parent && (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Flex gap={1} wrap="wrap">
                <Badge size="S">Reply</Badge>
                <Typography variant="pi" textColor="neutral700">
                  to {comment.parent.authorName || 'Anonymous'}
                </Typography>
              </Flex>
              <Typography
                variant="pi"
                textColor="neutral600"
                title={comment.parent.body}
                style={{ overflowWrap: 'anywhere' }}
              >
                “{excerpt(comment.parent.body)}”
              </Typography>
            </Flex>
          )}
        </Flex>
      </Td>
      <Td style={{ verticalAlign: 'top' }}>
        <Box paddingTop={2} paddingBottom={2} minWidth="24rem" maxWidth="56rem">
          {/* Plain text: React escapes it, and pre-wrap keeps the author's line breaks. */}
          <Typography tag="p" textColor="neutral800" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {comment.body}
          </Typography>
        </Box>
      </Td>
      {showStatus && (
        <Td style={{ verticalAlign: 'top' }}>
          <Box paddingTop={2}>
            <Status variant={STATUS_VARIANT[comment.moderationStatus]} size="S">
              <Typography variant="omega" fontWeight="bold">
                {STATUS_LABELS[comment.moderationStatus]}
              </Typography>
            </Status>
          </Box>
        </Td>
      )}
      {/* One cell per decision: the design system's table lets Enter and Space press a button
          only when it is alone in its cell. Each decision keeps its column (Approve first) so a
          moderator's hand learns it; the decision the comment already has leaves the cell empty. */}
      {canModerate &&
        DECISIONS.map((decision) => (
          <Td key={decision} style={{ verticalAlign: 'top', paddingLeft: '0.4rem', paddingRight: '0.4rem' }}>
            <Box paddingTop={2} paddingBottom={2} minWidth="7.6rem">
              {decision !== comment.moderationStatus && (
                <Button
                  size="S"
                  fullWidth
                  variant={BUTTON_VARIANT[decision]}
                  aria-label={decisionLabel(decision, author)}
                  loading={deciding === decision}
                  onClick={() => deciding === undefined && onDecide(comment, decision)}
                >
                  {DECISION_BUTTON[decision].one}
                </Button>
              )}
            </Box>
          </Td>
        ))}
    </Tr>
  );
}

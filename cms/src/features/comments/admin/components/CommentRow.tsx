/**
 * One comment on the moderation screen: a compact table row on wide screens, a stacked card on
 * phones. Both show who wrote what where, whether the sender is trusted, a link to the comment on
 * the site, and the decisions left to take.
 */
import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  IconButton,
  Link,
  Status,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ExternalLink, Message, User } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';
import { COMMENT_BADGE_LABELS, type ModerationStatus } from '@medblog/shared';
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

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

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

export interface CommentViewProps {
  comment: QueueComment;
  /** Checkbox and decision buttons: only for roles that may update comments. */
  canModerate: boolean;
  showStatus: boolean;
  selected: boolean;
  /** The keyboard's current comment (j/k): shown whole and highlighted. */
  current: boolean;
  onSelectedChange: (documentId: string) => void;
  onDecide: (comment: QueueComment, decision: Decision) => void;
  /** Show this sender's comments only, all selected. */
  onSelectSender: (comment: QueueComment) => void;
  /** Opens "Reply as staff" for this comment. */
  onReply: (comment: QueueComment) => void;
  /** The decision on its way to the server for this comment, if any. */
  deciding?: Decision;
}

const authorOf = (comment: QueueComment) => comment.authorName || 'Anonymous';

function Received({ comment }: { comment: QueueComment }) {
  return (
    <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
      <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
    </Typography>
  );
}

/** One line, cut with an ellipsis; the whole text on hover. */
const ONE_LINE: React.CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

function Author({
  comment,
  canModerate,
  onSelectSender,
}: Pick<CommentViewProps, 'comment' | 'canModerate' | 'onSelectSender'>) {
  return (
    <Flex gap={1} alignItems="flex-start" justifyContent="space-between">
      <Flex direction="column" alignItems="stretch" gap={0} style={{ minWidth: 0 }}>
        <Flex gap={1} style={{ minWidth: 0 }}>
          <Typography
            variant="omega"
            fontWeight="semiBold"
            textColor="neutral800"
            title={authorOf(comment)}
            style={ONE_LINE}
          >
            {authorOf(comment)}
          </Typography>
          {comment.badge && (
            <Badge size="S" backgroundColor="primary100" textColor="primary700" title="Written from this screen">
              {COMMENT_BADGE_LABELS[comment.badge]}
            </Badge>
          )}
          {comment.trustedSender && (
            <Badge
              size="S"
              backgroundColor="success100"
              textColor="success700"
              title="Another comment from this e-mail address, sent from the same browser, was approved"
            >
              Trusted
            </Badge>
          )}
        </Flex>
        <Typography variant="pi" textColor="neutral600" title={comment.authorEmail} style={ONE_LINE}>
          {comment.authorEmail}
        </Typography>
      </Flex>
      {canModerate && (
        <IconButton
          size="S"
          variant="ghost"
          label={`Select all comments from ${comment.authorEmail}`}
          onClick={() => onSelectSender(comment)}
        >
          <User />
        </IconButton>
      )}
    </Flex>
  );
}

function Article({ comment }: { comment: QueueComment }) {
  if (!comment.article) return <Typography textColor="neutral500">Article deleted</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={0} style={{ minWidth: 0 }}>
      <Link
        tag={RouterLink}
        to={articleEditPath(comment.article.documentId)}
        title={comment.article.title}
        style={{ ...ONE_LINE, display: 'block', fontSize: '1.3rem' }}
      >
        {comment.article.title}
      </Link>
      {comment.siteUrl && (
        <Link
          href={comment.siteUrl}
          isExternal
          endIcon={<ExternalLink />}
          aria-label={`View the comment by ${authorOf(comment)} on the site`}
          style={{ fontSize: '1.2rem' }}
        >
          View on site
        </Link>
      )}
    </Flex>
  );
}

function Body({ comment, current }: { comment: QueueComment; current: boolean }) {
  return (
    <>
      {comment.parent && (
        <Typography variant="pi" textColor="neutral600" title={comment.parent.body}>
          <Badge size="S">Reply</Badge> to {comment.parent.authorName || 'Anonymous'}: “
          {excerpt(comment.parent.body, 60)}”
        </Typography>
      )}
      {/* Plain text: React escapes it, and pre-wrap keeps the author's line breaks. Two lines
          unless it is the keyboard's current comment, which shows whole. */}
      <Typography
        tag="p"
        variant="omega"
        textColor="neutral800"
        title={current ? undefined : comment.body}
        style={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          ...(current
            ? {}
            : { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }),
        }}
      >
        {comment.body}
      </Typography>
    </>
  );
}

/** Only comments readers can see (or will, once approved) may be answered. */
const answerable = (comment: QueueComment) =>
  comment.moderationStatus === 'pending' || comment.moderationStatus === 'approved';

/** An icon in the table (a row stays one line high), a labelled button on a phone card. */
function ReplyButton({
  comment,
  onReply,
  compact,
}: Pick<CommentViewProps, 'comment' | 'onReply'> & { compact?: boolean }) {
  if (!answerable(comment)) return null;
  const label = `Reply as staff to ${authorOf(comment)}`;
  return compact ? (
    <IconButton size="S" variant="ghost" label={label} onClick={() => onReply(comment)}>
      <Message />
    </IconButton>
  ) : (
    <Button size="S" variant="ghost" aria-label={label} onClick={() => onReply(comment)}>
      Reply as staff
    </Button>
  );
}

function StatusLabel({ status }: { status: ModerationStatus }) {
  return (
    <Status variant={STATUS_VARIANT[status]} size="S">
      <Typography variant="pi" fontWeight="bold">
        {STATUS_LABELS[status]}
      </Typography>
    </Status>
  );
}

function DecisionButton({
  comment,
  decision,
  deciding,
  onDecide,
}: Pick<CommentViewProps, 'comment' | 'deciding' | 'onDecide'> & { decision: Decision }) {
  return (
    <Button
      size="S"
      fullWidth
      variant={BUTTON_VARIANT[decision]}
      aria-label={decisionLabel(decision, authorOf(comment))}
      loading={deciding === decision}
      onClick={() => deciding === undefined && onDecide(comment, decision)}
    >
      {DECISION_BUTTON[decision].one}
    </Button>
  );
}

const CELL: React.CSSProperties = { verticalAlign: 'top', paddingTop: '0.4rem', paddingBottom: '0.4rem' };
/** The narrow cells of the row's actions (reply, then each decision). */
const ACTION_CELL: React.CSSProperties = { ...CELL, paddingLeft: '0.2rem', paddingRight: '0.2rem' };
const CURRENT_BACKGROUND = 'primary100';

export interface CommentRowProps extends CommentViewProps {
  /** Set by the design system's Tbody: the row's place for the table's arrow-key navigation. */
  'aria-rowindex'?: number;
}

export function CommentRow({
  comment,
  canModerate,
  showStatus,
  selected,
  current,
  onSelectedChange,
  onDecide,
  onSelectSender,
  onReply,
  deciding,
  ...row
}: CommentRowProps) {
  return (
    <Tr
      {...row}
      aria-selected={canModerate ? selected : undefined}
      aria-current={current || undefined}
      data-comment={comment.documentId}
      background={current ? CURRENT_BACKGROUND : undefined}
    >
      {canModerate && (
        <Td style={CELL}>
          <Checkbox
            aria-label={`Select comment by ${authorOf(comment)}`}
            checked={selected}
            onCheckedChange={() => onSelectedChange(comment.documentId)}
          />
        </Td>
      )}
      <Td style={CELL}>
        <Received comment={comment} />
      </Td>
      <Td style={{ ...CELL, width: '17rem', maxWidth: '17rem' }}>
        <Author comment={comment} canModerate={canModerate} onSelectSender={onSelectSender} />
      </Td>
      <Td style={{ ...CELL, width: '14rem', maxWidth: '14rem' }}>
        <Article comment={comment} />
      </Td>
      <Td style={{ ...CELL, whiteSpace: 'normal' }}>
        <Box minWidth="20rem">
          <Body comment={comment} current={current} />
        </Box>
      </Td>
      {showStatus && (
        <Td style={CELL}>
          <StatusLabel status={comment.moderationStatus} />
        </Td>
      )}
      {/* One cell per action: the design system's table lets Enter and Space press a button
          only when it is alone in its cell. Each decision keeps its column (Approve first) so a
          moderator's hand learns it; the decision the comment already has leaves the cell empty. */}
      {canModerate && (
        <Td style={ACTION_CELL}>
          <ReplyButton comment={comment} onReply={onReply} compact />
        </Td>
      )}
      {canModerate &&
        DECISIONS.map((decision) => (
          <Td key={decision} style={ACTION_CELL}>
            <Box minWidth="6.8rem">
              {decision !== comment.moderationStatus && (
                <DecisionButton comment={comment} decision={decision} deciding={deciding} onDecide={onDecide} />
              )}
            </Box>
          </Td>
        ))}
    </Tr>
  );
}

/** The phone layout: the same comment as a card, its decisions in a row that fits the screen. */
export function CommentCard({
  comment,
  canModerate,
  showStatus,
  selected,
  current,
  onSelectedChange,
  onDecide,
  onSelectSender,
  onReply,
  deciding,
}: CommentViewProps) {
  return (
    <Box
      tag="li"
      background={current ? CURRENT_BACKGROUND : 'neutral0'}
      hasRadius
      shadow="tableShadow"
      padding={3}
      aria-current={current || undefined}
      data-comment={comment.documentId}
      aria-label={`Comment by ${authorOf(comment)}`}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} alignItems="flex-start">
          {canModerate && (
            <Checkbox
              aria-label={`Select comment by ${authorOf(comment)}`}
              checked={selected}
              onCheckedChange={() => onSelectedChange(comment.documentId)}
            />
          )}
          {/* minWidth 0 lets a long name or e-mail shrink to an ellipsis instead of widening the card. */}
          <Box flex="1" style={{ minWidth: 0 }}>
            <Author comment={comment} canModerate={canModerate} onSelectSender={onSelectSender} />
          </Box>
        </Flex>
        <Flex gap={2} wrap="wrap">
          <Received comment={comment} />
          {showStatus && <StatusLabel status={comment.moderationStatus} />}
        </Flex>
        <Article comment={comment} />
        <Body comment={comment} current={current} />
        {canModerate && <ReplyButton comment={comment} onReply={onReply} />}
        {canModerate && (
          <Flex gap={2}>
            {DECISIONS.filter((decision) => decision !== comment.moderationStatus).map((decision) => (
              <Box key={decision} flex="1">
                <DecisionButton comment={comment} decision={decision} deciding={deciding} onDecide={onDecide} />
              </Box>
            ))}
          </Flex>
        )}
      </Flex>
    </Box>
  );
}

import type { ReactNode } from 'react';
import { COMMENT_BADGE_LABELS } from '@medblog/shared';
import { useLocation } from 'react-router-dom';
import { LinkUntilHydrated } from '@/components/form/LinkUntilHydrated';
import { REPLY_PARAM } from '@/components/form/posted-form';
import { formatDate } from '@/lib/format';
import { COMMENT_FORM_ID } from '../api/comment-form-id';
import type { ArticleComment } from '../api/get-comments';
import type { PendingComment } from '../api/pending-comments';

/** Replies nest this deep; deeper ones are shown at this level, saying whom they answer. */
const MAX_LEVEL = 3;

interface Entry {
  comment: ArticleComment | PendingComment;
  /** The reader's own comment, not yet approved: no "Reply" (only approved comments can be answered). */
  pending: boolean;
  /** Whom it answers, said when the thread is too deep to show it by indentation. */
  answers?: string;
  replies: Entry[];
}

const parentOf = (comment: ArticleComment | PendingComment) =>
  typeof comment.parent === 'string' ? comment.parent : comment.parent?.documentId;

/** Replies under their parent, oldest first; a reply whose parent is not shown starts a thread. */
function threads(approved: ArticleComment[], pending: PendingComment[]): Entry[] {
  const entries = [...approved, ...pending]
    .map((comment, index): Entry => ({ comment, pending: index >= approved.length, replies: [] }))
    // ISO times sort as text; not localeCompare, whose first use loads the browser's collation data.
    .sort((a, b) => Date.parse(a.comment.createdAt) - Date.parse(b.comment.createdAt));
  const byId = new Map(entries.map((entry) => [entry.comment.documentId, entry]));
  return entries.filter((entry) => {
    const parent = byId.get(parentOf(entry.comment) ?? '');
    if (parent && parent !== entry) parent.replies.push(entry);
    return !parent || parent === entry;
  });
}

/** A comment's paragraphs: the text between blank lines (single line breaks stay, pre-wrap). */
const paragraphs = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** The entry and all its replies in reading order, each saying whom it answers. */
function flatten(entry: Entry): Entry[] {
  return [entry, ...entry.replies.flatMap((reply) => flatten({ ...reply, answers: entry.comment.authorName }))];
}

interface CommentListProps {
  approved: ArticleComment[];
  pending: PendingComment[];
  /** Offers "Reply" on approved comments; left out when comments are closed. */
  onReply?: (comment: ArticleComment) => void;
  /** The reply form, shown under the comment it answers. */
  replyForm?: { to: string; form: ReactNode };
}

export function CommentList({ approved, pending, onReply, replyForm }: CommentListProps) {
  const entries = threads(approved, pending);
  if (entries.length === 0) return null;
  return <Comments entries={entries} level={1} onReply={onReply} replyForm={replyForm} />;
}

function Comments({
  entries,
  level,
  onReply,
  replyForm,
}: Pick<CommentListProps, 'onReply' | 'replyForm'> & { entries: Entry[]; level: number }) {
  const shown = level < MAX_LEVEL ? entries : entries.flatMap(flatten);
  const { pathname } = useLocation();
  return (
    <ol className={level === 1 ? 'comment-list' : 'comment-list comment-list--replies'}>
      {shown.map(({ comment, pending, answers, replies }) => (
        <li key={comment.documentId}>
          <article
            // The moderation screen's "View on site" links here (commentOnSiteUrl in @medblog/shared).
            id={`comment-${comment.documentId}`}
            className={pending ? 'comment comment--pending' : 'comment'}
            aria-label={`Comment by ${comment.authorName}`}
          >
            <p className="comment__meta">
              <span className="comment__author">{comment.authorName}</span>
              {'badge' in comment && comment.badge && (
                // Set by the CMS only, for a reply from its staff or the article's author.
                <span className={`comment__role comment__role--${comment.badge}`}>
                  {COMMENT_BADGE_LABELS[comment.badge]}
                </span>
              )}
              <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
              {pending && <span className="comment__badge">Awaiting moderation</span>}
            </p>
            {answers && <p className="comment__answers">In reply to {answers}</p>}
            {/* Plain text: React escapes it; blank lines part paragraphs, other line breaks stay (pre-wrap). */}
            <div className="comment__body">
              {paragraphs(comment.body).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
            {onReply && !pending && (
              <LinkUntilHydrated
                // The server renders the page with the form under this comment.
                href={`${pathname}?${REPLY_PARAM}=${comment.documentId}#${COMMENT_FORM_ID}`}
                id={`reply-${comment.documentId}`}
                className="comment__reply"
                aria-label={`Reply to ${comment.authorName}`}
                onClick={() => onReply(comment as ArticleComment)}
              >
                Reply
              </LinkUntilHydrated>
            )}
          </article>
          {replyForm?.to === comment.documentId && replyForm.form}
          {level < MAX_LEVEL && replies.length > 0 && (
            <Comments entries={replies} level={level + 1} onReply={onReply} replyForm={replyForm} />
          )}
        </li>
      ))}
    </ol>
  );
}

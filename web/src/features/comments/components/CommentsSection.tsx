import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REPLY_PARAM, useKeepServerForm, usePostedForm, useSentWithoutScript } from '@/components/form/posted-form';
import { ErrorState } from '@/components/ui/ErrorState';
import { LoadMore } from '@/components/ui/LoadMore';
import { COMMENT_FORM_ID } from '../api/comment-form-id';
import { useCommentsOpen } from '../api/comments-open';
import { useComments, type ArticleComment } from '../api/get-comments';
import { usePendingComments, type PendingComment } from '../api/pending-comments';
import { CommentList } from './CommentList';
import { CommentForm, type Sender } from './CommentForm';

/**
 * The comments of the pages loaded so far, each once: a comment approved late (older than the ones
 * around it) moves the later ones down a place, so the next page can repeat the last one.
 */
function loadedComments(comments: ArticleComment[]): ArticleComment[] {
  return [...new Map(comments.map((comment) => [comment.documentId, comment])).values()];
}

interface CommentsSectionProps {
  articleDocumentId: string;
  commentsEnabled: boolean;
  /** When the moderation setting closes comments on this article; null: never. */
  commentsCloseAt: string | null;
}

/**
 * The article's approved comments, threaded, with the reader's own pending ones, and the "Leave a
 * Reply" form: at the end for a new comment, under the comment being answered for a reply (the
 * name and e-mail typed go with it). Comments come a page at a time; a reply whose parent is not
 * loaded yet (the reader's own reply to a comment further on) is shown as a new thread until "Show
 * more comments" brings it.
 */
export function CommentsSection({ articleDocumentId, commentsEnabled, commentsCloseAt }: CommentsSectionProps) {
  const comments = useComments(articleDocumentId);
  const open = useCommentsOpen(commentsEnabled, commentsCloseAt, comments.dataUpdatedAt);
  const approved = useMemo(
    () => comments.data && loadedComments(comments.data.pages.flatMap((page) => page.data)),
    [comments.data],
  );
  const { pending, add } = usePendingComments(articleDocumentId, approved);
  // Without the page's code, the server renders the form under a comment (the Reply link), again
  // after a refused reply, and the note after a comment sent.
  const [searchParams] = useSearchParams();
  // Shown once: a reply opened or cancelled starts a form of its own.
  const [refused, setRefused] = useState(usePostedForm('comment'));
  useKeepServerForm(COMMENT_FORM_ID);
  const [replyTo, setReplyTo] = useState<ArticleComment | null>(() => {
    const answered = refused ? refused.values.parent : searchParams.get(REPLY_PARAM);
    return approved?.find((comment) => comment.documentId === answered) ?? null;
  });
  const [sender, setSender] = useState<Sender>({
    authorName: refused?.values.authorName ?? '',
    authorEmail: refused?.values.authorEmail ?? '',
  });
  // The thank-you note of the last comment sent, until the reader starts another.
  const [posted, setPosted] = useState<'shown' | 'sent' | null>(useSentWithoutScript('comment') ? 'sent' : null);

  const reply = (comment: ArticleComment) => {
    setRefused(undefined);
    setPosted(null);
    setReplyTo(comment);
  };

  const cancelReply = () => {
    setRefused(undefined);
    // Back to where the reader was: the comment they meant to answer.
    if (replyTo) document.getElementById(`reply-${replyTo.documentId}`)?.focus();
    setReplyTo(null);
  };

  const onPosted = (comment: PendingComment) => {
    add(comment);
    setReplyTo(null);
    setPosted('shown');
  };

  // Part of the section's code, not loaded apart: a form whose code came later than the section's
  // would be replaced, as the section re-renders meanwhile, under a reader already typing in it.
  const form = (
    <CommentForm
      articleDocumentId={articleDocumentId}
      replyTo={replyTo}
      sender={sender}
      onSenderChange={setSender}
      posted={posted}
      onWriting={() => setPosted(null)}
      onCancelReply={cancelReply}
      onPosted={onPosted}
      refused={refused}
    />
  );

  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {comments.isPending ? (
        <p className="comments__note" role="status">
          Loading comments…
        </p>
      ) : comments.isError && !comments.isFetchNextPageError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : (
        approved?.length === 0 &&
        pending.length === 0 && (
          <p className="comments__note">
            {open ? 'No comments yet. Be the first to leave a reply.' : 'No comments yet.'}
          </p>
        )
      )}
      <CommentList
        approved={approved ?? []}
        pending={pending}
        onReply={open ? reply : undefined}
        replyForm={open && replyTo ? { to: replyTo.documentId, form } : undefined}
      />
      <LoadMore query={comments} label="Show more comments" />
      {open ? !replyTo && form : <p className="comments__closed">Comments are closed for this article.</p>}
    </section>
  );
}

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { FormFooter } from '@/components/form/FormFooter';
import { Field } from '@/components/form/Field';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { useHydrated } from '@/lib/use-hydrated';
import { loadCommentRules, useCreateComment } from '../api/create-comment';
import type { ArticleComment } from '../api/get-comments';
import type { PendingComment } from '../api/pending-comments';

const FIELDS = ['authorName', 'authorEmail', 'body'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

interface CommentFormProps {
  articleDocumentId: string;
  /** The comment being answered, or null for a new thread. */
  replyTo: ArticleComment | null;
  onCancelReply: () => void;
  /** The comment was accepted: it now awaits moderation. */
  onPosted: (comment: PendingComment) => void;
}

/**
 * "Leave a Reply": checked with the shared schema before sending (downloaded on first focus),
 * errors beside their fields, the text kept whatever goes wrong.
 */
export default function CommentForm({ articleDocumentId, replyTo, onCancelReply, onPosted }: CommentFormProps) {
  const headingId = useId();
  const replyNoteRef = useRef<HTMLParagraphElement>(null);
  const postedRef = useRef<HTMLParagraphElement>(null);
  const [values, setValues] = useState<Values>({ authorName: '', authorEmail: '', body: '' });
  const [posted, setPosted] = useState(false);
  const botCheck = useBotCheck();
  const createComment = useCreateComment();
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    what: 'comment',
    loadRules: loadCommentRules,
    check: (rules) =>
      rules.checkComment({ article: articleDocumentId, parent: replyTo?.documentId, ...values, ...botCheck.read() }),
    send: (input) => createComment.mutateAsync(input),
    onStart: () => setPosted(false),
    onSent: (created, input) => {
      onPosted({
        documentId: created.documentId,
        authorName: created.authorName,
        body: created.body,
        createdAt: created.createdAt,
        parent: input.parent ?? null,
      });
      // Name and e-mail stay for the next comment; the comment itself is done.
      flushSync(() => {
        setValues((current) => ({ ...current, body: '' }));
        setPosted(true);
      });
      postedRef.current?.focus();
    },
  });

  // "Reply" takes the reader here, to the note saying whom they answer.
  useEffect(() => {
    if (replyTo) replyNoteRef.current?.focus();
  }, [replyTo]);

  const change = (field: FieldName) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearError(field);
  };

  const hydrated = useHydrated();

  return (
    <form
      ref={formRef}
      className="comment-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
      // Fetch the validation while the reader types, so sending does not wait for it.
      onFocus={() => void loadCommentRules().catch(() => {})}
    >
      <fieldset className="form-fields" disabled={!hydrated}>
        <h3 id={headingId}>Leave a Reply</h3>
        {replyTo && (
          <div className="comment-form__reply">
            <p ref={replyNoteRef} tabIndex={-1}>
              Replying to <strong>{replyTo.authorName}</strong>
            </p>
            <button type="button" className="button button--secondary" onClick={onCancelReply}>
              Cancel reply
            </button>
          </div>
        )}
        {posted && (
          <p ref={postedRef} className="form-success" role="status" tabIndex={-1}>
            Thank you. Your comment is awaiting moderation. Until a moderator approves it, only you can see it here.
          </p>
        )}
        <p className="form-note">Your e-mail address will not be published. Required fields are marked *</p>
        <Field label="Name" required error={errors.authorName}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="authorName"
              autoComplete="name"
              value={values.authorName}
              onChange={change('authorName')}
            />
          )}
        </Field>
        <Field label="E-mail" required error={errors.authorEmail}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="authorEmail"
              autoComplete="email"
              value={values.authorEmail}
              onChange={change('authorEmail')}
            />
          )}
        </Field>
        <Field label="Comment" required error={errors.body}>
          {(control) => <textarea {...control} name="body" rows={6} value={values.body} onChange={change('body')} />}
        </Field>
        <Honeypot inputRef={botCheck.honeypotRef} />
        <FormFooter problem={problem} sending={sending} label="Post comment" />
      </fieldset>
    </form>
  );
}

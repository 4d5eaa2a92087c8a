import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { FormFooter } from '@/components/form/FormFooter';
import { Field, InputField } from '@/components/form/Field';
import { LinkUntilHydrated } from '@/components/form/LinkUntilHydrated';
import { useTypedBeforeTakeOver, type PostedForm } from '@/components/form/posted-form';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { COMMENT_FORM_ID } from '../api/comment-form-id';
import { loadCommentRules, useCreateComment } from '../api/create-comment';
import type { ArticleComment } from '../api/get-comments';
import type { PendingComment } from '../api/pending-comments';

const FIELDS = ['authorName', 'authorEmail', 'body'] as const;
type FieldName = (typeof FIELDS)[number];
/** Who writes: kept by the comments section, so a reply form opened elsewhere has it too. */
export type Sender = Record<'authorName' | 'authorEmail', string>;

interface CommentFormProps {
  articleDocumentId: string;
  /** The comment being answered, or null for a new thread. */
  replyTo: ArticleComment | null;
  sender: Sender;
  onSenderChange: (sender: Sender) => void;
  /**
   * The thank-you note of the comment just sent: "shown" when the comment is in the list (this
   * browser keeps it), "sent" after a post without the page's code (it is not).
   */
  posted: 'shown' | 'sent' | null;
  /** The reader starts another comment: the note goes. */
  onWriting: () => void;
  onCancelReply: () => void;
  /** The comment was accepted: it now awaits moderation. */
  onPosted: (comment: PendingComment) => void;
  /** The comment the server refused, posted without the page's code: what was typed and why. */
  refused?: PostedForm;
}

/**
 * "Leave a Reply": checked with the shared schema before sending (downloaded on first focus),
 * errors beside their fields, the text kept whatever goes wrong. Before the page's code runs it
 * posts to the page itself, and the site's server does the same (posted-form.ts).
 */
export function CommentForm({
  articleDocumentId,
  replyTo,
  sender,
  onSenderChange,
  posted,
  onWriting,
  onCancelReply,
  onPosted,
  refused,
}: CommentFormProps) {
  const headingId = useId();
  const replyNoteRef = useRef<HTMLParagraphElement>(null);
  const postedRef = useRef<HTMLParagraphElement>(null);
  const { pathname } = useLocation();
  const [body, setBody] = useState(refused?.values.body ?? '');
  const values = { ...sender, body };
  const typedBeforeCode = useTypedBeforeTakeOver(COMMENT_FORM_ID, (typed) => {
    if (typed.body) setBody(typed.body);
    if (typed.authorName || typed.authorEmail)
      onSenderChange({ authorName: typed.authorName ?? '', authorEmail: typed.authorEmail ?? '' });
  });
  const botCheck = useBotCheck(typedBeforeCode);
  const createComment = useCreateComment();
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    initial: refused,
    what: 'comment',
    loadRules: loadCommentRules,
    check: (rules) =>
      rules.checkComment({ article: articleDocumentId, parent: replyTo?.documentId, ...values, ...botCheck.read() }),
    send: (input) => createComment.mutateAsync(input),
    onStart: onWriting,
    onSent: (created, input) => {
      // The comment is done; name and e-mail stay for the next one.
      setBody('');
      onPosted({
        documentId: created.documentId,
        authorName: created.authorName,
        body: created.body,
        createdAt: created.createdAt,
        parent: input.parent ?? null,
      });
    },
  });

  // The note takes the focus, wherever the form is shown once a reply has gone.
  useEffect(() => {
    if (posted) postedRef.current?.focus();
  }, [posted]);

  // "Reply" takes the reader here, to the note saying whom they answer.
  useEffect(() => {
    if (replyTo) replyNoteRef.current?.focus();
  }, [replyTo]);

  const change = (field: FieldName) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (field === 'body') setBody(event.target.value);
    else onSenderChange({ ...sender, [field]: event.target.value });
    clearError(field);
    if (posted) onWriting();
  };
  const fields = { values, errors, change };

  const hydrated = useHydrated();

  return (
    <form
      ref={formRef}
      id={COMMENT_FORM_ID}
      className="comment-form"
      aria-labelledby={headingId}
      method="post"
      action={`${pathname}#${COMMENT_FORM_ID}`}
      noValidate
      onSubmit={submit}
      // Fetch the validation while the reader types, so sending does not wait for it.
      onFocus={() => void loadCommentRules().catch(() => {})}
      // The page's code sends it from now on (end-to-end tests wait for this).
      data-enhanced={hydrated || undefined}
    >
      <fieldset className="form-fields">
        <h3 id={headingId}>Leave a Reply</h3>
        <input type="hidden" name="article" value={articleDocumentId} />
        {replyTo && (
          <div className="comment-form__reply">
            <input type="hidden" name="parent" value={replyTo.documentId} />
            <p ref={replyNoteRef} tabIndex={-1}>
              Replying to <strong>{replyTo.authorName}</strong>
            </p>
            <LinkUntilHydrated
              href={`${pathname}#${COMMENT_FORM_ID}`}
              className="button button--secondary"
              onClick={onCancelReply}
            >
              Cancel reply
            </LinkUntilHydrated>
          </div>
        )}
        {posted && (
          <p ref={postedRef} className="form-success" role="status" tabIndex={-1}>
            {posted === 'shown'
              ? 'Thank you. Your comment is awaiting moderation. Until a moderator approves it, only you can see it here.'
              : 'Thank you. Your comment is awaiting moderation: it appears here once a moderator approves it.'}
          </p>
        )}
        <p className="form-note">Your e-mail address will not be published. Required fields are marked *</p>
        <InputField of={fields} name="authorName" label="Name" required type="text" autoComplete="name" />
        <InputField of={fields} name="authorEmail" label="E-mail" required type="email" autoComplete="email" />
        <Field label="Comment" required error={errors.body}>
          {(control) => <textarea {...control} name="body" rows={6} value={values.body} onChange={change('body')} />}
        </Field>
        <Honeypot inputRef={botCheck.honeypotRef} />
        <FormFooter problem={problem} sending={sending} label="Post comment" />
        <p className="form-note comment-form__guidelines">
          Please keep to our <Link to={`${paths.editorialPolicy}#community-guidelines`}>community guidelines</Link>, and
          do not post personal medical details, yours or anyone else’s: for advice about your own health, speak to your
          doctor.
        </p>
      </fieldset>
    </form>
  );
}

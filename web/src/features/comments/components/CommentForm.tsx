import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { FormFooter } from '@/components/form/FormFooter';
import { Field, focusFirstInvalid } from '@/components/form/Field';
import { sendFailure } from '@/lib/send-failure';
import { loadCommentRules, useCreateComment } from '../api/create-comment';
import type { ArticleComment } from '../api/get-comments';
import type { PendingComment } from '../api/pending-comments';

const FIELDS = ['authorName', 'authorEmail', 'body'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const isField = (name: string): name is FieldName => (FIELDS as readonly string[]).includes(name);

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
  const formRef = useRef<HTMLFormElement>(null);
  const replyNoteRef = useRef<HTMLParagraphElement>(null);
  const postedRef = useRef<HTMLParagraphElement>(null);
  const [values, setValues] = useState<Values>({ authorName: '', authorEmail: '', body: '' });
  const [errors, setErrors] = useState<Partial<Values>>({});
  const [problem, setProblem] = useState('');
  const [posted, setPosted] = useState(false);
  const [sending, setSending] = useState(false);
  const botCheck = useBotCheck();
  const createComment = useCreateComment();

  // "Reply" takes the reader here, to the note saying whom they answer.
  useEffect(() => {
    if (replyTo) replyNoteRef.current?.focus();
  }, [replyTo]);

  const change = (field: FieldName) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  /** Errors beside their fields (focus on the first); those about something else above the button. */
  const showErrors = (byField: Record<string, string>) => {
    const fieldErrors = Object.fromEntries(Object.entries(byField).filter(([name]) => isField(name)));
    const other = Object.entries(byField).filter(([name]) => !isField(name));
    flushSync(() => {
      setErrors(fieldErrors);
      setProblem(other.map(([, message]) => message).join(' '));
    });
    focusFirstInvalid(formRef.current);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setProblem('');
    setPosted(false);
    let rules: Awaited<ReturnType<typeof loadCommentRules>> | undefined;
    try {
      rules = await loadCommentRules();
      const checked = rules.checkComment({ article: articleDocumentId, parent: replyTo?.documentId, ...values, ...botCheck.read() });
      if (checked.errors) {
        showErrors(checked.errors);
        return;
      }
      const created = await createComment.mutateAsync(checked.data);
      onPosted({
        documentId: created.documentId,
        authorName: created.authorName,
        body: created.body,
        createdAt: created.createdAt,
        parent: checked.data.parent ?? null,
      });
      // Name and e-mail stay for the next comment; the comment itself is done.
      flushSync(() => {
        setValues((current) => ({ ...current, body: '' }));
        setErrors({});
        setPosted(true);
      });
      postedRef.current?.focus();
    } catch (error) {
      const failure = sendFailure(error, 'comment');
      if (failure.fieldErrors.length && rules) showErrors(rules.errorsByField(failure.fieldErrors));
      else setProblem(failure.message);
    } finally {
      setSending(false);
    }
  };

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
        {(control) => <input {...control} type="text" name="authorName" autoComplete="name" value={values.authorName} onChange={change('authorName')} />}
      </Field>
      <Field label="E-mail" required error={errors.authorEmail}>
        {(control) => <input {...control} type="email" name="authorEmail" autoComplete="email" value={values.authorEmail} onChange={change('authorEmail')} />}
      </Field>
      <Field label="Comment" required error={errors.body}>
        {(control) => <textarea {...control} name="body" rows={6} value={values.body} onChange={change('body')} />}
      </Field>
      <Honeypot inputRef={botCheck.honeypotRef} />
      <FormFooter problem={problem} sending={sending} label="Post comment" />
    </form>
  );
}

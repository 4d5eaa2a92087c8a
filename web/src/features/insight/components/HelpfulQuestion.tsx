import { INSIGHT_LIMITS } from '@medblog/shared';
import { useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { useLocation, useSearchParams } from 'react-router-dom';
import { Field } from '@/components/form/Field';
import { FormFooter } from '@/components/form/FormFooter';
import { usePostedForm, useSentWithoutScript, useTypedBeforeTakeOver } from '@/components/form/posted-form';
import { useHydrated } from '@/lib/use-hydrated';
import { queueInsight } from '../api/beacon';
import {
  ANSWER_PARAM,
  asAnswer,
  FORM_FIELD,
  HELPFUL_ID,
  HELPFUL_NOTE_FORM_ID,
  type HelpfulAnswer,
} from '../api/helpful';

const NOTE_MAX = INSIGHT_LIMITS.noteLength;

/**
 * "Was this page helpful?": Yes or No, then an optional "What was missing?" for the editors (never
 * published). One answer per page shown. It joins the insight beacon with the page's code, and
 * without it is posted to the article's own address, which the site's server sends on.
 */
export function HelpfulQuestion({ documentId }: { documentId: string }) {
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const hydrated = useHydrated();
  // Without the page's code: back from the server with the answer taken (the note may follow),
  // with the note taken, or with the note refused.
  const refused = usePostedForm('helpful');
  const sentWithoutScript = useSentWithoutScript('helpful');
  const [answer, setAnswer] = useState<HelpfulAnswer | null>(() =>
    asAnswer(refused ? refused.values.answer : sentWithoutScript ? searchParams.get(ANSWER_PARAM) : null),
  );
  const [noteSent, setNoteSent] = useState(() => sentWithoutScript && !searchParams.has(ANSWER_PARAM));
  const [note, setNote] = useState(refused?.values.note ?? '');
  const [error, setError] = useState(refused?.errors.note ?? '');
  const [problem, setProblem] = useState(() =>
    refused
      ? [
          ...Object.entries(refused.errors).flatMap(([name, message]) => (name === 'note' ? [] : [message])),
          refused.problem,
        ]
          .filter(Boolean)
          .join(' ')
      : '',
  );
  const [sending, setSending] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  useTypedBeforeTakeOver(HELPFUL_NOTE_FORM_ID, (typed) => setNote(typed.note ?? ''));

  const answerWith = (given: HelpfulAnswer) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (answer) return;
    queueInsight({ type: 'helpful', article: documentId, answer: given });
    flushSync(() => setAnswer(given));
    noteRef.current?.focus();
  };

  const finish = () => {
    flushSync(() => setNoteSent(true));
    thanksRef.current?.focus();
  };

  const sendNote = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!answer || sending) return;
    const text = note.trim();
    if (!text) return finish();
    setSending(true);
    setProblem('');
    try {
      const { checkHelpful } = await import('../api/helpful-check');
      const checked = checkHelpful({ type: 'helpful', article: documentId, answer, note: text });
      if (checked.errors) {
        flushSync(() => setError(checked.errors.note ?? Object.values(checked.errors).join(' ')));
        noteRef.current?.focus();
        return;
      }
      queueInsight(checked.data);
      finish();
    } catch {
      setProblem('Your note was not sent: check your connection and try again.');
    } finally {
      setSending(false);
    }
  };

  const action = `${pathname}#${HELPFUL_ID}`;
  const hidden = (
    <>
      <input type="hidden" name={FORM_FIELD} value="helpful" />
      <input type="hidden" name="article" value={documentId} />
    </>
  );
  return (
    <section id={HELPFUL_ID} className="helpful" aria-labelledby="helpful-title">
      <h2 id="helpful-title" className="helpful__title">
        Was this page helpful?
      </h2>
      {!answer && !noteSent && (
        <form method="post" action={action} className="helpful__answers" data-enhanced={hydrated || undefined}>
          {hidden}
          <button
            type="submit"
            name="answer"
            value="yes"
            className="button button--secondary"
            onClick={answerWith('yes')}
          >
            Yes
          </button>
          <button
            type="submit"
            name="answer"
            value="no"
            className="button button--secondary"
            onClick={answerWith('no')}
          >
            No
          </button>
          {problem && (
            <p className="form-alert" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
      {/* Always there, so its text is announced when it appears. */}
      <p ref={thanksRef} tabIndex={-1} role="status" className="helpful__thanks">
        {noteSent ? 'Thank you: your note goes to our editors.' : answer ? 'Thank you for your answer.' : ''}
      </p>
      {answer && !noteSent && (
        <form
          id={HELPFUL_NOTE_FORM_ID}
          method="post"
          action={action}
          className="helpful__note"
          noValidate
          onSubmit={sendNote}
          data-enhanced={hydrated || undefined}
        >
          {hidden}
          <input type="hidden" name="answer" value={answer} />
          <Field
            label="What was missing?"
            hint={`Optional, for our editors only: never published. ${note.length} of ${NOTE_MAX} characters.`}
            error={error || undefined}
          >
            {(control) => (
              <textarea
                {...control}
                ref={noteRef}
                name="note"
                rows={3}
                maxLength={NOTE_MAX}
                value={note}
                onChange={(event) => {
                  setNote(event.target.value);
                  setError('');
                }}
              />
            )}
          </Field>
          <FormFooter problem={problem} sending={sending} label="Send" />
        </form>
      )}
    </section>
  );
}

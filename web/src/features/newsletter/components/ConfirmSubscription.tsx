import type { SubscriptionConfirmation } from '@medblog/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePostedForm, type PostedForm } from '@/components/form/posted-form';
import { sendFailure } from '@/lib/send-failure';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { confirmSubscription, type LinkResult } from '../api/manage-subscription';
import { FREQUENCY_IN_WORDS, topicsInWords } from '../api/topics';
import { LinkProblem } from './LinkProblem';

/** The link's problem of a form the server refused without the page's code (src/server/form-posts.ts). */
export function linkProblemOf(refused: PostedForm | undefined): Extract<LinkResult, { problem: unknown }> | null {
  const link = refused?.values.link;
  return link === 'invalid' || link === 'gone' ? { problem: link, message: refused!.problem } : null;
}

/** The manage page of the same signed link. */
export const manageLink = (token: string) => `${paths.subscribeManage}?token=${encodeURIComponent(token)}`;

/**
 * The confirmation e-mail's page. Opening it confirms nothing (mail scanners open links): the
 * reader's click on the button does, by POST, with or without the page's code.
 */
export function ConfirmSubscription({ token }: { token: string }) {
  const refused = usePostedForm('subscription-confirm');
  const [result, setResult] = useState<LinkResult<SubscriptionConfirmation> | null>(() => linkProblemOf(refused));
  // Refused for another reason (too many tries, the CMS down): the button stays, with why.
  const [problem, setProblem] = useState(refused && !refused.values.link ? refused.problem : '');
  const hydrated = useHydrated();
  const doneRef = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (result && 'settings' in result) doneRef.current?.focus();
  }, [result]);

  if (!token) return <LinkProblem problem="invalid" message="It has no token: open it from the e-mail again." />;
  if (result && 'problem' in result) return <LinkProblem problem={result.problem} message={result.message} />;
  if (result) {
    const { settings } = result;
    return (
      <div ref={doneRef} className="form-success subscription-done" role="status" tabIndex={-1}>
        <p>
          <strong>Your subscription is confirmed.</strong> We will send {FREQUENCY_IN_WORDS[settings.frequency]} on{' '}
          {topicsInWords(settings.topics, settings.choices)} to {settings.email}.
        </p>
        <p>
          <a href={manageLink(settings.manageToken)}>Change your topics or how often, or leave</a>. Every e-mail has
          this link too.
        </p>
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirming) return;
    setProblem('');
    setConfirming(true);
    try {
      setResult(await confirmSubscription(token));
    } catch (error) {
      setProblem(sendFailure(error, 'confirmation').message);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <form
      className="subscription-form"
      method="post"
      action={paths.subscribeConfirm}
      onSubmit={submit}
      data-enhanced={hydrated || undefined}
    >
      <p>One more step: confirm that you want our new articles at this address.</p>
      <input type="hidden" name="token" value={token} />
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={confirming} aria-busy={confirming || undefined}>
        {confirming ? 'Confirming…' : 'Confirm my subscription'}
      </button>
    </form>
  );
}

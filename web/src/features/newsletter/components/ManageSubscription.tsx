import type { SubscriptionFrequency, SubscriptionSettings } from '@medblog/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormFooter } from '@/components/form/FormFooter';
import { usePostedForm, useSentWithoutScript } from '@/components/form/posted-form';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { paths } from '@/lib/paths';
import { sendFailure } from '@/lib/send-failure';
import { useHydrated } from '@/lib/use-hydrated';
import {
  changeSubscription,
  leaveSubscription,
  subscriptionQueryOptions,
  type LinkResult,
} from '../api/manage-subscription';
import { loadSubscriptionRules } from '../api/subscribe';
import {
  FREQUENCY_IN_WORDS,
  NO_TOPIC_CHOSEN,
  tickedFor,
  tickedWhenRefused,
  topicsInWords,
  topicsToSend,
} from '../api/topics';
import { linkProblemOf } from './ConfirmSubscription';
import { LinkProblem } from './LinkProblem';
import { FrequencyChoice, TopicCheckboxes } from './TopicChoices';

const FIELDS = ['topics', 'frequency'] as const;

/** What a subscription brings, in one sentence. */
const summary = (settings: SubscriptionSettings) =>
  `${settings.email} gets ${FREQUENCY_IN_WORDS[settings.frequency]} on ${topicsInWords(settings.topics, settings.choices)}.`;

/** After leaving: said plainly, with the way back. */
export function LeftNote() {
  return (
    <div className="form-success subscription-left" role="status" tabIndex={-1}>
      <p>
        <strong>You have left.</strong> We will send you nothing more, and we have deleted your address.
      </p>
      <p>
        Changed your mind? <Link to={paths.subscribe}>Subscribe again</Link>.
      </p>
    </div>
  );
}

/**
 * A newsletter e-mail's page (and the confirmation's, once confirmed): the subscription, a form to
 * change its topics and frequency, and a way to leave, each saying plainly what it did. Each works
 * without the page's code, posting the link's token in a hidden field (src/server/form-posts.ts).
 */
export function ManageSubscription({ token, result }: { token: string; result: LinkResult }) {
  const queryClient = useQueryClient();
  const confirmedWithoutScript = useSentWithoutScript('subscription-confirm');
  const savedWithoutScript = useSentWithoutScript('subscription-change');
  const refusedChange = usePostedForm('subscription-change');
  const refusedLeave = usePostedForm('subscription-leave');
  const [shown, setShown] = useState<LinkResult>(
    () => linkProblemOf(refusedChange) ?? linkProblemOf(refusedLeave) ?? result,
  );
  const [left, setLeft] = useState(false);
  const noteRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (left) noteRef.current?.querySelector<HTMLElement>('[role="status"]')?.focus();
  }, [left]);

  if (left)
    return (
      <div ref={noteRef}>
        <LeftNote />
      </div>
    );
  if ('problem' in shown) return <LinkProblem problem={shown.problem} message={shown.message} />;

  const settings = shown.settings;
  const show = (next: LinkResult) => {
    if ('settings' in next) queryClient.setQueryData(subscriptionQueryOptions(token).queryKey, next);
    setShown(next);
  };

  return (
    <>
      {(confirmedWithoutScript || savedWithoutScript) && (
        <p className="form-success" role="status">
          {confirmedWithoutScript ? 'Your subscription is confirmed.' : 'Your choices are saved.'} {summary(settings)}
        </p>
      )}
      <ChangeForm
        token={token}
        settings={settings}
        refused={refusedChange && !refusedChange.values.link ? refusedChange : undefined}
        onDone={show}
      />
      <LeaveForm
        token={token}
        refusedProblem={refusedLeave && !refusedLeave.values.link ? refusedLeave.problem : ''}
        onLeft={() => setLeft(true)}
        onProblem={show}
      />
    </>
  );
}

function ChangeForm({
  token,
  settings,
  refused,
  onDone,
}: {
  token: string;
  settings: SubscriptionSettings;
  refused?: { values: Record<string, string>; errors: Record<string, string>; problem: string };
  onDone: (result: LinkResult) => void;
}) {
  const offered = settings.choices.map((choice) => choice.slug);
  const [ticked, setTicked] = useState<string[]>(
    () => tickedWhenRefused(refused) ?? tickedFor(settings.topics, settings.choices),
  );
  const [frequency, setFrequency] = useState<SubscriptionFrequency>(settings.frequency);
  const [saved, setSaved] = useState(false);
  const hydrated = useHydrated();
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    initial: refused,
    what: 'change',
    loadRules: loadSubscriptionRules,
    check: (rules) => {
      const chosen = topicsToSend(ticked, offered);
      const checked = rules.checkSubscriptionChange({ token, topics: chosen ?? [], frequency });
      return chosen ? checked : { errors: { ...checked.errors, topics: NO_TOPIC_CHOSEN } };
    },
    onStart: () => setSaved(false),
    send: changeSubscription,
    onSent: (next) => {
      setSaved('settings' in next);
      onDone(next);
    },
  });

  return (
    <form
      ref={formRef}
      className="subscription-form"
      aria-labelledby="subscription-change-title"
      method="post"
      action={paths.subscribeManage}
      noValidate
      onSubmit={submit}
      onFocus={() => void loadSubscriptionRules().catch(() => {})}
      data-enhanced={hydrated || undefined}
    >
      <h2 id="subscription-change-title">Your subscription</h2>
      <p>{summary(settings)}</p>
      <input type="hidden" name="token" value={token} />
      <TopicCheckboxes
        choices={settings.choices}
        ticked={ticked}
        onChange={(next) => {
          setTicked(next);
          setSaved(false);
          clearError('topics');
        }}
        error={errors.topics}
      />
      <FrequencyChoice
        value={frequency}
        onChange={(next) => {
          setFrequency(next);
          setSaved(false);
          clearError('frequency');
        }}
        error={errors.frequency}
      />
      {saved && (
        <p className="form-success" role="status">
          Your choices are saved.
        </p>
      )}
      <FormFooter problem={problem} sending={sending} label="Save my choices" />
    </form>
  );
}

function LeaveForm({
  token,
  refusedProblem,
  onLeft,
  onProblem,
}: {
  token: string;
  refusedProblem: string;
  onLeft: () => void;
  onProblem: (result: LinkResult) => void;
}) {
  const hydrated = useHydrated();
  // With the page's code, a first click asks again; without it, the button says all it does.
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState(refusedProblem);
  const [leaving, setLeaving] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!asking) return setAsking(true);
    if (leaving) return;
    setProblem('');
    setLeaving(true);
    try {
      const result = await leaveSubscription(token);
      if ('left' in result) onLeft();
      else onProblem(result);
    } catch (error) {
      setProblem(sendFailure(error, 'request to leave').message);
    } finally {
      setLeaving(false);
    }
  };

  return (
    <form
      className="subscription-form subscription-leave"
      aria-labelledby="subscription-leave-title"
      method="post"
      action={paths.subscribeLeave}
      onSubmit={submit}
      data-enhanced={hydrated || undefined}
    >
      <h2 id="subscription-leave-title">Leave</h2>
      <p>Leaving stops every e-mail from us and deletes your address. Nothing else about you is kept.</p>
      <input type="hidden" name="token" value={token} />
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {asking ? (
        <div className="subscription-leave__confirm" role="group" aria-label="Confirm leaving">
          <p>
            <strong>Stop all e-mails and delete your address?</strong>
          </p>
          <button
            ref={confirmRef}
            type="submit"
            className="button button--danger"
            disabled={leaving}
            aria-busy={leaving || undefined}
          >
            {leaving ? 'Leaving…' : 'Yes, unsubscribe me'}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
            No, keep my subscription
          </button>
        </div>
      ) : (
        <button type="submit" className="button button--secondary">
          {hydrated ? 'Unsubscribe' : 'Unsubscribe and delete my address'}
        </button>
      )}
    </form>
  );
}

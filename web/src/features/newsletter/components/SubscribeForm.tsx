import type { SubscriptionFrequency } from '@medblog/shared';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { InputField } from '@/components/form/Field';
import { FormFooter } from '@/components/form/FormFooter';
import { LinkUntilHydrated } from '@/components/form/LinkUntilHydrated';
import { usePostedForm, useSentWithoutScript, useTypedBeforeTakeOver } from '@/components/form/posted-form';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { loadSubscriptionRules, subscribe } from '../api/subscribe';
import { NO_TOPIC_CHOSEN, SUBSCRIBE_FORM_ID, tickedWhenRefused, topicsToSend, type TopicChoice } from '../api/topics';
import { FrequencyChoice, TopicCheckboxes } from './TopicChoices';

const FIELDS = ['email', 'topics', 'frequency'] as const;
const isFrequency = (value: string | undefined): value is SubscriptionFrequency =>
  value === 'each-article' || value === 'weekly';

interface SubscribeFormProps {
  /** The categories readers can choose from (the site's topics). */
  topics: readonly TopicChoice[];
  /** One form a page: the article's end, the home page's aside, the /subscribe page. */
  id?: string;
  /** The heading naming the form; the form has its own when none is given. */
  labelledBy?: string;
}

/**
 * The subscribe form: an address, the topics (all ticked: every topic), how often. Checked with the
 * shared schema before sending (downloaded on first focus); the CMS answers alike for any address,
 * so the form says "check your inbox" once it is sent. Before the page's code runs it posts to
 * /subscribe, and the site's server does the same (src/server/form-posts.ts).
 */
export function SubscribeForm({ topics, id = SUBSCRIBE_FORM_ID, labelledBy }: SubscribeFormProps) {
  const offered = topics.map((topic) => topic.slug);
  const refused = usePostedForm('subscribe');
  const [email, setEmail] = useState(refused?.values.email ?? '');
  const [ticked, setTicked] = useState<string[]>(() => tickedWhenRefused(refused) ?? offered);
  const [frequency, setFrequency] = useState<SubscriptionFrequency>(
    isFrequency(refused?.values.frequency) ? refused.values.frequency : 'each-article',
  );
  const [sentTo, setSentTo] = useState<string | null>(useSentWithoutScript('subscribe') ? '' : null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const typedBeforeCode = useTypedBeforeTakeOver(id, (typed) => {
    if (typed.email) setEmail(typed.email);
  });
  const botCheck = useBotCheck(typedBeforeCode);
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    initial: refused,
    what: 'subscription',
    loadRules: loadSubscriptionRules,
    check: (rules) => {
      const chosen = topicsToSend(ticked, offered);
      const checked = rules.checkSubscribe({ email, topics: chosen ?? [], frequency, ...botCheck.read() });
      if (chosen) return checked;
      return { errors: { ...checked.errors, topics: NO_TOPIC_CHOSEN } };
    },
    send: subscribe,
    onSent: (_acknowledgement, input) => {
      setSentTo(input.email);
      setEmail('');
    },
  });

  useEffect(() => {
    if (sentTo !== null) confirmationRef.current?.focus();
  }, [sentTo]);

  if (sentTo !== null) {
    return (
      <div ref={confirmationRef} id={id} className="form-success subscribe-sent" role="status" tabIndex={-1}>
        <p>
          <strong>Check your inbox.</strong> We have sent {sentTo ? `a link to ${sentTo}` : 'you a link'} to confirm
          your subscription. Nothing is sent to you until you open it and confirm; the link works for 48 hours.
        </p>
        <LinkUntilHydrated
          href={`${paths.subscribe}#${SUBSCRIBE_FORM_ID}`}
          className="button button--secondary"
          onClick={() => {
            flushSync(() => setSentTo(null));
            formRef.current?.querySelector<HTMLElement>('input[name="email"]')?.focus();
          }}
        >
          Use another address
        </LinkUntilHydrated>
      </div>
    );
  }

  const fields = {
    values: { email },
    errors,
    change: () => (event: ChangeEvent<HTMLInputElement>) => {
      setEmail(event.target.value);
      clearError('email');
    },
  };

  return (
    <form
      ref={formRef}
      id={id}
      className="subscribe-form"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : 'Subscribe by e-mail'}
      method="post"
      action={`${paths.subscribe}#${SUBSCRIBE_FORM_ID}`}
      noValidate
      onSubmit={submit}
      onFocus={() => void loadSubscriptionRules().catch(() => {})}
      data-enhanced={hydrated || undefined}
    >
      <p className="subscribe-form__promise">
        Get our new articles by e-mail, on the topics you choose, one by one or as a weekly digest. We track nothing (no
        open pixels, no rewritten links), and every e-mail has a link to leave in one click.
      </p>
      <InputField of={fields} name="email" label="E-mail" required type="email" autoComplete="email" />
      {topics.length > 0 && (
        <TopicCheckboxes
          choices={topics}
          ticked={ticked}
          onChange={(next) => {
            setTicked(next);
            clearError('topics');
          }}
          error={errors.topics}
        />
      )}
      <FrequencyChoice
        value={frequency}
        onChange={(next) => {
          setFrequency(next);
          clearError('frequency');
        }}
        error={errors.frequency}
      />
      <Honeypot inputRef={botCheck.honeypotRef} />
      <FormFooter problem={problem} sending={sending} label="Subscribe" />
    </form>
  );
}

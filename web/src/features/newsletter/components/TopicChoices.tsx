import { SUBSCRIPTION_FREQUENCIES, type SubscriptionFrequency } from '@medblog/shared';
import { useId } from 'react';
import type { TopicChoice } from '../api/topics';

export const FREQUENCY_LABELS: Record<SubscriptionFrequency, string> = {
  'each-article': 'Each new article, as it is published',
  weekly: 'A weekly digest of the week’s new articles',
};

/** A fieldset's error, above its choices and read with each of them. */
function FieldsetError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null;
}

/** The topics as checkboxes (name "topics", a slug each), in a fieldset named by its legend. */
export function TopicCheckboxes({
  choices,
  ticked,
  onChange,
  error,
}: {
  choices: readonly TopicChoice[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const toggle = (slug: string, on: boolean) =>
    onChange(on ? [...ticked, slug] : ticked.filter((candidate) => candidate !== slug));
  return (
    <fieldset className={error ? 'choices field--invalid' : 'choices'}>
      <legend className="field__label">Topics</legend>
      <p className="field__hint">With every topic ticked, you also get the topics we add later.</p>
      <FieldsetError id={errorId} error={error} />
      {choices.map((choice) => (
        <div className="field__check" key={choice.slug}>
          <input
            id={`${id}-${choice.slug}`}
            type="checkbox"
            name="topics"
            value={choice.slug}
            checked={ticked.includes(choice.slug)}
            onChange={(event) => toggle(choice.slug, event.target.checked)}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${choice.slug}`}>{choice.name}</label>
        </div>
      ))}
      {/* What the boxes offered, for the site's server to tell "all ticked" (every topic) without the page's code. */}
      <input type="hidden" name="offered" value={choices.map((choice) => choice.slug).join(',')} />
    </fieldset>
  );
}

/** How often, as radio buttons (name "frequency"). */
export function FrequencyChoice({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (frequency: SubscriptionFrequency) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'choices field--invalid' : 'choices'}>
      <legend className="field__label">How often</legend>
      <FieldsetError id={errorId} error={error} />
      {SUBSCRIPTION_FREQUENCIES.map((frequency) => (
        <div className="field__check" key={frequency}>
          <input
            id={`${id}-${frequency}`}
            type="radio"
            name="frequency"
            value={frequency}
            checked={value === frequency}
            onChange={() => onChange(frequency)}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${frequency}`}>{FREQUENCY_LABELS[frequency]}</label>
        </div>
      ))}
    </fieldset>
  );
}

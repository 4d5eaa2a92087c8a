import { ENQUIRY_TOPIC_LABELS, ENQUIRY_TOPICS, type EnquiryTopic } from '@medblog/shared';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { FormFooter } from '@/components/form/FormFooter';
import { CheckboxField, Field, InputField } from '@/components/form/Field';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { loadEnquiryRules, useCreateEnquiry } from '../api/create-enquiry';
import { sourcePathOf } from '../api/source-path';
import { EMPTY_DRAFT, readEnquiryDraft, saveEnquiryDraft, type EnquiryDraft } from '../api/enquiry-draft';

type TextField = Exclude<keyof EnquiryDraft, 'topic'>;
type FieldName = keyof EnquiryDraft | 'consent';
const FIELDS = ['name', 'email', 'phone', 'topic', 'message', 'consent'] as const satisfies readonly FieldName[];

/** "internships", "USMLE preparation": a topic's label inside a sentence. */
const inSentence = (label: string) => (/^.[a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

interface Sent {
  name: string;
  email: string;
  topic: EnquiryTopic;
}

interface EnquiryFormProps {
  /** The page the reader came from (path and query). */
  sourcePath: string;
  id?: string;
  /** The heading that names the form (the dialog's or the page's). */
  labelledBy?: string;
  /** The enquiry was received. */
  onSent?: () => void;
}

/**
 * The Quick Enquiry form, in the dialog and on its page: checked with the shared schema before
 * sending (downloaded on first focus), errors beside their fields, and what the reader typed kept
 * (in the form, and as a draft in this tab) until the enquiry is received.
 */
export function EnquiryForm({ sourcePath, id, labelledBy, onSent }: EnquiryFormProps) {
  const confirmationRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState(EMPTY_DRAFT);
  const draftRestored = useRef(false);
  const [consent, setConsent] = useState(false);
  const hydrated = useHydrated();
  const [sent, setSent] = useState<Sent | null>(null);
  const botCheck = useBotCheck();
  const createEnquiry = useCreateEnquiry();
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    what: 'enquiry',
    loadRules: loadEnquiryRules,
    check: (rules) =>
      rules.checkEnquiry({
        ...values,
        phone: values.phone.trim() || undefined,
        consent,
        sourcePath: sourcePathOf(sourcePath),
        ...botCheck.read(),
      }),
    send: (input) => createEnquiry.mutateAsync(input),
    onSent: (_acknowledgement, input) => {
      // Emptying the form also removes its draft (see saveEnquiryDraft).
      setSent({ name: input.name, email: input.email, topic: input.topic });
      setValues(EMPTY_DRAFT);
      setConsent(false);
      onSent?.();
    },
  });

  // The draft is in this tab's storage, which the server cannot see: it returns once the page runs.
  useEffect(() => {
    if (draftRestored.current) return saveEnquiryDraft(values);
    draftRestored.current = true;
    setValues(readEnquiryDraft());
  }, [values]);

  useEffect(() => {
    if (sent) confirmationRef.current?.focus();
  }, [sent]);

  const change =
    (field: TextField | 'topic') =>
    (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      setValues((current) => ({ ...current, [field]: event.target.value }));
      clearError(field);
    };
  const fields = { values, errors, change };

  if (sent) {
    return (
      <div ref={confirmationRef} id={id} className="form-success enquiry-sent" role="status" tabIndex={-1}>
        <p>
          Thank you, {sent.name}. We have received your enquiry about {inSentence(ENQUIRY_TOPIC_LABELS[sent.topic])} and
          will reply to {sent.email} within 2 working days.
        </p>
        <p>If it is urgent, you can also call or e-mail us using the contacts at the foot of this page.</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            flushSync(() => setSent(null));
            formRef.current?.querySelector<HTMLElement>('input[name="name"]')?.focus();
          }}
        >
          Send another enquiry
        </button>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      id={id}
      className="enquiry-form"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={submit}
      // Fetch the validation while the reader types, so sending does not wait for it.
      onFocus={() => void loadEnquiryRules().catch(() => {})}
    >
      <fieldset className="form-fields" disabled={!hydrated}>
        <p className="form-note">Required fields are marked *</p>
        <InputField of={fields} name="name" label="Name" required type="text" autoComplete="name" />
        <InputField of={fields} name="email" label="E-mail" required type="email" autoComplete="email" />
        <InputField
          of={fields}
          name="phone"
          label="Phone"
          hint="International format, e.g. +91 98765 43210"
          type="tel"
          autoComplete="tel"
        />
        <Field label="Topic" error={errors.topic}>
          {(control) => (
            <select {...control} name="topic" value={values.topic} onChange={change('topic')}>
              {ENQUIRY_TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {ENQUIRY_TOPIC_LABELS[topic]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Message" required error={errors.message}>
          {(control) => (
            <textarea {...control} name="message" rows={5} value={values.message} onChange={change('message')} />
          )}
        </Field>
        <CheckboxField
          name="consent"
          required
          checked={consent}
          onChange={(checked) => {
            setConsent(checked);
            clearError('consent');
          }}
          error={errors.consent}
          label={
            <>
              I agree that my details are stored to answer this enquiry, as described in the{' '}
              <Link to={paths.privacy}>privacy notice</Link>.
            </>
          }
        />
        <Honeypot inputRef={botCheck.honeypotRef} />
        <FormFooter problem={problem} sending={sending} label="Send enquiry" />
      </fieldset>
    </form>
  );
}

import { ENQUIRY_TOPIC_LABELS, ENQUIRY_TOPICS, type EnquiryTopic } from '@medblog/shared';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router-dom';
import { Honeypot, useBotCheck } from '@/components/form/BotCheck';
import { FormFooter } from '@/components/form/FormFooter';
import { LinkUntilHydrated } from '@/components/form/LinkUntilHydrated';
import { CheckboxField, Field, InputField } from '@/components/form/Field';
import { usePostedForm, useSentWithoutScript, useTypedBeforeTakeOver } from '@/components/form/posted-form';
import { useFormSubmit } from '@/components/form/useFormSubmit';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { ENQUIRY_FORM_ID } from '../api/enquiry-page';
import { loadEnquiryRules, useCreateEnquiry } from '../api/create-enquiry';
import { sourcePathOf } from '../api/source-path';
import { EMPTY_DRAFT, readEnquiryDraft, saveEnquiryDraft, toDraft, type EnquiryDraft } from '../api/enquiry-draft';

type TextField = Exclude<keyof EnquiryDraft, 'topic'>;
type FieldName = keyof EnquiryDraft | 'consent';
const FIELDS = ['name', 'email', 'phone', 'topic', 'message', 'consent'] as const satisfies readonly FieldName[];

/** "internships", "USMLE preparation": a topic's label inside a sentence. */
const inSentence = (label: string) => (/^.[a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/** What the confirmation repeats; nothing after a post without the page's code (the page it leads to is not personal). */
type Sent = { name: string; email: string; topic: EnquiryTopic } | 'without-script';

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
 * (in the form, and as a draft in this tab) until the enquiry is received. Before the page's code
 * runs it posts to the Quick Enquiry page, and the site's server does the same (posted-form.ts).
 */
export function EnquiryForm({ sourcePath, id, labelledBy, onSent }: EnquiryFormProps) {
  const confirmationRef = useRef<HTMLDivElement>(null);
  const refused = usePostedForm('enquiry');
  const [values, setValues] = useState(refused ? toDraft(refused.values) : EMPTY_DRAFT);
  const draftRestored = useRef(false);
  const typedBeforeTakeOver = useRef<EnquiryDraft | null>(null);
  const [consent, setConsent] = useState(refused?.values.consent === 'on');
  const hydrated = useHydrated();
  const [sent, setSent] = useState<Sent | null>(useSentWithoutScript('enquiry') ? 'without-script' : null);
  const typedBeforeCode = useTypedBeforeTakeOver(id, (typed) => {
    typedBeforeTakeOver.current = toDraft(typed);
    if (typed.consent) setConsent(true);
  });
  const botCheck = useBotCheck(typedBeforeCode);
  const createEnquiry = useCreateEnquiry();
  const { formRef, errors, clearError, problem, sending, submit } = useFormSubmit({
    fields: FIELDS,
    initial: refused,
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

  // The draft is in this tab's storage, which the server cannot see: it returns once the page runs
  // (unless the reader had started typing, or the server showed what they typed).
  useEffect(() => {
    if (draftRestored.current) return saveEnquiryDraft(values);
    draftRestored.current = true;
    if (typedBeforeTakeOver.current) setValues(typedBeforeTakeOver.current);
    else if (!refused) setValues(readEnquiryDraft());
  }, [values, refused]);

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
        {sent === 'without-script' ? (
          <p>Thank you. We have received your enquiry and will reply by e-mail within 2 working days.</p>
        ) : (
          <p>
            Thank you, {sent.name}. We have received your enquiry about {inSentence(ENQUIRY_TOPIC_LABELS[sent.topic])}{' '}
            and will reply to {sent.email} within 2 working days.
          </p>
        )}
        <p>If it is urgent, you can also call or e-mail us using the contacts at the foot of this page.</p>
        <LinkUntilHydrated
          href={`${paths.enquiry}#${ENQUIRY_FORM_ID}`}
          className="button button--secondary"
          onClick={() => {
            flushSync(() => setSent(null));
            formRef.current?.querySelector<HTMLElement>('input[name="name"]')?.focus();
          }}
        >
          Send another enquiry
        </LinkUntilHydrated>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      id={id}
      className="enquiry-form"
      aria-labelledby={labelledBy}
      method="post"
      action={`${paths.enquiry}#${ENQUIRY_FORM_ID}`}
      noValidate
      onSubmit={submit}
      // Fetch the validation while the reader types, so sending does not wait for it.
      onFocus={() => void loadEnquiryRules().catch(() => {})}
      // The page's code sends it from now on (end-to-end tests wait for this).
      data-enhanced={hydrated || undefined}
    >
      <fieldset className="form-fields">
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

import type { FieldError } from '@medblog/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { CheckResult, FieldMessages } from '@/lib/input-check';
import { sendFailure } from '@/lib/send-failure';
import { focusFirstInvalid } from './Field';

/** A feature's `load…Rules()` module: its check, and the server's field errors in the same shape. */
interface FormRules {
  errorsByField: (errors: FieldError[]) => FieldMessages;
}

interface FormSubmitOptions<Field extends string, Rules extends FormRules, Data, Result> {
  /** The form's fields: their errors show beside them; any other error above the send button. */
  fields: readonly Field[];
  /** "comment", "enquiry": what the failure messages say was not sent. */
  what: string;
  /** Downloads the form's schema check (it brings zod); the form starts this on first focus. */
  loadRules: () => Promise<Rules>;
  /** Checks what the reader typed, with the rules downloaded. */
  check: (rules: Rules) => CheckResult<Data>;
  send: (data: Data) => Promise<Result>;
  /** Runs when a send starts, before anything is checked. */
  onStart?: () => void;
  onSent: (result: Result, data: Data) => void;
  /** What the server said of this form when it was posted without the page's code (posted-form.ts). */
  initial?: { errors: FieldMessages; problem: string };
}

/**
 * The submit of a reader's form: check with the shared schema, show the errors beside their fields
 * with focus on the first, send, and say what went wrong when it fails. Whatever happens, the form
 * keeps what the reader typed.
 */
export function useFormSubmit<Field extends string, Rules extends FormRules, Data, Result>({
  fields,
  what,
  loadRules,
  check,
  send,
  onStart,
  onSent,
  initial,
}: FormSubmitOptions<Field, Rules, Data, Result>) {
  const formRef = useRef<HTMLFormElement>(null);
  const isField = (name: string): name is Field => (fields as readonly string[]).includes(name);
  /** Errors of the form's fields, to show beside them, and the others' messages, to show above the button. */
  const split = (byField: FieldMessages) => ({
    errors: Object.fromEntries(Object.entries(byField).filter(([name]) => isField(name))) as Partial<
      Record<Field, string>
    >,
    problem: Object.entries(byField)
      .filter(([name]) => !isField(name))
      .map(([, message]) => message)
      .join(' '),
  });

  const [errors, setErrors] = useState(() => split(initial?.errors ?? {}).errors);
  const [problem, setProblem] = useState(() =>
    [split(initial?.errors ?? {}).problem, initial?.problem].filter(Boolean).join(' '),
  );
  const [sending, setSending] = useState(false);

  /** The reader changed this field: its error goes until the next check. */
  const clearError = (field: Field) => setErrors((current) => ({ ...current, [field]: undefined }));

  const showErrors = (byField: FieldMessages) => {
    const shown = split(byField);
    flushSync(() => {
      setErrors(shown.errors);
      setProblem(shown.problem);
    });
    focusFirstInvalid(formRef.current);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setProblem('');
    onStart?.();
    let rules: Rules | undefined;
    try {
      rules = await loadRules();
      const checked = check(rules);
      if (checked.errors) {
        showErrors(checked.errors);
        return;
      }
      const result = await send(checked.data);
      setErrors({});
      onSent(result, checked.data);
    } catch (error) {
      const failure = sendFailure(error, what);
      if (failure.fieldErrors.length && rules) showErrors(rules.errorsByField(failure.fieldErrors));
      else setProblem(failure.message);
    } finally {
      setSending(false);
    }
  };

  return { formRef, errors, clearError, problem, sending, submit };
}

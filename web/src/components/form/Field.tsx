import { useId, type ChangeEventHandler, type ReactNode } from 'react';

/** What a field's input needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

interface FieldProps {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** The message shown beside the input (and read with it) when its value is not accepted. */
  error?: string;
  /** The input, select or textarea, given its id and ARIA attributes. */
  children: (control: ControlProps) => ReactNode;
}

function describedBy(...ids: Array<string | false | undefined>) {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A labelled form field with an optional hint and its error, linked to the input with aria-describedby. */
export function Field({ label, required = false, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy(hint ? hintId : undefined, error ? errorId : undefined),
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
      })}
    </div>
  );
}

/** A form's typed values, their errors and the change handler of each field. */
export interface FormFields<K extends string> {
  values: Record<K, string>;
  errors: Partial<Record<K, string>>;
  change: (field: K) => ChangeEventHandler<HTMLInputElement>;
}

interface InputFieldProps<K extends string> extends Omit<FieldProps, 'children' | 'error'> {
  of: FormFields<K>;
  name: K;
  type: 'text' | 'email' | 'tel';
  autoComplete: string;
}

/** A Field whose control is a one-line input bound to one of the form's values. */
export function InputField<K extends string>({ of, name, label, required, hint, ...input }: InputFieldProps<K>) {
  return (
    <Field label={label} required={required} hint={hint} error={of.errors[name]}>
      {(control) => <input {...control} {...input} name={name} value={of.values[name]} onChange={of.change(name)} />}
    </Field>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  required?: boolean;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name: string;
}

/** A checkbox with its label beside it (the label may hold a link) and its error above. */
export function CheckboxField({ label, required = false, error, checked, onChange, name }: CheckboxFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--checkbox field--invalid' : 'field field--checkbox'}>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div className="field__check">
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
        />
        <label htmlFor={id}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </label>
      </div>
    </div>
  );
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

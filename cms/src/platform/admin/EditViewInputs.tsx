/**
 * The content manager's edit-view inputs for dates and choices, for every content type and
 * component: Strapi's own pickers and inputs, with dates shown and typed day-month-year whatever the interface
 * language (see day-month-year.ts), and each choice of an enumeration by its name ("In progress")
 * while the value stored stays the same ("in-progress"). Registered by type with `app.addFields`,
 * which the edit view asks before its own inputs.
 */
import * as React from 'react';
import { DatePicker, DateTimePicker, Field } from '@strapi/design-system';
import { InputRenderer, useField, useFocusInputField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useDayMonthYearLocale } from './useDayMonthYearLocale';

/** What the edit view hands an input registered with `addFields` (Strapi leaves it untyped). */
interface EditViewInputProps {
  name: string;
  type: string;
  attribute?: { enum?: string[] };
  unique?: unknown;
  mainField?: unknown;
  [prop: string]: unknown;
}

// Strapi's renderer types each input kind apart; these props are what the edit view gives it.
const StrapiInput = InputRenderer as unknown as React.ComponentType<Record<string, unknown>>;

/** Props for Strapi's input: without the edit view's own, as Strapi's edit view drops them too. */
function inputProps({ unique: _unique, mainField: _mainField, ...props }: EditViewInputProps) {
  return props;
}

const MAX_DATE = new Date(2099, 11, 31); // as Strapi's own date inputs

/**
 * A `date` or `datetime` field as Strapi's own input draws it, but the picker's `locale` decides the
 * order it shows and reads, and it gets one Date per stored value. The picker puts the stored day back into
 * its text whenever it is handed a new Date, and Strapi's input makes one on every render: a day
 * being typed, or a field just emptied, was overwritten whenever the edit view re-rendered.
 */
function DayMonthYearInput({
  name,
  type,
  label,
  hint,
  labelAction,
  required,
  disabled,
  placeholder,
}: EditViewInputProps) {
  const { formatMessage } = useIntl();
  const field = useField<string | null>(name);
  const fieldRef = useFocusInputField<HTMLInputElement>(name);
  const locale = useDayMonthYearLocale();
  const value = React.useMemo(() => (field.value ? new Date(field.value) : undefined), [field.value]);
  const Picker = type === 'date' ? DatePicker : DateTimePicker;
  const onChange = (date: Date | undefined) =>
    field.onChange(name, date ? (type === 'date' ? calendarDay(date) : date.toISOString()) : null);
  return (
    <Field.Root error={field.error} name={name} hint={hint as React.ReactNode} required={Boolean(required)}>
      <Field.Label action={labelAction as React.ReactNode}>{label as React.ReactNode}</Field.Label>
      <Picker
        disabled={Boolean(disabled)}
        placeholder={placeholder as string | undefined}
        ref={fieldRef}
        clearLabel={formatMessage({ id: 'clearLabel', defaultMessage: 'Clear' })}
        onChange={onChange}
        onClear={() => field.onChange(name, null)}
        value={value}
        maxDate={MAX_DATE}
        locale={locale}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** The day picked, as a `date` field stores it (2026-10-05): the picker's midnight is local time. */
function calendarDay(date: Date): string {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())).toISOString().slice(0, 10);
}

/**
 * `valueLabels`: for an enumeration field's name, the name people read for each of its values;
 * a value without one is shown as it is stored.
 */
function readableChoicesInput(valueLabels: Record<string, Record<string, string>>) {
  return function ReadableChoicesInput(props: EditViewInputProps) {
    // In a component the name is a path (socialLinks.0.platform): the field's own name is last.
    const labels = valueLabels[props.name.split('.').pop()!] ?? {};
    const options = (props.attribute?.enum ?? []).map((value) => ({ value, label: labels[value] ?? value }));
    return <StrapiInput {...inputProps(props)} options={options} />;
  };
}

export function editViewInputs(valueLabels: Record<string, Record<string, string>>) {
  return [
    { type: 'date', Component: DayMonthYearInput },
    { type: 'datetime', Component: DayMonthYearInput },
    { type: 'enumeration', Component: readableChoicesInput(valueLabels) },
  ] as Array<{ type: string; Component: React.ComponentType }>;
}

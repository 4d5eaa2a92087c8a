/**
 * The content manager's edit-view inputs for dates and choices, for every content type and
 * component: Strapi's own inputs, with dates shown and typed day-month-year whatever the interface
 * language (see day-month-year.ts), and each choice of an enumeration by its name ("In progress")
 * while the value stored stays the same ("in-progress"). Registered by type with `app.addFields`,
 * which the edit view asks before its own inputs.
 */
import * as React from 'react';
import { InputRenderer } from '@strapi/strapi/admin';
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

/** A `date` or `datetime` field: the picker's `locale` decides the order it shows and reads. */
function DayMonthYearInput(props: EditViewInputProps) {
  return <StrapiInput {...inputProps(props)} locale={useDayMonthYearLocale()} />;
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

import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Locale } from '../../../src/shared/i18n/messages.ts';
import { fieldErrors } from '../api.ts';
import { cityToday } from './clock.ts';

/**
 * Puts API errors on the form fields they name; returns true when at least one field was marked
 * (callers still show the general message in an alert).
 */
export function markFieldErrors(form: FormInstance, error: unknown, locale: Locale, known: string[]): boolean {
  const errs = fieldErrors(error, locale);
  const fields = Object.entries(errs).filter(([name]) => known.includes(name)).map(([name, msg]) => ({ name, errors: [msg] }));
  form.setFields(fields);
  return fields.length > 0;
}

/** Today in the city (lib/clock.ts) as a date picker's value: the default of every "effective on" and "from" field. */
export const cityTodayPicked = (): Dayjs => dayjs(cityToday());

type Formattable = { format: (f: string) => string };
/** dayjs → YYYY-MM-DD (or undefined). */
export function isoDate(d: Formattable): string;
export function isoDate(d: Formattable | null | undefined): string | undefined;
export function isoDate(d: Formattable | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

/** Displays an ISO date as DD/MM/YYYY; a year on its own (a masked birth date) stays the year. */
export const showDate = (iso: string | null | undefined) => (!iso ? '' : iso.length === 4 ? iso : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);

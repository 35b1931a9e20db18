import { z } from 'zod';

/** The calendar dates the app stores: PostgreSQL takes far more, but nothing in this domain lies outside. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** True for a real calendar day written YYYY-MM-DD (no 2025-02-30, no 2025-13-01). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The one date schema of every route, the eligibility contract and the CLI: a real calendar day between
 * 1900 and 2100, else the issue rule `invalid_date` naming the field.
 */
export const ZCalendarDate = z
  .string()
  .refine((s) => isCalendarDate(s) && s >= MIN_DATE && s <= MAX_DATE, { message: 'invalid_date', params: { min: MIN_DATE, max: MAX_DATE } })
  .meta({ format: 'date', example: '2025-12-31' });

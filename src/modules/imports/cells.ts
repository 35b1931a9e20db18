import { nfc } from '../../shared/vietnamese.ts';

/** A raw cell value as exceljs's streaming reader gives it. */
export type RawCell = unknown;

const DAY_MS = 86_400_000;
// Excel's day 0 in the 1900 date system is 1899-12-30 (it counts the non-existent 29 Feb 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The text of a cell: rich text joined, formulas by their result, hyperlinks by their text, trimmed and NFC. */
export function cellText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return nfc(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return nfc(v.richText.map((r) => r.text).join('').trim());
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return nfc(v.text.trim());
  }
  return '';
}

const isoOf = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * A date cell as 'YYYY-MM-DD': a real Excel date (a serial number when styles are not read, or a Date),
 * or text DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY or YYYY-MM-DD. Null when empty, 'invalid' otherwise.
 * @example cellDate('05/03/1985') // '1985-03-05'
 */
export function cellDate(value: RawCell): string | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null && 'result' in value) return cellDate((value as { result: unknown }).result);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return 'invalid';
    return new Date(EXCEL_EPOCH + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  if (text === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1])) ?? 'invalid';
  return 'invalid';
}

/**
 * A CCCD cell: digits only. A number cell lost its leading zeros in Excel; every CCCD has
 * exactly 12 digits, so padding restores it.
 */
export function cellCccd(value: RawCell): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value).padStart(12, '0');
  return cellText(value).replace(/[\s.]/g, '');
}

/** 'YYYY-MM-DD' as Vietnamese users read dates (DD/MM/YYYY). */
export const viDate = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');


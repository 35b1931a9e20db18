/**
 * What the edge refuses before a route runs: strings with control characters (PostgreSQL cannot store NUL,
 * and no field of this app means to hold the others), Origin headers that are not this site, and database
 * errors that a route's own checks should have answered (mapped so they never reach the user as a 500).
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';

/**
 * Body fields that may hold tabs and line breaks (free text). Every other string is one line. A new free-text
 * field is declared here, once, by its name.
 */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['basis', 'note', 'notes', 'reason', 'description', 'content', 'comment', 'text']);

// C0 controls and DEL; tab, LF and CR are tested separately.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const MAX_DEPTH = 32;

/** The first string under `value` that holds a character its field does not allow, as a field issue. */
export function controlCharacterIssue(value: unknown, path: string[], allowFreeText: boolean, depth = 0): FieldIssue | null {
  if (typeof value === 'string') {
    const field = path.join('.') || 'body';
    if (CONTROL.test(value)) return { field, rule: 'control_characters' };
    // A lone surrogate (half of an emoji) has no UTF-8 form; the database would refuse it.
    if (!value.isWellFormed()) return { field, rule: 'malformed_text' };
    const key = path.at(-1) ?? '';
    if (LINE_BREAK_OR_TAB.test(value) && !(allowFreeText && MULTILINE_FIELDS.has(key))) return { field, rule: 'line_break' };
    return null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    // Keys are names too (a contract's free-form maps): the same rule.
    const keyIssue = controlCharacterIssue(key, [...path, key], false, depth + 1);
    if (keyIssue) return keyIssue;
    const issue = controlCharacterIssue(child, [...path, key], allowFreeText, depth + 1);
    if (issue) return issue;
  }
  return null;
}

/** @throws AppError VALIDATION_FAILED naming the first field with a character it does not allow. */
export function assertCleanInput(req: { params?: unknown; query?: unknown; body?: unknown }): void {
  const issue =
    controlCharacterIssue(req.params, ['params'], false) ??
    controlCharacterIssue(req.query, ['querystring'], false) ??
    controlCharacterIssue(req.body, [], true);
  if (issue) throw new AppError('VALIDATION_FAILED', { issues: [issue] });
}

/** The host of an Origin header, or null when it is not an http(s) URL ("null", garbage). */
export function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

interface DatabaseErrorLike {
  code?: unknown;
  detail?: unknown;
  severity?: unknown;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A database error a request caused and a route should have refused itself: a reference to a row that does not
 * exist (23503 on insert/update) → NOT_FOUND naming the field; a value PostgreSQL cannot take (class 22: NUL,
 * out-of-range numbers or dates, overlong text) → VALIDATION_FAILED. Null for anything else (a real fault).
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as DatabaseErrorLike;
  if (typeof e?.code !== 'string' || typeof e.severity !== 'string') return null;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  if (e.code === '23503' && detail.includes('is not present')) {
    const column = /Key \(([a-z_]+)\)/.exec(detail)?.[1];
    return new AppError('NOT_FOUND', column ? { field: camel(column) } : {});
  }
  if (e.code.startsWith('22')) return new AppError('VALIDATION_FAILED', { issues: [{ field: 'body', rule: 'invalid_value' }] });
  return null;
}

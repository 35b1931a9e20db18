import type { ErrorCode, FieldIssue } from '../../src/shared/errors.ts';
import { errorMessage, issueMessage, type Locale } from '../../src/shared/i18n/messages.ts';

/** An error answered by the API: its stable code and details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: ErrorCode, message: string, details: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  get issues(): FieldIssue[] {
    return Array.isArray(this.details.issues) ? (this.details.issues as FieldIssue[]) : [];
  }
}

let currentLocale: Locale = 'vi';
/** The locale sent as Accept-Language and used to render error messages. */
export const setApiLocale = (locale: Locale) => {
  currentLocale = locale;
};

/** Codes with which the server holds a session to a step it owes (server side: src/modules/auth/gate.ts). */
export type GateCode = 'PASSWORD_CHANGE_REQUIRED' | 'MFA_ENROLMENT_REQUIRED';
let gateListener: ((code: GateCode) => void) | null = null;
/** Called when any API answer says the session owes a step, so the app shows the form for it (lib/me.ts). */
export const onSessionGate = (listener: ((code: GateCode) => void) | null) => {
  gateListener = listener;
};

type Query = Record<string, string | number | boolean | undefined | null>;

/** Builds `path?query`, skipping empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Calls the JSON API with the session cookie.
 * @throws ApiError when the answer is not 2xx.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: { 'accept-language': currentLocale, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const err = (data as { error?: { code?: ErrorCode; message?: string; details?: Record<string, unknown> } } | null)?.error;
    const code = err?.code ?? 'INTERNAL';
    if (res.status === 403 && (code === 'PASSWORD_CHANGE_REQUIRED' || code === 'MFA_ENROLMENT_REQUIRED')) gateListener?.(code);
    throw new ApiError(res.status, code, err?.message ?? code, err?.details ?? {});
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

/** The message for any error, in the current locale (texts shared with the server). */
export function messageOf(error: unknown, locale: Locale = currentLocale): string {
  if (error instanceof ApiError) return errorMessage(error.code, error.details, locale);
  return errorMessage('INTERNAL', {}, locale);
}

/** Field name → message, for highlighting form fields named by validation issues. */
export function fieldErrors(error: unknown, locale: Locale = currentLocale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const parts = issue.field.split('.');
    const msg = issueMessage(issue, locale);
    out[parts[0] ?? issue.field] ??= msg;
    out[parts.at(-1) ?? issue.field] ??= msg;
  }
  // Codes that name one field without an issue list.
  const byCode: Partial<Record<ErrorCode, string>> = {
    DUPLICATE_NATIONAL_ID: 'nationalId', INVALID_NATIONAL_ID: 'nationalId', DUPLICATE_CODE: 'code', DUPLICATE_USERNAME: 'username',
    ORG_DATE_INVALID: 'effectiveOn', ORG_CYCLE: 'parentId', PASSWORD_TOO_WEAK: 'newPassword', PASSWORD_WRONG: 'currentPassword',
  };
  const named = typeof error.details.field === 'string' ? error.details.field : byCode[error.code];
  if (named && !out[named]) out[named] = errorMessage(error.code, error.details, locale);
  return out;
}

/** Starts a browser download of a file answered by the API (xlsx exports, templates). */
export function download(path: string, query?: Query): void {
  const a = document.createElement('a');
  a.href = `/api/v1${withQuery(path, query)}`;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Stable error codes of the API. The client translates them with `errorMessage`. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_URL: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_TOO_WEAK: 400,
  PASSWORD_WRONG: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  MFA_CODE_WRONG: 400,
  MFA_CHALLENGE_EXPIRED: 401,
  MFA_STATE: 409,
  FORBIDDEN: 403,
  ORIGIN_MISMATCH: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE_NATIONAL_ID: 409,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  INVALID_NATIONAL_ID: 400,
  PERSONAL_DATA_MASKED: 400,
  ORG_CYCLE: 400,
  ORG_DATE_INVALID: 400,
  ORG_NOT_ACTIVE: 400,
  ORG_MERGE_INVALID: 400,
  ORG_NOT_EMPTY: 400,
  EMPLOYMENT_OVERLAP: 400,
  IMPORT_INVALID: 422,
  IMPORT_FILE_UNREADABLE: 400,
  IMPORT_STATE: 409,
  BACKUP_UNAVAILABLE: 503,
  UNKNOWN_AWARD: 400,
  NO_RULE_SET: 400,
  // Decisions register and councils (issue 12, H4).
  AWARD_ALREADY_RECORDED: 409,
  DECISION_STATE: 409,
  DECISION_INVALID: 400,
  COUNCIL_STATE: 409,
  COUNCIL_INVALID: 400,
  COUNCIL_ALREADY_VOTED: 409,
  COUNCIL_NOT_MEMBER: 403,
  // Evaluations and registration (issue 12, H3).
  EVALUATION_STATE: 409,
  EVALUATION_EXISTS: 409,
  EVALUATION_NO_SCHEME: 400,
  EVALUATION_CAP_EXCEEDED: 409,
  REGISTRATION_STATE: 409,
  // Working-day calendar (issue 12, H1).
  CALENDAR_DAY_EXISTS: 409,
  CALENDAR_DAY_KIND_MISMATCH: 400,
  RATE_LIMITED: 429,
  // Movements (issue 14, H6).
  MOVEMENT_INVALID: 400,
  MOVEMENT_WEIGHTS: 400,
  MOVEMENT_FIGURE_OUT_OF_RANGE: 400,
  MOVEMENT_STATE: 409,
  // Annual review (issue 12, H5).
  REVIEW_EXISTS: 409,
  REVIEW_STATE: 409,
  REVIEW_INVALID: 400,
  // Dossiers (issue 12): the workflow refuses a step, a guard is not met, a nominee is pending elsewhere, a part is no PDF.
  DOSSIER_ACTION_NOT_ALLOWED: 409,
  DOSSIER_ACTION_FORBIDDEN: 403,
  DOSSIER_GUARD_FAILED: 422,
  DOSSIER_DUPLICATE_NOMINEE: 409,
  DOSSIER_NOT_EDITABLE: 409,
  DOSSIER_PART_NOT_PDF: 400,
  // Certificates (issue 13, H2): a printer offset that pushes a field off the sheet, a text that fits in no size.
  CERTIFICATE_FIELD_OFF_SHEET: 400,
  CERTIFICATE_TEXT_TOO_LONG: 422,
  CERTIFICATE_BLANK_UNKNOWN: 400,
  CERTIFICATE_CALIBRATION_EXISTS: 409,
  // Revocation of awards (issue 13, H3; Law Art 93).
  AWARD_ALREADY_REVOKED: 409,
  // Emulation clusters and blocks (issue 14, H7).
  CLUSTER_SCORE_ABOVE_MAX: 400,
  CLUSTER_OWN_UNIT: 403,
  CLUSTER_RECUSED: 403,
  CLUSTER_STATE: 409,
  CLUSTER_REASON_REQUIRED: 400,
  CLUSTER_NOT_MEMBER: 400,
  REVOCATION_STATE: 409,
  REVOCATION_INVALID: 400,
  // Signed copies of decisions (issue 13, H4): what failed in the verification of an uploaded signed PDF.
  SIGNATURE_NOT_PDF: 400,
  SIGNATURE_MISSING: 422,
  SIGNATURE_BYTE_RANGE: 422,
  SIGNATURE_DIGEST_MISMATCH: 422,
  SIGNATURE_INVALID: 422,
  SIGNATURE_UNTRUSTED: 422,
  SIGNATURE_CERT_EXPIRED: 422,
  SIGNATURE_DECISION_NOT_ISSUED: 409,
  SIGNATURE_ROOT_INVALID: 400,
  // Documents in the Decree 30/2020 format (issue 13, H1).
  DOCUMENT_INCOMPLETE: 422,
  DOCUMENT_ISSUED: 409,
  DOCUMENT_CONTENT_INVALID: 400,
  // Reward money (issue 13, H5): a decision's money exceeds what is left of its authority's fund for the year.
  FUND_EXCEEDED: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of the app; mapped to HTTP in one place (server/app.ts). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** One problem with one field (or one cell of an import). */
export interface FieldIssue {
  /** JSON path of the field, e.g. "nationalId" or "employments.0.fromDate". */
  field: string;
  /** Row of the spreadsheet (1-based, as Excel shows it), for imports. */
  row?: number;
  /** Column header as in the template, for imports. */
  column?: string;
  /** Stable rule code, e.g. "required", "cccd_province", "too_long". */
  rule: string;
  /** Rule parameters (limits, expected values). */
  params?: Record<string, unknown>;
}

/**
 * Masks of personal data (Decree 13/2023/NĐ-CP: shown only where the task needs it). Lists, pages and
 * exports show the CCCD with its province code and last three digits, and the birth year only; the full
 * values are an audited read (GET /people/:id/personal-data). Shared by the server and the web app.
 */

const MASK = '*';

/**
 * The CCCD with the middle digits hidden: the first 3 (province code) and the last 3 stay, so people
 * with the same name can still be told apart.
 * @example maskNationalId('001085012960') // '001******960'
 */
export function maskNationalId(nationalId: string): string {
  if (nationalId.length <= 6) return MASK.repeat(nationalId.length);
  return `${nationalId.slice(0, 3)}${MASK.repeat(nationalId.length - 6)}${nationalId.slice(-3)}`;
}

/**
 * A birth date (YYYY-MM-DD) as its year only, still a string (ISO 8601 allows a year on its own).
 * @example maskBirthDate('1975-04-30') // '1975'
 */
export function maskBirthDate(birthDate: string | null): string | null {
  return birthDate === null ? null : birthDate.slice(0, 4);
}

/** True for a value shown masked (it holds the mask character), which must never be stored as a CCCD. */
export function isMaskedNationalId(value: string): boolean {
  return value.includes(MASK);
}

const MASKERS: Record<string, (v: string) => string | null> = { nationalId: maskNationalId, birthDate: maskBirthDate };

/**
 * Masks every `nationalId` and `birthDate` string anywhere in a JSON value (audit entries' before/after),
 * leaving everything else as it is.
 */
export function maskPersonalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && MASKERS[k] ? MASKERS[k](v) : maskPersonalFields(v)]));
}

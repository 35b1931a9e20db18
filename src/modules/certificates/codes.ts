import { randomInt } from 'node:crypto';

// Codes printed on a certificate: no 0/O, no 1/I/L, so that a code read off paper is typed right.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** The code the QR encodes: 20 letters ≈ 99 bits, far beyond guessing even without the rate limit. */
export const CODE_LENGTH = 20;
/** The code printed for typing: 10 letters ≈ 49 bits, guessed only through the rate-limited verification. */
export const SHORT_CODE_LENGTH = 10;

/** Uniformly random letters of the alphabet from the system's CSPRNG (`randomInt` rejects modulo bias). */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 1) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK" (as printed). */
export const formatShortCode = (c: string) => `${c.slice(0, 5)}-${c.slice(5)}`;

/**
 * What a visitor typed or the QR carried, as stored: upper case, spaces, dashes and dots dropped. A letter outside
 * the alphabet (0, O, 1, I, L) belongs to no code, so such input is unknown at once, without a query.
 * @returns the normalised code and which kind it is by its length, or null when it cannot be one
 */
export function normaliseCode(raw: string): { kind: 'code' | 'short'; value: string } | null {
  const v = raw.toUpperCase().replace(/[\s\-.]/g, '');
  if (!/^[2-9A-HJKMNP-Z]+$/.test(v)) return null;
  if (v.length === CODE_LENGTH) return { kind: 'code', value: v };
  if (v.length === SHORT_CODE_LENGTH) return { kind: 'short', value: v };
  return null;
}

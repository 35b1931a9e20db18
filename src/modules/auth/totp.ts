import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Queryable } from '../../server/db.ts';
import { sha256 } from './sessions.ts';

// RFC 6238 defaults that every authenticator app reads: SHA-1, 6 digits, 30 seconds.
const PERIOD = 30;
const ISSUER = 'vinhdanh';

const totpOf = (secret: string, label = 'user') => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A new 160-bit TOTP secret in base32 (what authenticator apps take when typed in). */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** What the enrolment page shows: the otpauth:// URL and its QR code as an SVG data URL (the CSP allows img data:). */
export async function enrolmentDisplay(secret: string, username: string): Promise<{ secret: string; otpauthUrl: string; qrSvgDataUrl: string }> {
  const otpauthUrl = totpOf(secret, username).toString();
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * The time step of a 6-digit code that is valid now (±1 step for clock drift), or null.
 * @example totpStep(secret, '123456') // 59_123_456 or null
 */
export function totpStep(secret: string, code: string): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, window: 1 });
  return delta === null ? null : Math.floor(Date.now() / 1000 / PERIOD) + delta;
}

/**
 * Accepts a code of the user's enrolled secret once: the step must be later than the last one accepted
 * (RFC 6238 §5.2), recorded in the same statement so two requests cannot both use it.
 */
export async function acceptTotp(q: Queryable, userId: number, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code);
  if (step === null) return false;
  const rows = await q.query('update app_user set mfa_last_step = $2 where id = $1 and (mfa_last_step is null or mfa_last_step < $2) returning id', [userId, step]);
  return rows.length > 0;
}

// Recovery codes: 80 random bits as 16 base32 characters, shown as xxxx-xxxx-xxxx-xxxx. With that much entropy a
// SHA-256 cannot be reversed by guessing, so it is stored plain (argon2 would cost ~20 MiB and 10 hashes per try).
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const RECOVERY_CODE_COUNT = 10;

/** Normalises a typed recovery code (case, spaces, dashes) to what was hashed. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** Ten new recovery codes as shown once to the user, and their hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = Array.from(bytes, (b) => BASE32[b & 31]).join('');
    return chars.match(/.{4}/g)?.join('-') ?? chars;
  });
  return { codes, hashes: codes.map((c) => sha256(normaliseRecoveryCode(c))) };
}

/** Replaces the user's recovery codes with new ones; returns the codes to show once. */
export async function replaceRecoveryCodes(q: Queryable, userId: number): Promise<string[]> {
  const { codes, hashes } = newRecoveryCodes();
  await q.query('delete from user_recovery_code where user_id = $1', [userId]);
  await q.query('insert into user_recovery_code (user_id, code_hash) select $1, unnest($2::text[])', [userId, hashes]);
  return codes;
}

/** Uses one unused recovery code of the user (marking it used); false when none matches. */
export async function useRecoveryCode(q: Queryable, userId: number, code: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (!/^[a-z2-7]{16}$/.test(normalised)) return false;
  const rows = await q.query(
    'update user_recovery_code set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning id',
    [userId, sha256(normalised)],
  );
  return rows.length > 0;
}

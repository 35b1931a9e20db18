import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { forgetDevices } from './devices.ts';
import { type LockoutPolicy, assertNotLocked, failInSession } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import { acceptTotp, enrolmentDisplay, newTotpSecret, replaceRecoveryCodes, totpStep, useRecoveryCode } from './totp.ts';

export interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** Required of this account (MFA_REQUIRED and an administering or board role). */
  required: boolean;
  recoveryCodesLeft: number;
}

type MfaRow = { username: string; password_hash: string; mfa_secret: string | null; mfa_pending_secret: string | null; mfa_enabled_at: string | null };

async function loadMfa(q: Queryable, userId: number): Promise<MfaRow> {
  const [row] = await q.query<MfaRow>('select username, password_hash, mfa_secret, mfa_pending_secret, mfa_enabled_at from app_user where id = $1', [userId]);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The second-factor state of one's own account. */
export async function mfaStatus(q: Queryable, userId: number, required: boolean): Promise<MfaStatus> {
  const row = await loadMfa(q, userId);
  const [codes] = await q.query<{ n: number }>('select count(*)::int as n from user_recovery_code where user_id = $1 and used_at is null', [userId]);
  return { enabled: !!row.mfa_enabled_at, enabledAt: row.mfa_enabled_at, required, recoveryCodesLeft: codes.n };
}

/**
 * Starts enrolment: a new secret, kept pending until confirmed, shown as a QR code and as text.
 * @throws AppError MFA_STATE when a second factor is already enrolled
 */
export async function startEnrolment(db: Db, actor: Actor, userId: number) {
  const secret = newTotpSecret();
  const username = await db.tx(async (q) => {
    const row = await loadMfa(q, userId);
    if (row.mfa_enabled_at) throw new AppError('MFA_STATE', { state: 'enabled' });
    await q.query('update app_user set mfa_pending_secret = $2 where id = $1', [userId, secret]);
    // The secret itself never goes into the log.
    await audit(q, actor, [{ action: 'user.mfa_enrol_start', entity: 'app_user', entityId: userId, before: null, after: { pending: true } }]);
    return row.username;
  });
  return enrolmentDisplay(secret, username);
}

/**
 * Confirms enrolment with a code of the pending secret; returns ten recovery codes, shown this once.
 * @throws AppError MFA_STATE | MFA_CODE_WRONG
 */
export async function confirmEnrolment(db: Db, actor: Actor, userId: number, code: string): Promise<{ recoveryCodes: string[] }> {
  return db.tx(async (q) => {
    const row = await loadMfa(q, userId);
    if (row.mfa_enabled_at) throw new AppError('MFA_STATE', { state: 'enabled' });
    if (!row.mfa_pending_secret) throw new AppError('MFA_STATE', { state: 'not_started' });
    const step = totpStep(row.mfa_pending_secret, code);
    // Not counted towards the lockout: the code proves only that the app holds the secret this session was just shown.
    if (step === null) throw new AppError('MFA_CODE_WRONG', { field: 'code' });
    await q.query(
      'update app_user set mfa_secret = mfa_pending_secret, mfa_pending_secret = null, mfa_enabled_at = now(), mfa_last_step = $2 where id = $1',
      [userId, step],
    );
    const recoveryCodes = await replaceRecoveryCodes(q, userId);
    await forgetDevices(q, userId);
    await audit(q, actor, [{ action: 'user.mfa_enable', entity: 'app_user', entityId: userId, before: { mfaEnabled: false }, after: { mfaEnabled: true, recoveryCodes: recoveryCodes.length } }]);
    return { recoveryCodes };
  });
}

/** Checks a TOTP code or a recovery code of one's own enrolled factor (a recovery code used here is spent). */
async function proveSecondFactor(q: Queryable, userId: number, secret: string, factor: { code?: string; recoveryCode?: string }): Promise<boolean> {
  if (factor.code) return acceptTotp(q, userId, secret, factor.code);
  if (factor.recoveryCode) return useRecoveryCode(q, userId, factor.recoveryCode);
  return false;
}

/**
 * Turns one's own second factor off: needs the current password and a code (or a recovery code). Wrong ones count
 * towards the lockout; recovery codes and remembered devices go.
 * @throws AppError MFA_STATE | PASSWORD_WRONG | MFA_CODE_WRONG | ACCOUNT_LOCKED
 */
export async function disableOwnMfa(db: Db, policy: LockoutPolicy, actor: Actor, userId: number, input: { currentPassword: string; code?: string; recoveryCode?: string }, ip?: string): Promise<void> {
  const row = await loadMfa(db, userId);
  if (!row.mfa_enabled_at || !row.mfa_secret) throw new AppError('MFA_STATE', { state: 'not_enabled' });
  await assertNotLocked(db, userId);
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await failInSession(db, userId, policy, { ip, reason: 'mfa_disable_password' }, 'PASSWORD_WRONG', 'currentPassword');
  }
  const secret = row.mfa_secret;
  const ok = await db.tx(async (q) => {
    if (!(await proveSecondFactor(q, userId, secret, input))) return false;
    await clearMfa(q, userId);
    await audit(q, actor, [{ action: 'user.mfa_disable', entity: 'app_user', entityId: userId, before: { mfaEnabled: true }, after: { mfaEnabled: false } }]);
    return true;
  });
  if (!ok) await failInSession(db, userId, policy, { ip, reason: 'mfa_disable_code' }, 'MFA_CODE_WRONG', input.code ? 'code' : 'recoveryCode');
}

/**
 * New recovery codes (the old ones stop working), after a code of the authenticator app.
 * @throws AppError MFA_STATE | MFA_CODE_WRONG | ACCOUNT_LOCKED
 */
export async function regenerateRecoveryCodes(db: Db, policy: LockoutPolicy, actor: Actor, userId: number, code: string, ip?: string): Promise<{ recoveryCodes: string[] }> {
  const row = await loadMfa(db, userId);
  if (!row.mfa_enabled_at || !row.mfa_secret) throw new AppError('MFA_STATE', { state: 'not_enabled' });
  await assertNotLocked(db, userId);
  const secret = row.mfa_secret;
  const codes = await db.tx(async (q) => {
    if (!(await acceptTotp(q, userId, secret, code))) return null;
    const recoveryCodes = await replaceRecoveryCodes(q, userId);
    await audit(q, actor, [{ action: 'user.mfa_recovery_regenerate', entity: 'app_user', entityId: userId, before: null, after: { recoveryCodes: recoveryCodes.length } }]);
    return recoveryCodes;
  });
  if (!codes) return failInSession(db, userId, policy, { ip, reason: 'mfa_recovery_regenerate' }, 'MFA_CODE_WRONG', 'code');
  return { recoveryCodes: codes };
}

/** Removes a second factor entirely: secret, pending secret, recovery codes, remembered devices, pending challenges. */
export async function clearMfa(q: Queryable, userId: number): Promise<void> {
  await q.query('update app_user set mfa_secret = null, mfa_pending_secret = null, mfa_enabled_at = null, mfa_last_step = null where id = $1', [userId]);
  await q.query('delete from user_recovery_code where user_id = $1', [userId]);
  await q.query('delete from mfa_challenge where user_id = $1', [userId]);
  await forgetDevices(q, userId);
}

import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { audit } from '../audit/audit.ts';
import { deleteChallenge, rememberDevice } from './devices.ts';
import { lockedMinutes, recordFailure } from './lockout.ts';
import { type LoginMeta, type LoginPolicy, startSession } from './login.ts';
import { sha256 } from './sessions.ts';
import { acceptTotp, useRecoveryCode } from './totp.ts';

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
  rememberDevice?: boolean;
}

export interface MfaPolicy extends LoginPolicy {
  mfaRememberDays: number;
}

/**
 * Completes a sign-in whose password was accepted: a TOTP code (once) or an unused recovery code (audited).
 * A wrong code counts towards the account's lockout like a wrong password.
 * @returns the session token, and a remembered-device token when asked for (and allowed by MFA_REMEMBER_DAYS)
 * @throws AppError MFA_CHALLENGE_EXPIRED | MFA_CODE_WRONG | ACCOUNT_LOCKED | ACCOUNT_DISABLED
 */
export async function completeMfaLogin(db: Db, policy: MfaPolicy, challenge: string | undefined, factor: SecondFactor, meta: LoginMeta): Promise<{ token: string; deviceToken: string | null }> {
  if (!challenge) throw new AppError('MFA_CHALLENGE_EXPIRED');
  const [row] = await db.query<{ user_id: number; username: string; mfa_secret: string | null; disabled: boolean }>(
    `select c.user_id, u.username, u.mfa_secret, u.disabled from mfa_challenge c join app_user u on u.id = c.user_id
      where c.token_hash = $1 and c.expires_at > now()`,
    [sha256(challenge)],
  );
  // The password was right (that is how the challenge came to be): saying "locked" or "disabled" reveals nothing new.
  const minutes = row ? await lockedMinutes(db, row.user_id) : null;
  if (!row || minutes || row.disabled || !row.mfa_secret) {
    await deleteChallenge(db, challenge);
    if (!row || !row.mfa_secret) throw new AppError('MFA_CHALLENGE_EXPIRED');
    throw minutes ? new AppError('ACCOUNT_LOCKED', { minutes }) : new AppError('ACCOUNT_DISABLED');
  }
  const userId = Number(row.user_id);
  const secret = row.mfa_secret;
  const outcome = await db.tx(async (q) => {
    const viaRecovery = !factor.code && !!factor.recoveryCode;
    const ok = factor.code ? await acceptTotp(q, userId, secret, factor.code) : factor.recoveryCode ? await useRecoveryCode(q, userId, factor.recoveryCode) : false;
    if (!ok) {
      const locked = await recordFailure(q, userId, policy, { ip: meta.ip, reason: viaRecovery ? 'recovery_code' : 'mfa_code' });
      if (locked) await deleteChallenge(q, challenge);
      return { ok: false as const, locked };
    }
    if (viaRecovery) {
      const [left] = await q.query<{ n: number }>('select count(*)::int as n from user_recovery_code where user_id = $1 and used_at is null', [userId]);
      await audit(q, { id: userId, name: row.username }, [{ action: 'user.mfa_recovery_used', entity: 'app_user', entityId: userId, before: null, after: { recoveryCodesLeft: left.n, ip: meta.ip ?? null } }]);
    }
    await deleteChallenge(q, challenge);
    const token = await startSession(q, userId, policy, meta);
    const deviceToken = factor.rememberDevice && policy.mfaRememberDays > 0 ? await rememberDevice(q, userId, policy.mfaRememberDays, meta.userAgent) : null;
    return { ok: true as const, token, deviceToken };
  });
  if (!outcome.ok) {
    if (outcome.locked) throw new AppError('ACCOUNT_LOCKED', { minutes: policy.lockoutMinutes });
    throw new AppError('MFA_CODE_WRONG', { field: factor.code ? 'code' : 'recoveryCode' });
  }
  return { token: outcome.token, deviceToken: outcome.deviceToken };
}

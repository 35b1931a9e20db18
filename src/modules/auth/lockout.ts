import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { audit } from '../audit/audit.ts';
import { deleteUserSessions } from './sessions.ts';

export interface LockoutPolicy {
  lockoutAttempts: number;
  lockoutMinutes: number;
}

/**
 * Counts one failed proof of identity (a wrong password at sign-in or on a password change, a wrong second-factor
 * code) towards the account's lockout; at the threshold the account locks for `lockoutMinutes` (audited
 * 'user.locked'). `endSessions` also ends the account's sessions when it locks: a failure made from inside a
 * session (password change, turning MFA off) means whoever holds that session is guessing.
 * @returns whether the account is locked now
 */
export async function recordFailure(q: Queryable, userId: number, policy: LockoutPolicy, meta: { ip?: string; reason: string; endSessions?: boolean }): Promise<boolean> {
  const [row] = await q.query<{ failed_attempts: number }>(
    // After an expired lock the count starts again, so one more mistake does not lock at once.
    `update app_user set failed_attempts = case when locked_until <= now() then 1 else failed_attempts + 1 end,
            locked_until = case when (case when locked_until <= now() then 1 else failed_attempts + 1 end) >= $2
                                then now() + make_interval(mins => $3) else locked_until end
      where id = $1 and not coalesce(locked_until > now(), false) returning failed_attempts`,
    [userId, policy.lockoutAttempts, policy.lockoutMinutes],
  );
  // No row: already locked (a failure during a lock neither extends it nor is audited again).
  if (!row) return true;
  if (row.failed_attempts < policy.lockoutAttempts) return false;
  if (meta.endSessions) await deleteUserSessions(q, userId);
  await audit(q, { id: null, name: 'system' }, [{ action: 'user.locked', entity: 'app_user', entityId: userId, before: null, after: { failedAttempts: row.failed_attempts, reason: meta.reason, ip: meta.ip ?? null } }]);
  return true;
}

/** Minutes until the account's lock ends, or null when it is not locked. */
export async function lockedMinutes(q: Queryable, userId: number): Promise<number | null> {
  const [row] = await q.query<{ minutes: number | null }>(
    'select case when locked_until > now() then ceil(extract(epoch from locked_until - now()) / 60)::int end as minutes from app_user where id = $1',
    [userId],
  );
  return row?.minutes ?? null;
}

/** Clears the failure count after a complete, successful proof of identity. */
export async function clearFailures(q: Queryable, userId: number): Promise<void> {
  await q.query('update app_user set failed_attempts = 0, locked_until = null where id = $1', [userId]);
}

/**
 * A wrong password or code given from inside a session (password change, MFA off, new recovery codes): counts it,
 * ends the account's sessions when that locks it, and throws.
 * @throws AppError ACCOUNT_LOCKED when this failure locked the account, else `code` naming `field`
 */
export async function failInSession(db: Db, userId: number, policy: LockoutPolicy, meta: { ip?: string; reason: string }, code: 'PASSWORD_WRONG' | 'MFA_CODE_WRONG', field: string): Promise<never> {
  const locked = await db.tx((q) => recordFailure(q, userId, policy, { ...meta, endSessions: true }));
  if (locked) throw new AppError('ACCOUNT_LOCKED', { minutes: policy.lockoutMinutes });
  throw new AppError(code, { field });
}

/** @throws AppError ACCOUNT_LOCKED while the account is locked (its lock is not to be side-stepped from a session). */
export async function assertNotLocked(q: Queryable, userId: number): Promise<void> {
  const minutes = await lockedMinutes(q, userId);
  if (minutes) throw new AppError('ACCOUNT_LOCKED', { minutes });
}

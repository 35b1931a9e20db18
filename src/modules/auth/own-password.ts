import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { forgetDevices } from './devices.ts';
import { type LockoutPolicy, assertNotLocked, failInSession } from './lockout.ts';
import { PASSWORD_MIN_LENGTH, assertStrongPassword } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.ts';

/**
 * Changes one's own password after checking the current one; other sessions and remembered devices end.
 * A wrong current password counts towards the account's lockout (whoever holds a session must not guess it
 * without limit); at the threshold the account locks and every session of it ends.
 * @throws AppError PASSWORD_WRONG | PASSWORD_TOO_WEAK | ACCOUNT_LOCKED
 */
export async function changeOwnPassword(
  db: Db, policy: LockoutPolicy, actor: Actor, user: { id: number; username: string; displayName: string },
  currentToken: string, current: string, next: string, ip?: string,
): Promise<void> {
  await assertNotLocked(db, user.id);
  const [row] = await db.query<{ password_hash: string }>('select password_hash from app_user where id = $1', [user.id]);
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(row.password_hash, current))) {
    await failInSession(db, user.id, policy, { ip, reason: 'password_change' }, 'PASSWORD_WRONG', 'currentPassword');
  }
  // The current password was just verified: comparing the texts is the reuse check.
  if (next === current) throw new AppError('PASSWORD_TOO_WEAK', { field: 'newPassword', reason: 'reused', min: PASSWORD_MIN_LENGTH });
  await assertStrongPassword(next, { username: user.username, displayName: user.displayName, field: 'newPassword' });
  const hash = await hashPassword(next);
  await db.tx(async (q) => {
    await q.query('update app_user set password_hash = $2, must_change_password = false, failed_attempts = 0, version = version + 1 where id = $1', [user.id, hash]);
    await deleteUserSessions(q, user.id, currentToken);
    await forgetDevices(q, user.id);
    await audit(q, actor, [{ action: 'user.change_password', entity: 'app_user', entityId: user.id, before: null, after: { passwordChanged: true } }]);
  });
}

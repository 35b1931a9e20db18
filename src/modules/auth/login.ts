import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

// Verified against when the username is unknown, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export interface LoginPolicy {
  lockoutAttempts: number;
  lockoutMinutes: number;
  sessionHours: number;
}

/**
 * Checks credentials, counts failures and locks the account after too many; returns a session token.
 * @throws AppError LOGIN_FAILED | ACCOUNT_LOCKED | ACCOUNT_DISABLED
 */
export async function login(db: Db, policy: LoginPolicy, username: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; userId: number }> {
  const [user] = await db.query<{ id: number; username: string; password_hash: string; disabled: boolean; locked_minutes: number | null }>(
    `select id, username, password_hash, disabled,
            case when locked_until > now() then ceil(extract(epoch from locked_until - now()) / 60)::int end as locked_minutes
       from app_user where lower(username) = lower($1)`,
    [username],
  );
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, password);
    throw new AppError('LOGIN_FAILED');
  }
  if (user.locked_minutes) throw new AppError('ACCOUNT_LOCKED', { minutes: user.locked_minutes });
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok) {
    await db.tx(async (q) => {
      const [row] = await q.query<{ failed_attempts: number }>(
        // After an expired lock the count starts again, so one more mistake does not lock at once.
        `update app_user set failed_attempts = case when locked_until <= now() then 1 else failed_attempts + 1 end,
                locked_until = case when (case when locked_until <= now() then 1 else failed_attempts + 1 end) >= $2
                                    then now() + make_interval(mins => $3) else locked_until end
          where id = $1 returning failed_attempts`,
        [user.id, policy.lockoutAttempts, policy.lockoutMinutes],
      );
      if (row.failed_attempts >= policy.lockoutAttempts) {
        await audit(q, { id: null, name: 'system' }, [{ action: 'user.locked', entity: 'app_user', entityId: user.id, before: null, after: { failedAttempts: row.failed_attempts, ip: meta.ip ?? null } }]);
      }
    });
    throw new AppError('LOGIN_FAILED');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  return db.tx(async (q) => {
    await q.query('update app_user set failed_attempts = 0, locked_until = null, last_login_at = now() where id = $1', [user.id]);
    const token = await createSession(q, user.id, policy.sessionHours, meta);
    return { token, userId: user.id };
  });
}

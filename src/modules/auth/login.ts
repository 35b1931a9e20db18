import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { createChallenge, isRememberedDevice } from './devices.ts';
import { type LockoutPolicy, clearFailures, recordFailure } from './lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

// Verified against when the username is unknown, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export interface LoginPolicy extends LockoutPolicy {
  sessionHours: number;
}

export interface LoginMeta {
  ip?: string;
  userAgent?: string;
  /** The remembered-device cookie, if the browser sent one. */
  deviceToken?: string;
}

/** A session, or (second factor enrolled, browser not remembered) a challenge to complete with a code. */
export type LoginResult = { kind: 'session'; token: string; userId: number } | { kind: 'challenge'; challenge: string; userId: number };

/** Ends a sign-in successfully: failures cleared, last sign-in noted, session started. */
export async function startSession(q: Queryable, userId: number, policy: LoginPolicy, meta: LoginMeta): Promise<string> {
  await clearFailures(q, userId);
  await q.query('update app_user set last_login_at = now() where id = $1', [userId]);
  return createSession(q, userId, policy.sessionHours, meta);
}

/**
 * Checks the password, counts failures and locks the account after too many. A locked account says so only to
 * whoever gives its right password (otherwise 401 like an unknown name, so names cannot be enumerated).
 * @throws AppError LOGIN_FAILED | ACCOUNT_LOCKED | ACCOUNT_DISABLED
 */
export async function login(db: Db, policy: LoginPolicy, username: string, password: string, meta: LoginMeta): Promise<LoginResult> {
  const [user] = await db.query<{ id: number; password_hash: string; disabled: boolean; locked_minutes: number | null; mfa_enabled: boolean }>(
    `select id, password_hash, disabled, mfa_enabled_at is not null as mfa_enabled,
            case when locked_until > now() then ceil(extract(epoch from locked_until - now()) / 60)::int end as locked_minutes
       from app_user where lower(username) = lower($1)`,
    [username],
  );
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, password);
    throw new AppError('LOGIN_FAILED');
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (user.locked_minutes) throw ok ? new AppError('ACCOUNT_LOCKED', { minutes: user.locked_minutes }) : new AppError('LOGIN_FAILED');
  if (!ok) {
    await db.tx((q) => recordFailure(q, user.id, policy, { ip: meta.ip, reason: 'password' }));
    throw new AppError('LOGIN_FAILED');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  return db.tx(async (q) => {
    // The failure count stays until the second factor passes too: a right password must not reset the
    // count of wrong codes (else whoever knows it could guess codes without end).
    if (user.mfa_enabled && !(await isRememberedDevice(q, user.id, meta.deviceToken))) {
      return { kind: 'challenge', challenge: await createChallenge(q, user.id), userId: user.id };
    }
    return { kind: 'session', token: await startSession(q, user.id, policy, meta), userId: user.id };
  });
}

import type { Queryable } from '../../server/db.ts';
import { newToken, sha256 } from './sessions.ts';

/** The cookie of a remembered device (HttpOnly, sent to the sign-in routes only). */
export const DEVICE_COOKIE = 'vd_device';
/** The cookie of a pending second-factor challenge (HttpOnly, sent to the sign-in routes only). */
export const CHALLENGE_COOKIE = 'vd_mfa';
/** How long the second step of a sign-in may wait after the password. */
export const CHALLENGE_MINUTES = 5;

/** Remembers this browser for the user for `days`; returns the token for the cookie (only its hash is stored). */
export async function rememberDevice(q: Queryable, userId: number, days: number, userAgent?: string): Promise<string> {
  const token = newToken();
  await q.query('delete from mfa_trusted_device where expires_at <= now()');
  await q.query(
    'insert into mfa_trusted_device (token_hash, user_id, expires_at, user_agent) values ($1, $2, now() + make_interval(days => $3), $4)',
    [sha256(token), userId, days, userAgent?.slice(0, 300) ?? null],
  );
  return token;
}

/** Whether the token is a live remembered device of this user. */
export async function isRememberedDevice(q: Queryable, userId: number, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const rows = await q.query('select 1 from mfa_trusted_device where token_hash = $1 and user_id = $2 and expires_at > now()', [sha256(token), userId]);
  return rows.length > 0;
}

/** Forgets every remembered device of the user (password reset or change, MFA turned off or reset). */
export async function forgetDevices(q: Queryable, userId: number): Promise<void> {
  await q.query('delete from mfa_trusted_device where user_id = $1', [userId]);
}

/** Starts the second step of a sign-in; returns the token for the challenge cookie. */
export async function createChallenge(q: Queryable, userId: number): Promise<string> {
  const token = newToken();
  // One pending challenge per user; expired ones of anyone are swept on the way.
  await q.query('delete from mfa_challenge where user_id = $1 or expires_at <= now()', [userId]);
  await q.query('insert into mfa_challenge (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(mins => $3))', [sha256(token), userId, CHALLENGE_MINUTES]);
  return token;
}

/** Ends a challenge (used, failed for good, or superseded). */
export async function deleteChallenge(q: Queryable, token: string): Promise<void> {
  await q.query('delete from mfa_challenge where token_hash = $1', [sha256(token)]);
}

/** The user of a live challenge, or null. */
export async function challengeUser(q: Queryable, token: string | undefined): Promise<number | null> {
  if (!token) return null;
  const [row] = await q.query<{ user_id: number }>('select user_id from mfa_challenge where token_hash = $1 and expires_at > now()', [sha256(token)]);
  return row ? Number(row.user_id) : null;
}

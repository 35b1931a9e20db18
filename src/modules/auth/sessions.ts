import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../server/db.ts';
import type { AuthUser, Role } from './roles.ts';

export const SESSION_COOKIE = 'vd_session';

/** The stored form of a random token (sessions, sign-in challenges, remembered devices, recovery codes). */
export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh random token of 256 bits. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(q: Queryable, userId: number, hours: number, meta: { ip?: string; userAgent?: string }): Promise<string> {
  const token = newToken();
  await q.query(
    `insert into user_session (token_hash, user_id, expires_at, ip, user_agent)
     values ($1, $2, now() + make_interval(hours => $3), $4, $5)`,
    [sha256(token), userId, hours, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  return token;
}

/** Ends a session. */
export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('delete from user_session where token_hash = $1', [sha256(token)]);
}

/** Ends every session of a user (after a password change or when disabled). */
export async function deleteUserSessions(q: Queryable, userId: number, exceptToken?: string): Promise<void> {
  await q.query('delete from user_session where user_id = $1 and token_hash <> $2', [userId, exceptToken ? sha256(exceptToken) : '']);
}

/** Loads the user of a live session and slides its expiry; null when absent, expired or disabled. */
export async function resolveSession(q: Queryable, token: string, hours: number): Promise<AuthUser | null> {
  const rows = await q.query<{
    id: number; username: string; display_name: string; locale: 'vi' | 'en'; must_change_password: boolean; mfa_enabled: boolean;
    roles: { role: Role; orgUnitId: number }[] | null; expires_at: string; slide: boolean;
  }>(
    `select u.id, u.username, u.display_name, u.locale, u.must_change_password, u.mfa_enabled_at is not null as mfa_enabled, s.expires_at,
            s.last_seen_at < now() - interval '1 minute' as slide,
            (select json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id) order by r.id)
               from user_role r where r.user_id = u.id) as roles
       from user_session s join app_user u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) return null;
  // Slide the expiry at most once a minute, so reads stay reads (and most requests make one round trip here, not two).
  if (row.slide) await q.query(
    `update user_session set last_seen_at = now(), expires_at = now() + make_interval(hours => $2)
      where token_hash = $1 and last_seen_at < now() - interval '1 minute'`,
    [sha256(token), hours],
  );
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    mustChangePassword: row.must_change_password,
    mfaEnabled: row.mfa_enabled,
    roles: (row.roles ?? []).map((r) => ({ role: r.role, orgUnitId: Number(r.orgUnitId) })),
  };
}

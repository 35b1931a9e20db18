import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { forgetDevices } from './devices.ts';
import { clearMfa } from './mfa.ts';
import { assertStrongPassword } from './password-policy.ts';
import { orgTree } from './org-tree.ts';
import { hashPassword } from './passwords.ts';
import type { Role, RoleAssignment } from './roles.ts';
import { type Scope, inScope } from './scope.ts';
import { deleteUserSessions } from './sessions.ts';
import { administrableUserCondition } from './user-scope.ts';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  /** For notifications by e-mail (null: in-app only). */
  email: string | null;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  locale: 'vi' | 'en';
  version: number;
  lastLoginAt: string | null;
  /** The unit's latest name (null only for a unit without any version, which org never leaves). */
  roles: (RoleAssignment & { orgUnitName: string | null })[];
}

const USER_SELECT = `
  select u.id, u.username, u.display_name, u.email, u.disabled, u.must_change_password, u.locale, u.version, u.last_login_at,
         coalesce(u.locked_until > now(), false) as locked, u.mfa_enabled_at is not null as mfa_enabled,
         coalesce((select json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id) order by r.id)
                   from user_role r where r.user_id = u.id), '[]') as roles
    from app_user u`;

type UserRow = {
  id: number; username: string; display_name: string; email: string | null; disabled: boolean; must_change_password: boolean; locale: 'vi' | 'en'; version: number;
  last_login_at: string | null; locked: boolean; mfa_enabled: boolean; roles: RoleAssignment[];
};

/** The accounts as views, with the latest name of each role's unit (from org, one query for all the rows). */
async function toViews(q: Queryable, rows: UserRow[]): Promise<UserView[]> {
  const names = await orgTree().latestNames(q, [...new Set(rows.flatMap((r) => r.roles.map((x) => Number(x.orgUnitId))))]);
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, email: r.email, disabled: r.disabled, locked: r.locked, mustChangePassword: r.must_change_password,
    mfaEnabled: r.mfa_enabled, locale: r.locale, version: r.version, lastLoginAt: r.last_login_at,
    roles: r.roles.map((x) => ({ role: x.role, orgUnitId: Number(x.orgUnitId), orgUnitName: names.get(Number(x.orgUnitId)) ?? null })),
  }));
}

/** One account by id, whoever asks (one's own account, and after a write that the scope already allowed). */
export async function findUserView(q: Queryable, id: number): Promise<UserView | null> {
  const [view] = await toViews(q, await q.query<UserRow>(`${USER_SELECT} where u.id = $1`, [id]));
  return view ?? null;
}

/** Usernames of accounts by id, for lists that show who changed something (one query). */
export async function usernamesOf(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; username: string }>('select id, username from app_user where id = any($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.username]));
}

/**
 * One account the scope administers (every role inside it, see user-scope.ts).
 * @throws AppError NOT_FOUND when absent or out of reach
 */
export async function loadAdministrableUser(q: Queryable, scope: Scope, id: number): Promise<UserView> {
  const params: unknown[] = [id];
  const [view] = await toViews(q, await q.query<UserRow>(`${USER_SELECT} where u.id = $1 and ${administrableUserCondition(scope, 'u', params)}`, params));
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

/** The accounts the scope administers: every role inside it (an admin of a subtree sees its own users only). */
export async function listUsers(q: Queryable, scope: Scope): Promise<UserView[]> {
  const params: unknown[] = [];
  return toViews(q, await q.query<UserRow>(`${USER_SELECT} where ${administrableUserCondition(scope, 'u', params)} order by lower(u.username)`, params));
}

const snapshot = (u: UserView | null) => u && { username: u.username, displayName: u.displayName, email: u.email, disabled: u.disabled, mfaEnabled: u.mfaEnabled, roles: u.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })), version: u.version };

/** Roles given must lie in the scope, and only an administrator of everything may leave an account without roles. */
function assertRolesInScope(scope: Scope, roles: { role: Role; orgUnitId: number }[]): void {
  const outside = roles.find((r) => !inScope(scope, r.orgUnitId));
  if (outside) throw new AppError('FORBIDDEN', { field: 'roles', orgUnitId: outside.orgUnitId });
  if (!scope.all && roles.length === 0) throw new AppError('FORBIDDEN', { field: 'roles', reason: 'roles_required' });
}

async function setRoles(q: Queryable, userId: number, roles: { role: Role; orgUnitId: number }[]): Promise<void> {
  await q.query('delete from user_role where user_id = $1', [userId]);
  for (const r of roles) {
    await q.query('insert into user_role (user_id, role, org_unit_id) values ($1, $2, $3) on conflict do nothing', [userId, r.role, r.orgUnitId]);
  }
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: { role: Role; orgUnitId: number }[];
  mustChangePassword?: boolean;
  email?: string | null;
}

/**
 * Creates an account with roles inside the actor's scope.
 * @throws AppError DUPLICATE_USERNAME | PASSWORD_TOO_WEAK | FORBIDDEN
 */
export async function createUser(db: Db, actor: Actor, scope: Scope, input: CreateUserInput): Promise<UserView> {
  assertRolesInScope(scope, input.roles);
  await assertStrongPassword(input.password, { username: input.username, displayName: input.displayName, field: 'password' });
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (q) => {
    const taken = await q.query('select 1 from app_user where lower(username) = lower($1)', [input.username]);
    if (taken.length) throw new AppError('DUPLICATE_USERNAME', { field: 'username', username: input.username });
    const [row] = await q.query<{ id: number }>(
      'insert into app_user (username, display_name, password_hash, must_change_password, email) values ($1, $2, $3, $4, $5) returning id',
      [input.username, input.displayName, passwordHash, input.mustChangePassword ?? true, input.email ?? null],
    );
    await setRoles(q, row.id, input.roles);
    const user = await findUserView(q, row.id);
    await audit(q, actor, [{ action: 'user.create', entity: 'app_user', entityId: row.id, orgUnitId: input.roles[0]?.orgUnitId ?? null, before: null, after: snapshot(user) }]);
    return user as UserView;
  });
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  /** null removes the address. */
  email?: string | null;
  disabled?: boolean;
  unlock?: boolean;
  roles?: { role: Role; orgUnitId: number }[];
  resetPassword?: string;
  /** Removes the account's second factor (lost phone): it signs in with the password and enrols again. */
  resetMfa?: boolean;
}

/**
 * Changes an account's name, roles, disabled flag, lock, password (reset forces a change at next sign-in) or
 * second factor — only for an account the scope administers (every role inside it).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | FORBIDDEN | PASSWORD_TOO_WEAK
 */
export async function updateUser(db: Db, actor: Actor, scope: Scope, id: number, input: UpdateUserInput): Promise<UserView> {
  let newHash: string | null = null;
  if (input.resetPassword !== undefined) {
    // Read in scope first: the strength check names the account and compares with its current password.
    const target = await loadAdministrableUser(db, scope, id);
    const [{ password_hash: currentHash }] = await db.query<{ password_hash: string }>('select password_hash from app_user where id = $1', [id]);
    await assertStrongPassword(input.resetPassword, { username: target.username, displayName: input.displayName ?? target.displayName, currentHash, field: 'resetPassword' });
    newHash = await hashPassword(input.resetPassword);
  }
  return db.tx(async (q) => {
    const before = await loadAdministrableUser(q, scope, id);
    const [locked] = await q.query<{ version: number }>('select version from app_user where id = $1 for update', [id]);
    await assertVersion(q, 'app_user', id, locked?.version, input.version);
    if (input.roles) assertRolesInScope(scope, input.roles);
    if (actor.id === id && (input.disabled || (input.roles && !input.roles.some((r) => r.role === 'system_admin') && before.roles.some((r) => r.role === 'system_admin')))) {
      throw new AppError('FORBIDDEN', { field: 'roles', reason: 'self_lockout' });
    }
    // One's own second factor goes off only with the password and a code (POST /auth/mfa/disable).
    if (actor.id === id && input.resetMfa) throw new AppError('FORBIDDEN', { field: 'resetMfa', reason: 'own_mfa' });
    await q.query(
      `update app_user set display_name = coalesce($2, display_name), disabled = coalesce($3, disabled),
              failed_attempts = case when $4 then 0 else failed_attempts end, locked_until = case when $4 then null else locked_until end,
              password_hash = coalesce($5, password_hash), must_change_password = case when $5 is null then must_change_password else true end,
              email = case when $6 then $7 else email end, version = version + 1 where id = $1`,
      [id, input.displayName ?? null, input.disabled ?? null, input.unlock ?? false, newHash, input.email !== undefined, input.email ?? null],
    );
    if (input.roles) await setRoles(q, id, input.roles);
    if (newHash) await forgetDevices(q, id);
    if (input.resetMfa) await clearMfa(q, id);
    if (input.disabled || newHash || input.resetMfa) await deleteUserSessions(q, id);
    const after = await findUserView(q, id);
    await audit(q, actor, auditEntries(input, newHash !== null).map((action) => ({ action, entity: 'app_user', entityId: id, orgUnitId: after?.roles[0]?.orgUnitId ?? null, before: snapshot(before), after: snapshot(after) })));
    return after as UserView;
  });
}

/** One audit action per kind of change: a password reset and an MFA reset stand out in the log. */
function auditEntries(input: UpdateUserInput, passwordReset: boolean): string[] {
  const actions: string[] = [];
  if (passwordReset) actions.push('user.reset_password');
  if (input.resetMfa) actions.push('user.mfa_reset');
  const other = input.displayName !== undefined || input.email !== undefined || input.disabled !== undefined || input.unlock || input.roles !== undefined;
  if (other || actions.length === 0) actions.push('user.update');
  return actions;
}

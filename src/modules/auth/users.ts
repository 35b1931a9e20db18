import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { expectVersion } from '../audit/changes.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';
import type { Role, RoleAssignment } from './roles.ts';
import { type Scope, inScope } from './scope.ts';
import { deleteUserSessions } from './sessions.ts';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  locale: 'vi' | 'en';
  version: number;
  lastLoginAt: string | null;
  roles: (RoleAssignment & { orgUnitName: string })[];
}

const USER_SELECT = `
  select u.id, u.username, u.display_name, u.disabled, u.must_change_password, u.locale, u.version, u.last_login_at,
         coalesce(u.locked_until > now(), false) as locked,
         coalesce((select json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id,
                    'orgUnitName', (select v.name from org_unit_version v where v.unit_id = r.org_unit_id order by v.valid_from desc limit 1)) order by r.id)
                   from user_role r where r.user_id = u.id), '[]') as roles
    from app_user u`;

type UserRow = { id: number; username: string; display_name: string; disabled: boolean; must_change_password: boolean; locale: 'vi' | 'en'; version: number; last_login_at: string | null; locked: boolean; roles: (RoleAssignment & { orgUnitName: string })[] };

const toView = (r: UserRow): UserView => ({
  id: r.id, username: r.username, displayName: r.display_name, disabled: r.disabled, locked: r.locked, mustChangePassword: r.must_change_password,
  locale: r.locale, version: r.version, lastLoginAt: r.last_login_at, roles: r.roles.map((x) => ({ ...x, orgUnitId: Number(x.orgUnitId) })),
});

export async function findUserView(q: Queryable, id: number): Promise<UserView | null> {
  const rows = await q.query<UserRow>(`${USER_SELECT} where u.id = $1`, [id]);
  return rows[0] ? toView(rows[0]) : null;
}

/** Users with at least one role inside the scope (an admin of a subtree sees its users only). */
export async function listUsers(q: Queryable, scope: Scope): Promise<UserView[]> {
  const rows = await q.query<UserRow>(`${USER_SELECT} order by lower(u.username)`);
  return rows.map(toView).filter((u) => scope.all || u.roles.length === 0 || u.roles.some((r) => inScope(scope, r.orgUnitId)));
}

const snapshot = (u: UserView | null) => u && { username: u.username, displayName: u.displayName, disabled: u.disabled, roles: u.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })), version: u.version };

function assertRolesInScope(scope: Scope, roles: { role: Role; orgUnitId: number }[]): void {
  const outside = roles.find((r) => !inScope(scope, r.orgUnitId));
  if (outside) throw new AppError('FORBIDDEN', { field: 'roles', orgUnitId: outside.orgUnitId });
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
}

/**
 * Creates an account with roles inside the actor's scope.
 * @throws AppError DUPLICATE_USERNAME | PASSWORD_TOO_WEAK | FORBIDDEN
 */
export async function createUser(db: Db, actor: Actor, scope: Scope, input: CreateUserInput): Promise<UserView> {
  assertStrongPassword(input.password);
  assertRolesInScope(scope, input.roles);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (q) => {
    const taken = await q.query('select 1 from app_user where lower(username) = lower($1)', [input.username]);
    if (taken.length) throw new AppError('DUPLICATE_USERNAME', { field: 'username', username: input.username });
    const [row] = await q.query<{ id: number }>(
      'insert into app_user (username, display_name, password_hash, must_change_password) values ($1, $2, $3, $4) returning id',
      [input.username, input.displayName, passwordHash, input.mustChangePassword ?? true],
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
  disabled?: boolean;
  unlock?: boolean;
  roles?: { role: Role; orgUnitId: number }[];
  resetPassword?: string;
}

/**
 * Changes an account's name, roles, disabled flag, lock, or password (reset forces a change at next sign-in).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | FORBIDDEN | PASSWORD_TOO_WEAK
 */
export async function updateUser(db: Db, actor: Actor, scope: Scope, id: number, input: UpdateUserInput): Promise<UserView> {
  if (input.resetPassword !== undefined) assertStrongPassword(input.resetPassword);
  const newHash = input.resetPassword !== undefined ? await hashPassword(input.resetPassword) : null;
  return db.tx(async (q) => {
    const before = await findUserView(q, id);
    if (!before || !(scope.all || before.roles.some((r) => inScope(scope, r.orgUnitId)))) throw new AppError('NOT_FOUND');
    await expectVersion(q, 'app_user', 'app_user', id, input.version);
    if (input.roles) assertRolesInScope(scope, input.roles);
    if (actor.id === id && (input.disabled || (input.roles && !input.roles.some((r) => r.role === 'system_admin') && before.roles.some((r) => r.role === 'system_admin')))) {
      throw new AppError('FORBIDDEN', { field: 'roles', reason: 'self_lockout' });
    }
    await q.query(
      `update app_user set display_name = coalesce($2, display_name), disabled = coalesce($3, disabled),
              failed_attempts = case when $4 then 0 else failed_attempts end, locked_until = case when $4 then null else locked_until end,
              password_hash = coalesce($5, password_hash), must_change_password = case when $5 is null then must_change_password else true end,
              version = version + 1 where id = $1`,
      [id, input.displayName ?? null, input.disabled ?? null, input.unlock ?? false, newHash],
    );
    if (input.roles) await setRoles(q, id, input.roles);
    if (input.disabled || newHash) await deleteUserSessions(q, id);
    const after = await findUserView(q, id);
    await audit(q, actor, [{ action: newHash ? 'user.reset_password' : 'user.update', entity: 'app_user', entityId: id, orgUnitId: after?.roles[0]?.orgUnitId ?? null, before: snapshot(before), after: snapshot(after) }]);
    return after as UserView;
  });
}

/**
 * Changes one's own password after checking the current one; other sessions end.
 * @throws AppError PASSWORD_WRONG | PASSWORD_TOO_WEAK
 */
export async function changeOwnPassword(db: Db, actor: Actor, userId: number, currentToken: string, current: string, next: string): Promise<void> {
  const [row] = await db.query<{ password_hash: string }>('select password_hash from app_user where id = $1', [userId]);
  if (!row || !(await verifyPassword(row.password_hash, current))) throw new AppError('PASSWORD_WRONG', { field: 'currentPassword' });
  assertStrongPassword(next);
  const hash = await hashPassword(next);
  await db.tx(async (q) => {
    await q.query('update app_user set password_hash = $2, must_change_password = false, version = version + 1 where id = $1', [userId, hash]);
    await deleteUserSessions(q, userId, currentToken);
    await audit(q, actor, [{ action: 'user.change_password', entity: 'app_user', entityId: userId, before: null, after: { passwordChanged: true } }]);
  });
}

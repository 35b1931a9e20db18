import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { TEST_PASSWORD, makeUser, makeWorld } from '../../../tests/support/factories.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_LOCKOUT_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' });
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const loginAs = (username: string, password: string) => call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `vd_session=${res.cookies.find((c) => c.name === 'vd_session')?.value}`;

describe('sign-in', () => {
  it('signs in with the right password: HttpOnly SameSite cookie, and /me shows roles and permissions', async () => {
    const res = await loginAs(w.officerA.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = (await call(ctx.app, cookieOf(res), { method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.roles).toEqual([{ role: 'unit_officer', orgUnitId: w.a, orgUnitName: 'Phường Ánh Dương' }]);
    expect(me.permissions).toEqual(expect.arrayContaining(['people.write', 'import.run']));
    expect(me.permissions).not.toContain('users.manage');
  });

  it('stores only a hash of the session token', async () => {
    const res = await loginAs(w.viewerA.username, TEST_PASSWORD);
    const token = res.cookies.find((c) => c.name === 'vd_session')?.value;
    const rows = await ctx.db.query('select 1 from user_session where token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('a wrong password gives the same error as an unknown user', async () => {
    const wrong = await loginAs(w.viewerA.username, 'sai-mat-khau-1');
    const unknown = await loginAs('khong-ton-tai', 'sai-mat-khau-1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('locks the account after repeated failures, even for the right password, and audits the lock', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    for (let i = 0; i < 3; i++) expect((await loginAs(user.username, 'sai-mat-khau-1')).statusCode).toBe(401);
    const locked = await loginAs(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toMatch(/tạm khóa/);
    const audit = await ctx.db.query("select 1 from audit_log where action = 'user.locked' and entity_id = $1", [String(user.id)]);
    expect(audit).toHaveLength(1);
  });

  it('logout ends the session', async () => {
    const res = await loginAs(w.viewerA.username, TEST_PASSWORD);
    const cookie = cookieOf(res);
    await call(ctx.app, cookie, { method: 'POST', url: '/api/v1/auth/logout' });
    expect((await call(ctx.app, cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a disabled account cannot use its session any more', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    await ctx.db.query('update app_user set disabled = true where id = $1', [user.id]);
    expect((await call(ctx.app, user.cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('checks the current password and the strength of the new one; other sessions end', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const other = cookieOf(await loginAs(user.username, TEST_PASSWORD));
    const wrong = await call(ctx.app, user.cookie, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'nope', newPassword: 'MatKhauMoi2027' } });
    expect(wrong.json().error.code).toBe('PASSWORD_WRONG');
    const weak = await call(ctx.app, user.cookie, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const ok = await call(ctx.app, user.cookie, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2027' } });
    expect(ok.statusCode).toBe(200);
    expect((await call(ctx.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await call(ctx.app, user.cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await loginAs(user.username, 'MatKhauMoi2027')).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('an admin creates a user bound to a unit; the new user must change the password', async () => {
    const res = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/users', payload: { username: `cb${Date.now()}`, displayName: 'Cán bộ Mới', password: 'KhoiTao2026x', roles: [{ role: 'unit_officer', orgUnitId: w.b }] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mustChangePassword: true, roles: [{ role: 'unit_officer', orgUnitId: w.b }] });
    const login = await loginAs(res.json().username, 'KhoiTao2026x');
    expect(login.json().mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username (case-insensitive) and a weak password', async () => {
    const roles = [{ role: 'viewer', orgUnitId: w.a }];
    const dup = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/users', payload: { username: w.viewerA.username.toUpperCase(), displayName: 'X', password: 'KhoiTao2026x', roles } });
    expect(dup.statusCode).toBe(409);
    const weak = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/users', payload: { username: `weak${Date.now()}`, displayName: 'X', password: '123', roles } });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
  });

  it('only system admins manage users', async () => {
    for (const user of [w.board, w.officerA, w.viewerA]) {
      expect((await call(ctx.app, user.cookie, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    }
  });

  it('disabling a user is audited with before/after and ends their sessions; a stale version is refused', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const res = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: 1, disabled: true } });
    expect(res.json().disabled).toBe(true);
    expect((await call(ctx.app, user.cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const stale = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: 1, disabled: false } });
    expect(stale.statusCode).toBe(409);
    const [row] = await ctx.db.query<{ before: { disabled: boolean }; after: { disabled: boolean }; actor_id: number }>("select before, after, actor_id from audit_log where entity = 'app_user' and entity_id = $1 and action = 'user.update'", [String(user.id)]);
    expect(row).toMatchObject({ before: { disabled: false }, after: { disabled: true }, actor_id: w.admin.id });
  });

  it('an admin cannot lock themselves out', async () => {
    const version = (await ctx.db.query<{ version: number }>('select version from app_user where id = $1', [w.admin.id]))[0].version;
    const res = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${w.admin.id}`, payload: { version, disabled: true } });
    expect(res.statusCode).toBe(403);
  });
});

describe('audit browsing and service endpoints', () => {
  it('board staff browse the audit log; entries outside the reader scope are hidden', async () => {
    const all = (await call(ctx.app, w.board.cookie, { method: 'GET', url: '/api/v1/audit?entity=person&limit=500' })).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items[0]).toHaveProperty('hash');
    expect((await call(ctx.app, w.officerA.cookie, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });

  it('health reports the database kind, version and migration state', async () => {
    const res = await call(ctx.app, null, { method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: ctx.db.kind, migrations: { pending: 0 } });
    expect(res.json().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const doc = (await call(ctx.app, null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/org/tree', '/api/v1/org/merges', '/api/v1/auth/login']));
  });

  it('unknown API paths are 404 with the error body', async () => {
    const res = await call(ctx.app, null, { method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('cookies behind an HTTPS reverse proxy', () => {
  it('marks the session cookie Secure when a trusted proxy says the request was HTTPS', async () => {
    const proxied = await createTestContext({ TRUST_PROXY: '1' });
    try {
      const user = await makeUser(proxied.db, [{ role: 'viewer', orgUnitId: (await makeWorld(proxied.db)).a }]);
      const res = await call(proxied.app, null, { method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: user.username, password: TEST_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'vd_session')?.secure).toBe(true);
      const plain = await call(proxied.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
      expect(plain.cookies.find((c) => c.name === 'vd_session')?.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-Proto from an untrusted client', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const res = await call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: user.username, password: TEST_PASSWORD } });
    expect(res.cookies.find((c) => c.name === 'vd_session')?.secure).toBeFalsy();
  });
});

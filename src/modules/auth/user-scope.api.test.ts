import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { TEST_PASSWORD, makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { readXlsx } from '../imports/test-helpers.ts';

// Account takeover across scopes: an administrator bound to a ward must not administer an account that also holds a
// role above or beside the ward (every role of the account must lie in the administrator's scope).
let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
let wardAdmin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
  wardAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.a }]);
});
afterAll(() => ctx.close());

// Entries by this file's ward admin: other files share the PostgreSQL test database and write too.
const auditCount = async () => (await ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log where actor_id = $1', [wardAdmin.id]))[0].n;
const versionOf = async (id: number) => (await ctx.db.query<{ version: number }>('select version from app_user where id = $1', [id]))[0].version;
const patchUser = (cookie: string, id: number, body: object) => call(ctx.app, cookie, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: body });
const login = (username: string, password: string) => call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('administering an account needs every one of its roles in scope', () => {
  it('a ward admin cannot reset, re-role, disable, unlock or reset the MFA of a city admin who also holds a ward role: 404, nothing written', async () => {
    const cityAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.top }, { role: 'viewer', orgUnitId: w.a }]);
    const version = await versionOf(cityAdmin.id);
    const before = await auditCount();
    const attempts = [
      { version, resetPassword: 'Chiem-Quyen-Thanh-Pho-2026' },
      { version, disabled: true },
      { version, unlock: true },
      { version, roles: [{ role: 'viewer', orgUnitId: w.a }] },
      { version, displayName: 'Đã bị chiếm' },
      { version, resetMfa: true },
    ];
    for (const body of attempts) {
      const res = await patchUser(wardAdmin.cookie, cityAdmin.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(await auditCount()).toBe(before);
    expect(await versionOf(cityAdmin.id)).toBe(version);
    expect((await login(cityAdmin.username, 'Chiem-Quyen-Thanh-Pho-2026')).statusCode).toBe(401);
    expect((await login(cityAdmin.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an out-of-reach account exactly like an id that does not exist', async () => {
    const cityAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.top }, { role: 'unit_officer', orgUnitId: w.a1 }]);
    const reach = await patchUser(wardAdmin.cookie, cityAdmin.id, { version: 1, disabled: true });
    const missing = await patchUser(wardAdmin.cookie, 987_654_321, { version: 1, disabled: true });
    expect(reach.statusCode).toBe(404);
    expect(reach.json()).toEqual(missing.json());
  });

  it('the ward admin still administers an account whose roles are all in the ward', async () => {
    const wardUser = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: w.a }, { role: 'viewer', orgUnitId: w.a1 }]);
    const res = await patchUser(wardAdmin.cookie, wardUser.id, { version: await versionOf(wardUser.id), disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
  });

  it('the list and the export leave out mixed-scope and roleless accounts; the city admin sees the mixed ones', async () => {
    const cityAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.top }, { role: 'viewer', orgUnitId: w.a }]);
    const roleless = await makeUser(ctx.db, []);
    const wardUser = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a1 }]);
    const names = async (cookie: string) => ((await call(ctx.app, cookie, { method: 'GET', url: '/api/v1/users' })).json().items as { username: string }[]).map((u) => u.username);
    const seenByWard = await names(wardAdmin.cookie);
    expect(seenByWard).toContain(wardUser.username);
    expect(seenByWard).not.toContain(cityAdmin.username);
    expect(seenByWard).not.toContain(roleless.username);
    expect(seenByWard).not.toContain(w.admin.username);

    const exported = await readXlsx((await call(ctx.app, wardAdmin.cookie, { method: 'GET', url: '/api/v1/exports/users' })).rawPayload);
    const exportedNames = exported.rows.map((r) => r[0]);
    expect(exportedNames).toContain(wardUser.username);
    expect(exportedNames).not.toContain(cityAdmin.username);
    expect(exportedNames).not.toContain(roleless.username);

    // The top unit's admin: mixed accounts are theirs (both roles in scope).
    expect(await names(w.admin.cookie)).toEqual(expect.arrayContaining([cityAdmin.username, wardUser.username]));
  });

  it('a ward admin may neither grant a role outside the ward nor leave an account without roles', async () => {
    const wardUser = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const up = await patchUser(wardAdmin.cookie, wardUser.id, { version: await versionOf(wardUser.id), roles: [{ role: 'system_admin', orgUnitId: w.top }] });
    expect(up.statusCode).toBe(403);
    const none = await patchUser(wardAdmin.cookie, wardUser.id, { version: await versionOf(wardUser.id), roles: [] });
    expect(none.statusCode).toBe(403);
    const created = await call(ctx.app, wardAdmin.cookie, { method: 'POST', url: '/api/v1/users', payload: { username: `vaitro${Date.now()}`, displayName: 'Không vai trò', password: 'Song-Hong-Chay-Qua-2026', roles: [] } });
    expect(created.statusCode).toBe(403);
  });
});

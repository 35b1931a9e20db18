import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { TEST_PASSWORD, makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { cookieFrom, enrol, postJson } from './test-helpers.ts';

// The server, not the web app, holds an account to the step it owes: a password change, or (MFA_REQUIRED) a second factor.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({ MFA_REQUIRED: '1' });
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
const mustChange = (id: number) => ctx.db.query('update app_user set must_change_password = true where id = $1', [id]);

describe('must change the password', () => {
  it('answers 403 PASSWORD_CHANGE_REQUIRED everywhere but me, logout, locale and the password change itself', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    await mustChange(user.id);
    const people = await get(user.cookie, '/api/v1/people?q=an');
    expect(people.statusCode).toBe(403);
    expect(people.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get(user.cookie, `/api/v1/people/${w.personA.id}`)).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get(user.cookie, '/api/v1/org/tree')).statusCode).toBe(403);
    expect((await postJson(ctx, user.cookie, '/api/v1/auth/mfa/enrolment')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const meRes = await get(user.cookie, '/api/v1/auth/me');
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json().mustChangePassword).toBe(true);
    expect((await call(ctx.app, user.cookie, { method: 'PUT', url: '/api/v1/auth/locale', payload: { locale: 'en' } })).statusCode).toBe(200);
    // A public page (a certificate's verification) answers as it does to anyone: here "unknown code", not the gate.
    const verify = await get(user.cookie, '/api/v1/public/verify/ABCDEFGHJK');
    expect(verify.statusCode, verify.body).toBe(200);

    const changed = await postJson(ctx, user.cookie, '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Ho-Guom-Mua-Thu-2026' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await get(user.cookie, '/api/v1/people?q=an')).statusCode).toBe(200);
  });

  it('holds a session from a real sign-in after an admin reset the password', async () => {
    const admin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.top }]);
    await enrol(ctx, admin.cookie);
    const user = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: w.a }]);
    const reset = await call(ctx.app, admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: 1, resetPassword: 'Tam-Thoi-Phai-Doi-2026' } });
    expect(reset.statusCode, reset.body).toBe(200);
    const login = await postJson(ctx, null, '/api/v1/auth/login', { username: user.username, password: 'Tam-Thoi-Phai-Doi-2026' });
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = cookieFrom(login, 'vd_session');
    const write = await postJson(ctx, cookie, '/api/v1/people', { nationalId: '001085000001', fullName: 'Không Được Ghi', gender: 'male', birthDate: '1985-05-05' });
    expect(write.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await postJson(ctx, cookie, '/api/v1/auth/logout')).statusCode).toBe(200);
  });
});

describe('second factor required (MFA_REQUIRED) and not enrolled', () => {
  it('a board specialist signs in with the password, may only enrol, then works', async () => {
    const board = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: w.top }]);
    const login = await postJson(ctx, null, '/api/v1/auth/login', { username: board.username, password: TEST_PASSWORD });
    expect(login.json()).toMatchObject({ mfaEnabled: false, mfaEnrolmentRequired: true });
    const cookie = cookieFrom(login, 'vd_session');
    const people = await get(cookie, '/api/v1/people?q=an');
    expect(people.statusCode).toBe(403);
    expect(people.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect((await get(cookie, '/api/v1/nope')).statusCode).toBe(403);
    expect((await get(cookie, '/api/v1/auth/mfa')).json()).toMatchObject({ enabled: false, required: true });

    await enrol(ctx, cookie);
    expect((await get(cookie, '/api/v1/people?q=an')).statusCode).toBe(200);
    expect((await get(cookie, '/api/v1/auth/me')).json()).toMatchObject({ mfaEnabled: true, mfaEnrolmentRequired: false });
    expect((await postJson(ctx, null, '/api/v1/auth/login', { username: board.username, password: TEST_PASSWORD })).json()).toMatchObject({ mfaRequired: true });
  });

  it('system admins and board leaders are held too; other roles are not', async () => {
    for (const role of ['system_admin', 'board_leader'] as const) {
      const user = await makeUser(ctx.db, [{ role, orgUnitId: w.a }]);
      expect((await get(user.cookie, '/api/v1/org/tree')).json().error?.code, role).toBe('MFA_ENROLMENT_REQUIRED');
    }
    for (const role of ['council_member', 'unit_officer', 'unit_leader', 'viewer'] as const) {
      const user = await makeUser(ctx.db, [{ role, orgUnitId: w.a }]);
      expect((await get(user.cookie, '/api/v1/org/tree')).statusCode, role).toBe(200);
    }
  });

  it('a forced password change comes before enrolment', async () => {
    const admin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.a }]);
    await mustChange(admin.id);
    expect((await postJson(ctx, admin.cookie, '/api/v1/auth/mfa/enrolment')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await postJson(ctx, admin.cookie, '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Cau-Long-Bien-Sang-2026' })).statusCode).toBe(200);
    expect((await get(admin.cookie, '/api/v1/org/tree')).json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect((await postJson(ctx, admin.cookie, '/api/v1/auth/mfa/enrolment')).statusCode).toBe(200);
  });
});

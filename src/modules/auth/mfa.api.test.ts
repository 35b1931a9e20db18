import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { TEST_PASSWORD, makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { codeAt, cookieFrom, cookies, enrol, postJson } from './test-helpers.ts';

// Voluntary enrolment (MFA_REQUIRED off, as in the embedded demo); the required case is in gate.api.test.ts.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_LOCKOUT_ATTEMPTS: '3', MFA_REMEMBER_DAYS: '30' });
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const login = (username: string, password = TEST_PASSWORD, cookie: string | null = null) => postJson(ctx, cookie, '/api/v1/auth/login', { username, password });
const secondStep = (challenge: string, body: object) => postJson(ctx, challenge, '/api/v1/auth/login/mfa', body);
const me = (cookie: string) => call(ctx.app, cookie, { method: 'GET', url: '/api/v1/auth/me' });
const auditActions = async (userId: number) =>
  (await ctx.db.query<{ action: string }>("select action from audit_log where entity = 'app_user' and entity_id = $1 order by id", [String(userId)])).map((r) => r.action);

describe('enrolment', () => {
  it('shows a secret and a QR code, enables the factor on a right code, gives ten single-use recovery codes (stored hashed), audited', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const started = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvgDataUrl } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrSvgDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    expect((await me(user.cookie)).json().mfaEnabled).toBe(false);

    const wrong = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/enrolment/confirm', { code: codeAt(secret, 10) });
    expect(wrong.json().error.code).toBe('MFA_CODE_WRONG');
    const ok = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/enrolment/confirm', { code: codeAt(secret) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await ctx.db.query<{ code_hash: string }>('select code_hash from user_recovery_code where user_id = $1', [user.id]);
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    expect((await me(user.cookie)).json().mfaEnabled).toBe(true);
    expect((await call(ctx.app, user.cookie, { method: 'GET', url: '/api/v1/auth/mfa' })).json()).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(await auditActions(user.id)).toEqual(['user.mfa_enrol_start', 'user.mfa_enable']);
    // The secret never reaches the audit log.
    const logged = await ctx.db.query("select 1 from audit_log where entity_id = $1 and (before::text like '%' || $2 || '%' or after::text like '%' || $2 || '%')", [String(user.id), secret]);
    expect(logged).toHaveLength(0);
    expect((await postJson(ctx, user.cookie, '/api/v1/auth/mfa/enrolment')).json().error.code).toBe('MFA_STATE');
  });
});

describe('sign-in with the second factor', () => {
  it('a right password gives no session but a challenge; a TOTP code completes it once', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { secret } = await enrol(ctx, user.cookie);
    const first = await login(user.username);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: true, rememberDays: 30 });
    expect(cookieFrom(first, 'vd_session')).toBe('');
    const challenge = cookieFrom(first, 'vd_mfa');
    expect(first.cookies.find((c) => c.name === 'vd_mfa')).toMatchObject({ httpOnly: true, path: '/api/v1/auth/login' });
    const challengeRows = await ctx.db.query('select 1 from mfa_challenge where token_hash = $1', [challenge.split('=')[1]]);
    expect(challengeRows).toHaveLength(0);

    const code = codeAt(secret, 1);
    expect((await secondStep('', { code })).json().error.code).toBe('MFA_CHALLENGE_EXPIRED');
    const done = await secondStep(challenge, { code });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().username).toBe(user.username);
    expect((await me(cookieFrom(done, 'vd_session'))).statusCode).toBe(200);
    // The challenge is spent; the same code again (replay) is refused on a new challenge.
    expect((await secondStep(challenge, { code })).json().error.code).toBe('MFA_CHALLENGE_EXPIRED');
    const again = cookieFrom(await login(user.username), 'vd_mfa');
    expect((await secondStep(again, { code })).json().error.code).toBe('MFA_CODE_WRONG');
  });

  it('wrong codes count towards the lockout like wrong passwords; then even the right password answers 423', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { secret } = await enrol(ctx, user.cookie);
    const challenge = cookieFrom(await login(user.username), 'vd_mfa');
    const wrongCode = codeAt(secret, 20);
    expect((await secondStep(challenge, { code: wrongCode })).json().error.code).toBe('MFA_CODE_WRONG');
    // A right password in between does not reset the count of wrong codes.
    const challenge2 = cookieFrom(await login(user.username), 'vd_mfa');
    expect((await secondStep(challenge2, { code: wrongCode })).json().error.code).toBe('MFA_CODE_WRONG');
    const locking = await secondStep(challenge2, { recoveryCode: 'aaaa-bbbb-cccc-dddd' });
    expect(locking.statusCode).toBe(423);
    expect((await login(user.username)).statusCode).toBe(423);
    expect((await login(user.username, 'sai-mat-khau-99')).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('user.locked');
  });

  it('a recovery code works once, is audited, and counts down', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { recoveryCodes } = await enrol(ctx, user.cookie);
    const code = recoveryCodes[3].toUpperCase().replace(/-/g, ' ');
    const used = await secondStep(cookieFrom(await login(user.username), 'vd_mfa'), { recoveryCode: code });
    expect(used.statusCode, used.body).toBe(200);
    const reused = await secondStep(cookieFrom(await login(user.username), 'vd_mfa'), { recoveryCode: recoveryCodes[3] });
    expect(reused.json().error.code).toBe('MFA_CODE_WRONG');
    expect(await auditActions(user.id)).toContain('user.mfa_recovery_used');
    expect((await call(ctx.app, cookieFrom(used, 'vd_session'), { method: 'GET', url: '/api/v1/auth/mfa' })).json().recoveryCodesLeft).toBe(9);
  });

  it('a remembered device skips the second factor for that user only, until the password is reset', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const other = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { secret } = await enrol(ctx, user.cookie);
    await enrol(ctx, other.cookie);
    const done = await secondStep(cookieFrom(await login(user.username), 'vd_mfa'), { code: codeAt(secret, 1), rememberDevice: true });
    const device = cookieFrom(done, 'vd_device');
    expect(device).not.toBe('');
    const set = done.cookies.find((c) => c.name === 'vd_device');
    expect(set).toMatchObject({ httpOnly: true, path: '/api/v1/auth/login', maxAge: 30 * 86_400 });

    const remembered = await login(user.username, TEST_PASSWORD, device);
    expect(remembered.json().username).toBe(user.username);
    expect(cookieFrom(remembered, 'vd_session')).not.toBe('');
    expect((await login(other.username, TEST_PASSWORD, device)).json()).toMatchObject({ mfaRequired: true });
    expect((await login(user.username, 'sai-mat-khau-99', device)).statusCode).toBe(401);

    const version = (await ctx.db.query<{ version: number }>('select version from app_user where id = $1', [user.id]))[0].version;
    const reset = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version, resetPassword: 'Dat-Lai-Mat-Khau-Moi-2026' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await login(user.username, 'Dat-Lai-Mat-Khau-Moi-2026', device)).json()).toMatchObject({ mfaRequired: true });
  });
});

describe('turning it off and resetting it', () => {
  it('turning one\'s own factor off needs the password and a code; wrong ones count; audited', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { secret } = await enrol(ctx, user.cookie);
    const noPassword = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/disable', { currentPassword: 'sai-mat-khau-99', code: codeAt(secret, 1) });
    expect(noPassword.json().error.code).toBe('PASSWORD_WRONG');
    const noCode = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/disable', { currentPassword: TEST_PASSWORD, code: codeAt(secret, 15) });
    expect(noCode.json().error.code).toBe('MFA_CODE_WRONG');
    const [row] = await ctx.db.query<{ failed_attempts: number }>('select failed_attempts from app_user where id = $1', [user.id]);
    expect(row.failed_attempts).toBe(2);
    const off = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/disable', { currentPassword: TEST_PASSWORD, code: codeAt(secret, 1) });
    expect(off.statusCode, off.body).toBe(200);
    expect((await login(user.username)).json().username).toBe(user.username);
    expect(await auditActions(user.id)).toContain('user.mfa_disable');
    expect(await ctx.db.query('select 1 from user_recovery_code where user_id = $1', [user.id])).toHaveLength(0);
  });

  it('an admin resets a user\'s factor (audited, sessions end); not their own, and not out of scope', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    await enrol(ctx, user.cookie);
    const versionOf = async (id: number) => (await ctx.db.query<{ version: number }>('select version from app_user where id = $1', [id]))[0].version;
    const wardAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.b }]);
    const outside = await call(ctx.app, wardAdmin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: await versionOf(user.id), resetMfa: true } });
    expect(outside.statusCode).toBe(404);
    const res = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: await versionOf(user.id), resetMfa: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mfaEnabled).toBe(false);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await login(user.username)).json().username).toBe(user.username);
    expect(await auditActions(user.id)).toContain('user.mfa_reset');
    const own = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${w.admin.id}`, payload: { version: await versionOf(w.admin.id), resetMfa: true } });
    expect(own.statusCode).toBe(403);
  });

  it('new recovery codes replace the old ones after a code', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const { secret, recoveryCodes } = await enrol(ctx, user.cookie);
    const res = await postJson(ctx, user.cookie, '/api/v1/auth/mfa/recovery-codes', { code: codeAt(secret, 1) });
    expect(res.statusCode, res.body).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await secondStep(cookieFrom(await login(user.username), 'vd_mfa'), { recoveryCode: recoveryCodes[0] });
    expect(old.json().error.code).toBe('MFA_CODE_WRONG');
    const ok = await secondStep(cookieFrom(await login(user.username), 'vd_mfa'), { recoveryCode: fresh[0] });
    expect(ok.statusCode).toBe(200);
    expect(cookies(cookieFrom(ok, 'vd_session'))).toMatch(/^vd_session=/);
  });
});

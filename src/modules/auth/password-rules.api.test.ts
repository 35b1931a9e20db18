import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { TEST_PASSWORD, makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { errorMessage } from '../../shared/i18n/messages.ts';
import { cookieFrom, postJson } from './test-helpers.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_LOCKOUT_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' });
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const createUser = (username: string, password: string, displayName = 'Nguyễn Văn Hùng') =>
  postJson(ctx, w.admin.cookie, '/api/v1/users', { username, displayName, password, roles: [{ role: 'viewer', orgUnitId: w.a }] });
const changeOwn = (cookie: string, currentPassword: string, newPassword: string) => postJson(ctx, cookie, '/api/v1/auth/password', { currentPassword, newPassword });
const login = (username: string, password: string) => postJson(ctx, null, '/api/v1/auth/login', { username, password });
const unique = () => `nd${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

describe('password rules: length, a strength estimate, the username, the current password', () => {
  it('refuses short, guessable and username-based passwords, naming the reason and the limit in vi and en', async () => {
    const username = unique();
    const cases: [string, string][] = [
      ['Ab1!xyz', 'too_short'],
      ['aaaaaaaaa1', 'guessable'],
      ['password123', 'guessable'],
      ['1234567890', 'guessable'],
      [`${username}2026!`, 'contains_username'],
      ['vinhdanh2026', 'guessable'],
      ['nguyenvanhung', 'guessable'],
    ];
    for (const [password, reason] of cases) {
      const res = await createUser(username, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error, password).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'password', reason, min: 10 } });
      expect(res.json().error.message).toContain('10 ký tự');
    }
    const guessable = await createUser(username, 'aaaaaaaaa1');
    expect(guessable.json().error.message).toMatch(/dễ đoán/);
    expect(errorMessage('PASSWORD_TOO_WEAK', guessable.json().error.details, 'en')).toMatch(/too easy to guess.*at least 10 characters/);
    expect(errorMessage('PASSWORD_TOO_WEAK', { reason: 'contains_username', min: 10 }, 'en')).toContain('contains the username');
    expect((await createUser(username, 'Song-Hong-Chay-Qua-2026')).statusCode).toBe(201);
  });

  it('refuses the current password and the username on change; the change form gets the reason', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }], { username: unique() });
    const same = await changeOwn(user.cookie, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.json().error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword', reason: 'reused' } });
    const weak = await changeOwn(user.cookie, TEST_PASSWORD, 'aaaaaaaaa1');
    expect(weak.json().error.details.reason).toBe('guessable');
    const name = await changeOwn(user.cookie, TEST_PASSWORD, user.username);
    expect(name.json().error.details.reason).toBe('contains_username');
    expect((await changeOwn(user.cookie, TEST_PASSWORD, 'Pho-Co-Ha-Noi-Dem-2026')).statusCode).toBe(200);
  });

  it('refuses a reset to the account\'s current password', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const res = await call(ctx.app, w.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { version: 1, resetPassword: TEST_PASSWORD } });
    expect(res.json().error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'resetPassword', reason: 'reused' } });
  });
});

describe('locked accounts and wrong current passwords', () => {
  it('a locked account answers 401 to a wrong password (like an unknown name) and 423 only to the right one', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    for (let i = 0; i < 3; i++) expect((await login(user.username, 'sai-mat-khau-1')).statusCode).toBe(401);
    const wrong = await login(user.username, 'sai-mat-khau-2');
    const unknown = await login('khong-ai-co-ten-nay', 'sai-mat-khau-2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    const right = await login(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('wrong current passwords on a change count towards the lockout; at the threshold the account locks and its sessions end', async () => {
    const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
    const other = cookieFrom(await login(user.username, TEST_PASSWORD), 'vd_session');
    expect((await changeOwn(user.cookie, 'doan-thu-1', 'Pho-Co-Ha-Noi-Dem-2026')).json().error.code).toBe('PASSWORD_WRONG');
    expect((await changeOwn(user.cookie, 'doan-thu-2', 'Pho-Co-Ha-Noi-Dem-2026')).json().error.code).toBe('PASSWORD_WRONG');
    const third = await changeOwn(user.cookie, 'doan-thu-3', 'Pho-Co-Ha-Noi-Dem-2026');
    expect(third.statusCode).toBe(423);
    for (const cookie of [user.cookie, other]) expect((await call(ctx.app, cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const [row] = await ctx.db.query<{ after: { reason: string } }>("select after from audit_log where action = 'user.locked' and entity_id = $1", [String(user.id)]);
    expect(row.after.reason).toBe('password_change');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUser, makeWorld } from '../../../tests/support/factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_LIMIT: '3', LOGIN_LOCKOUT_ATTEMPTS: '10' });
});
afterAll(() => ctx.close());

it('throttles sign-in attempts per client address with 429 RATE_LIMITED', async () => {
  const attempt = () => call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ai-do', password: 'doan-mo-123' } });
  for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
  const res = await attempt();
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('RATE_LIMITED');
});

it('throttles password changes and second-factor codes per client address like sign-in', async () => {
  const w = await makeWorld(ctx.db);
  const user = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a }]);
  // Each route has its own budget; the fourth attempt in the minute is refused before the password is even checked.
  const change = () => call(ctx.app, user.cookie, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'doan-thu', newPassword: 'Pho-Co-Ha-Noi-Dem-2026' } });
  for (let i = 0; i < 3; i++) expect((await change()).statusCode).toBe(400);
  expect((await change()).json().error.code).toBe('RATE_LIMITED');
  const code = () => call(ctx.app, 'vd_mfa=khong-co', { method: 'POST', url: '/api/v1/auth/login/mfa', payload: { code: '123456' } });
  for (let i = 0; i < 3; i++) expect((await code()).statusCode).toBe(401);
  expect((await code()).statusCode).toBe(429);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_LIMIT: '3' });
});
afterAll(() => ctx.close());

it('throttles sign-in attempts per client address with 429 RATE_LIMITED', async () => {
  const attempt = () => call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ai-do', password: 'doan-mo-123' } });
  for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
  const res = await attempt();
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('RATE_LIMITED');
});

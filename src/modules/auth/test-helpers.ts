import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { type TestContext, call } from '../../../tests/support/app.ts';

/** The code an authenticator app shows `steps` periods of 30 s from now (a code is accepted once, so tests move on). */
export const codeAt = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + steps * 30_000 });

/** `name=value` of a cookie set by a response, for the Cookie header of the next request. */
export function cookieFrom(res: LightMyRequestResponse, name: string): string {
  const value = res.cookies.find((c) => c.name === name)?.value;
  return value ? `${name}=${value}` : '';
}

/** Joins Cookie header parts, skipping empty ones. */
export const cookies = (...parts: string[]) => parts.filter(Boolean).join('; ');

export const postJson = (ctx: TestContext, cookie: string | null, url: string, payload: object = {}) => call(ctx.app, cookie, { method: 'POST', url, payload });

/** Enrols the session's account in TOTP: returns the secret (as the page shows it) and the recovery codes. */
export async function enrol(ctx: TestContext, cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await postJson(ctx, cookie, '/api/v1/auth/mfa/enrolment');
  if (started.statusCode !== 200) throw new Error(started.body);
  const { secret } = started.json() as { secret: string };
  const confirmed = await postJson(ctx, cookie, '/api/v1/auth/mfa/enrolment/confirm', { code: codeAt(secret) });
  if (confirmed.statusCode !== 200) throw new Error(confirmed.body);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

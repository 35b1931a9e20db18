import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { cityTimeZone } from '../../shared/clock.ts';
import { CHALLENGE_COOKIE, CHALLENGE_MINUTES, DEVICE_COOKIE } from './devices.ts';
import { login } from './login.ts';
import { completeMfaLogin } from './mfa-login.ts';
import { mfaRoutes } from './mfa-routes.ts';
import { changeOwnLocale } from './own-locale.ts';
import { changeOwnPassword } from './own-password.ts';
import { mfaRequiredFor, permissionsOf } from './roles.ts';
import * as s from './schema.ts';
import { SESSION_COOKIE, deleteSession, resolveSession } from './sessions.ts';
import { createUser, findUserView, listUsers, updateUser } from './users.ts';

const tags = ['auth'];
// The second-factor cookies go to the sign-in routes only (/auth/login and /auth/login/mfa).
const LOGIN_PATH = '/api/v1/auth/login';

/** Sign-in (password, then the second factor when enrolled), sign-out, the current user, own password and locale, user administration. */
export function authRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  const secure = (req: FastifyRequest) => (config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure);
  const cookieOptions = (req: FastifyRequest, path: string, seconds: number) => ({ httpOnly: true, sameSite: 'lax' as const, secure: secure(req), path, maxAge: seconds });
  // Every attempt to prove who one is (password, code, recovery code) is throttled per client address like sign-in.
  const throttled = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  const me = async (req: FastifyRequest) => {
    const user = requireUser(req);
    const view = await findUserView(db, user.id);
    return { ...user, roles: view?.roles ?? [], permissions: permissionsOf(user), mfaEnrolmentRequired: !user.mfaEnabled && mfaRequiredFor(user, config.mfaRequired), timeZone: cityTimeZone() };
  };
  const signedIn = async (req: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, '/', config.sessionHours * 3600));
    reply.clearCookie(CHALLENGE_COOKIE, { path: LOGIN_PATH });
    req.user = await resolveSession(db, token, config.sessionHours);
    req.sessionToken = token;
    return me(req);
  };
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'], deviceToken: req.cookies[DEVICE_COOKIE] });

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/auth/login', { schema: { tags, body: s.ZLoginRequest, response: { 200: s.ZLoginResponse } }, config: throttled }, async (req, reply) => {
      const result = await login(db, config, req.body.username, req.body.password, meta(req));
      if (result.kind === 'session') return signedIn(req, reply, result.token);
      reply.setCookie(CHALLENGE_COOKIE, result.challenge, { ...cookieOptions(req, LOGIN_PATH, CHALLENGE_MINUTES * 60), sameSite: 'strict' });
      return { mfaRequired: true as const, rememberDays: config.mfaRememberDays };
    });

    app.post('/auth/login/mfa', { schema: { tags, body: s.ZMfaLoginRequest, response: { 200: s.ZMe } }, config: throttled }, async (req, reply) => {
      const done = await completeMfaLogin(db, config, req.cookies[CHALLENGE_COOKIE], req.body, meta(req));
      if (done.deviceToken) reply.setCookie(DEVICE_COOKIE, done.deviceToken, { ...cookieOptions(req, LOGIN_PATH, config.mfaRememberDays * 86_400), sameSite: 'strict' });
      return signedIn(req, reply, done.token);
    });

    app.post('/auth/logout', { schema: { tags, response: { 200: s.ZOk } } }, async (req, reply) => {
      if (req.sessionToken) await deleteSession(db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/auth/me', { schema: { tags, response: { 200: s.ZMe } } }, async (req) => me(req));

    app.post('/auth/password', { schema: { tags, body: s.ZChangePasswordRequest, response: { 200: s.ZOk } }, config: throttled }, async (req) => {
      const user = requireUser(req);
      await changeOwnPassword(db, config, actorOf(req), user, req.sessionToken ?? '', req.body.currentPassword, req.body.newPassword, req.ip);
      return { ok: true };
    });

    app.put('/auth/locale', { schema: { tags, body: s.ZLocaleRequest, response: { 200: s.ZOk } } }, async (req) => {
      await changeOwnLocale(db, actorOf(req), requireUser(req), req.body.locale);
      return { ok: true };
    });

    await app.register(mfaRoutes({ db, config }));

    app.get('/users', { schema: { tags, response: { 200: z.object({ items: z.array(s.ZUser) }) } } }, async (req) => {
      const scope = await authorize(req, db, 'users.manage');
      return { items: await listUsers(db, scope) };
    });

    app.post('/users', { schema: { tags, body: s.ZCreateUserRequest, response: { 201: s.ZUser } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'users.manage');
      reply.status(201);
      return createUser(db, actorOf(req), scope, { ...req.body, mustChangePassword: true });
    });

    app.patch('/users/:id', { schema: { tags, params: z.object({ id: z.coerce.number().int().positive() }), body: s.ZUpdateUserRequest, response: { 200: s.ZUser } } }, async (req) => {
      const scope = await authorize(req, db, 'users.manage');
      return updateUser(db, actorOf(req), scope, req.params.id, req.body);
    });
  };
}

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { audit } from '../audit/audit.ts';
import { login } from './login.ts';
import { permissionsOf } from './roles.ts';
import * as s from './schema.ts';
import { SESSION_COOKIE, deleteSession, resolveSession } from './sessions.ts';
import { changeOwnPassword, createUser, findUserView, listUsers, updateUser } from './users.ts';

const tags = ['auth'];

/** Sign-in, sign-out, the current user, own password and locale, and user administration. */
export function authRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  const secure = (req: FastifyRequest) => (config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure);
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secure(req), path: '/', maxAge: config.sessionHours * 3600 });

  const me = async (req: FastifyRequest) => {
    const user = requireUser(req);
    const view = await findUserView(db, user.id);
    return { ...user, roles: view?.roles ?? [], permissions: permissionsOf(user) };
  };

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/auth/login', {
      schema: { tags, body: s.ZLoginRequest, response: { 200: s.ZMe } },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      const { token } = await login(db, config, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setCookie(req, reply, token);
      req.user = await resolveSession(db, token, config.sessionHours);
      req.sessionToken = token;
      return me(req);
    });

    app.post('/auth/logout', { schema: { tags } }, async (req, reply) => {
      if (req.sessionToken) await deleteSession(db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/auth/me', { schema: { tags, response: { 200: s.ZMe } } }, async (req) => me(req));

    app.post('/auth/password', { schema: { tags, body: s.ZChangePasswordRequest } }, async (req) => {
      const user = requireUser(req);
      await changeOwnPassword(db, actorOf(req), user.id, req.sessionToken ?? '', req.body.currentPassword, req.body.newPassword);
      return { ok: true };
    });

    app.put('/auth/locale', { schema: { tags, body: s.ZLocaleRequest } }, async (req) => {
      const user = requireUser(req);
      await db.tx(async (q) => {
        await q.query('update app_user set locale = $2 where id = $1', [user.id, req.body.locale]);
        await audit(q, actorOf(req), [{ action: 'user.locale', entity: 'app_user', entityId: user.id, before: { locale: user.locale }, after: { locale: req.body.locale } }]);
      });
      return { ok: true };
    });

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

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, requireUser } from '../../server/http.ts';
import { confirmEnrolment, disableOwnMfa, mfaStatus, regenerateRecoveryCodes, startEnrolment } from './mfa.ts';
import { mfaRequiredFor } from './roles.ts';
import * as s from './schema.ts';

const tags = ['auth'];

/** One's own second factor: state, enrolment (secret + QR, confirm with a code), recovery codes, turning it off. */
export function mfaRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  const throttled = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/auth/mfa', { schema: { tags, response: { 200: s.ZMfaStatus } } }, async (req) => {
      const user = requireUser(req);
      return mfaStatus(db, user.id, mfaRequiredFor(user, config.mfaRequired));
    });

    app.post('/auth/mfa/enrolment', { schema: { tags, response: { 200: s.ZMfaEnrolment } } }, async (req) => {
      const user = requireUser(req);
      return startEnrolment(db, actorOf(req), user.id);
    });

    app.post('/auth/mfa/enrolment/confirm', { schema: { tags, body: s.ZMfaCodeRequest, response: { 200: s.ZRecoveryCodes } }, config: throttled }, async (req) => {
      const user = requireUser(req);
      return confirmEnrolment(db, actorOf(req), user.id, req.body.code);
    });

    app.post('/auth/mfa/recovery-codes', { schema: { tags, body: s.ZMfaCodeRequest, response: { 200: s.ZRecoveryCodes } }, config: throttled }, async (req) => {
      const user = requireUser(req);
      return regenerateRecoveryCodes(db, config, actorOf(req), user.id, req.body.code, req.ip);
    });

    app.post('/auth/mfa/disable', { schema: { tags, body: s.ZMfaDisableRequest, response: { 200: s.ZOk } }, config: throttled }, async (req) => {
      const user = requireUser(req);
      await disableOwnMfa(db, config, actorOf(req), user.id, req.body, req.ip);
      return { ok: true };
    });
  };
}

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize } from '../../server/http.ts';
import { resolveScope } from '../auth/scope.ts';
import { personDetail } from '../people/queries.ts';
import { decisionRevocations, personRevokedAwards, recordRecovery, revocationDetail, revokeAwards } from './revocations-commands.ts';
import * as s from './revocations-schema.ts';

const tags = ['decisions'];
const params = z.object({ id: z.coerce.number().int().positive() });

/** Revocation of awards (Law Art 93): a decision's revocations, revoking, recording recovery; a person's revoked awards. */
export function revocationRoutes({ db }: Pick<ModuleDeps, 'db'>): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/decisions/:id/revocations', { schema: { tags, params, response: { 200: s.ZDecisionRevocations } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const revokeScope = req.user ? await resolveScope(db, req.user, 'decision.revoke') : { all: false as const, unitIds: [] };
      return decisionRevocations(db, scope, req.params.id, revokeScope);
    });

    app.get('/decisions/:id/revocations/:revocationId', { schema: { tags, params: s.ZRevocationParams, response: { 200: s.ZRevocation } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      return revocationDetail(db, scope, req.params.id, req.params.revocationId);
    });

    app.post('/decisions/:id/revocations', { schema: { tags, params, body: s.ZRevocationRequest, response: { 201: s.ZRevocation } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.revoke');
      const made = await db.tx((q) => revokeAwards(q, actorOf(req), scope, req.params.id, req.body));
      reply.status(201);
      return made;
    });

    app.put('/decisions/:id/revocations/:revocationId/awardees/:awardeeId/recovery', { schema: { tags, params: s.ZRecoveryParams, body: s.ZRecoveryRequest, response: { 200: s.ZRevocation } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.revoke');
      return db.tx((q) => recordRecovery(q, actorOf(req), scope, req.params.id, req.params.revocationId, req.params.awardeeId, req.body));
    });

    app.get('/people/:id/revoked-awards', { schema: { tags, params, response: { 200: s.ZPersonRevokedAwards } } }, async (req) => {
      const scope = await authorize(req, db, 'people.read');
      await personDetail(db, scope, req.params.id); // NOT_FOUND outside the scope
      return { items: await personRevokedAwards(db, req.params.id) };
    });
  };
}

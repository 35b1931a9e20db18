import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Queryable } from '../../server/db.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { type Scope, assertInScope, inScope, resolveScope } from '../auth/scope.ts';
import { addCapException, createEvaluation, openUnitEvaluations, recordStage } from './commands.ts';
import { registrationRoutes } from './registration-routes.ts';
import { decideEvaluations } from './decide.ts';
import { schemesView, unitEvaluations } from './queries.ts';
import * as repo from './repo.ts';
import * as s from './schema.ts';
// What waits for a head or an approver: registered in the inbox at module load.
import './inbox.ts';

const tags = ['evaluations'];

/** Who may read ratings: those who enter them and those who decide them, within their subtrees. */
export async function evaluationReadScope(req: FastifyRequest, q: Queryable): Promise<{ read: Scope; write: Scope; decide: Scope }> {
  const user = requireUser(req);
  if (rootsFor(user, 'evaluation.write').length + rootsFor(user, 'evaluation.decide').length === 0) throw new AppError('FORBIDDEN', { permission: 'evaluation.write' });
  const write = await resolveScope(q, user, 'evaluation.write');
  const decide = await resolveScope(q, user, 'evaluation.decide');
  const read: Scope = write.all || decide.all ? { all: true } : { all: false, unitIds: [...new Set([...write.unitIds, ...decide.unitIds])] };
  return { read, write, decide };
}

/** Yearly ratings: schemes, a unit's page with its cap counters, opening, self-assessment, proposal, decision; and registrations (registration-routes.ts). */
export function evaluationRoutes(deps: ModuleDeps): FastifyPluginAsync {
  const { db } = deps;
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    await base.register(registrationRoutes(deps));

    app.get('/evaluations/schemes', { schema: { tags, response: { 200: s.ZSchemes } } }, async (req) => {
      await evaluationReadScope(req, db);
      return schemesView();
    });

    app.get('/evaluations', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZList } } }, async (req) => {
      const scopes = await evaluationReadScope(req, db);
      assertInScope(scopes.read, req.query.unitId);
      const page = await unitEvaluations(db, req.query.unitId, req.query.year);
      return { unitId: req.query.unitId, year: req.query.year, ...page, actions: { canWrite: inScope(scopes.write, req.query.unitId), canDecide: inScope(scopes.decide, req.query.unitId) } };
    });

    app.get('/evaluations/:id', { schema: { tags, params: z.object({ id: s.zId }), response: { 200: s.ZEvaluation } } }, async (req) => {
      const { read } = await evaluationReadScope(req, db);
      const e = await repo.findEvaluation(db, req.params.id);
      if (!e || !(inScope(read, e.unitId) || inScope(read, e.groupUnitId))) throw new AppError('NOT_FOUND');
      return e;
    });

    app.post('/evaluations', { schema: { tags, body: s.ZCreate, response: { 201: s.ZEvaluation } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'evaluation.write');
      reply.status(201);
      return createEvaluation(db, actorOf(req), scope, req.body);
    });

    app.post('/evaluations/open', { schema: { tags, body: s.ZOpenUnit, response: { 200: z.object({ created: z.number() }) } } }, async (req) => {
      const scope = await authorize(req, db, 'evaluation.write');
      return openUnitEvaluations(db, actorOf(req), scope, req.body.unitId, req.body.year, req.body.subjects);
    });

    app.put('/evaluations/:id/self', { schema: { tags, params: z.object({ id: s.zId }), body: s.ZStage, response: { 200: s.ZEvaluation } } }, async (req) => {
      const scope = await authorize(req, db, 'evaluation.write');
      return recordStage(db, actorOf(req), scope, req.params.id, 'self', req.body);
    });

    app.put('/evaluations/:id/proposal', { schema: { tags, params: z.object({ id: s.zId }), body: s.ZStage, response: { 200: s.ZEvaluation } } }, async (req) => {
      const scope = await authorize(req, db, 'evaluation.write');
      return recordStage(db, actorOf(req), scope, req.params.id, 'proposed', req.body);
    });

    app.post('/evaluations/decisions', { schema: { tags, body: s.ZDecide, response: { 200: z.object({ items: z.array(s.ZEvaluation) }) } } }, async (req) => {
      const scope = await authorize(req, db, 'evaluation.decide');
      return { items: await decideEvaluations(db, actorOf(req), scope, req.body.items) };
    });

    // The competent level (the deciding unit's superior) raises the cap of an outstanding organisation to 25 %.
    app.post('/evaluations/cap-exceptions', { schema: { tags, body: s.ZCapException, response: { 201: z.object({ id: z.number() }) } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'evaluation.decide');
      const id = await addCapException(db, actorOf(req), scope, req.body);
      reply.status(201);
      return { id };
    });
  };
}

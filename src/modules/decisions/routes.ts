import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize } from '../../server/http.ts';
import { inScope, resolveScope } from '../auth/scope.ts';
import { createDecisionDraft, discardDecision, issueDecision, updateDecisionDraft } from './commands.ts';
import { listDecisionsInScope } from './queries.ts';
import { revocationRoutes } from './revocations-routes.ts';
import * as s from './schema.ts';
import { decisionDetail } from './view.ts';

const tags = ['decisions'];
const params = z.object({ id: s.zId });

/** The decisions register: list, detail, drafts (create, edit, discard) and issue. */
export function decisionRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    await base.register(revocationRoutes({ db })); // revocation of awards (Law Art 93)

    app.get('/decisions', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZDecisionList } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      return listDecisionsInScope(db, scope, req.query);
    });

    app.get('/decisions/:id', { schema: { tags, params, response: { 200: s.ZDecision } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const detail = await decisionDetail(db, scope, req.params.id);
      const issueScope = req.user ? await resolveScope(db, req.user, 'decision.issue') : { all: false as const, unitIds: [] };
      const can = detail.status === 'draft' && inScope(issueScope, detail.authorityUnitId);
      return { ...detail, actions: { canEdit: can, canIssue: can } };
    });

    app.post('/decisions', { schema: { tags, body: s.ZCreateDecisionRequest, response: { 201: s.ZDecision } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.issue');
      const made = await db.tx((q) => createDecisionDraft(q, actorOf(req), scope, req.body));
      reply.status(201);
      return made;
    });

    app.put('/decisions/:id', { schema: { tags, params, body: s.ZUpdateDecisionRequest, response: { 200: s.ZDecision } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.issue');
      return db.tx((q) => updateDecisionDraft(q, actorOf(req), scope, req.params.id, req.body));
    });

    app.post('/decisions/:id/issue', { schema: { tags, params, body: s.ZIssueRequest, response: { 200: s.ZDecision } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.issue');
      return db.tx((q) => issueDecision(q, actorOf(req), scope, req.params.id, req.body));
    });

    app.post('/decisions/:id/discard', { schema: { tags, params, body: s.ZVersionRequest, response: { 200: s.ZDecision } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.issue');
      return db.tx((q) => discardDecision(q, actorOf(req), scope, req.params.id, req.body.version));
    });
  };
}

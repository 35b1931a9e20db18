import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize } from '../../server/http.ts';
import { inScope, resolveScope } from '../auth/scope.ts';
import { changeUnit, createUnit, dissolveUnit } from './commands.ts';
import { treeAsOf, unitDetail } from './queries.ts';
import { mergeUnits, splitUnit } from './reorganise.ts';
import * as s from './schema.ts';
import { cityToday } from '../../shared/clock.ts';

const tags = ['org'];

/** Organisation tree routes: as-of tree, unit history, create/rename/move/merge/split/dissolve. */
export function orgRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/org/tree', { schema: { tags, querystring: s.ZTreeQuery, response: { 200: s.ZTreeResponse } } }, async (req) => {
      const scope = await authorize(req, db, 'org.read');
      const asOf = req.query.asOf ?? cityToday();
      return { asOf, units: await treeAsOf(db, scope, asOf) };
    });

    app.get('/org/units/:id', { schema: { tags, params: z.object({ id: s.zId }), querystring: s.ZTreeQuery, response: { 200: s.ZUnitDetail } } }, async (req) => {
      const scope = await authorize(req, db, 'org.read');
      const detail = await unitDetail(db, scope, req.params.id, req.query.asOf);
      const writeScope = req.user ? await resolveScope(db, req.user, 'org.write') : { all: false as const, unitIds: [] };
      return { ...detail, actions: { canEdit: inScope(writeScope, req.params.id) && !detail.unit.dissolvedOn } };
    });

    app.post('/org/units', { schema: { tags, body: s.ZCreateUnitRequest, response: { 201: s.ZUnit } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'org.write');
      reply.status(201);
      return createUnit(db, actorOf(req), scope, req.body);
    });

    app.patch('/org/units/:id', { schema: { tags, params: z.object({ id: s.zId }), body: s.ZChangeUnitRequest, response: { 200: s.ZUnit } } }, async (req) => {
      const scope = await authorize(req, db, 'org.write');
      return changeUnit(db, actorOf(req), scope, req.params.id, req.body);
    });

    app.post('/org/units/:id/dissolve', { schema: { tags, params: z.object({ id: s.zId }), body: s.ZDissolveRequest, response: { 200: s.ZUnit } } }, async (req) => {
      const scope = await authorize(req, db, 'org.write');
      return dissolveUnit(db, actorOf(req), scope, req.params.id, req.body);
    });

    app.post('/org/merges', { schema: { tags, body: s.ZMergeRequest, response: { 201: s.ZUnit } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'org.write');
      reply.status(201);
      return mergeUnits(db, actorOf(req), scope, req.body);
    });

    app.post('/org/splits', { schema: { tags, body: s.ZSplitRequest, response: { 201: z.object({ units: z.array(s.ZUnit) }) } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'org.write');
      reply.status(201);
      return { units: await splitUnit(db, actorOf(req), scope, req.body) };
    });
  };
}

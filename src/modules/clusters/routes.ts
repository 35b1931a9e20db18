import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import * as cmd from './commands.ts';
import './follow-reorg.ts';
import * as s from './schema.ts';
import { sheets } from './sheets.ts';
import { cardView, listView, rankingView, spreadView, yearView } from './view.ts';

const tags = ['clusters'];

/** Clusters and blocks: set-up per year, scoring (self → head → Board → publish), ranking, spread, proposals. */
export function clusterRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  // The sheets are checked at start-up: a mistake in data/sheets.yaml names file and line.
  sheets();
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Reading: everyone in scope (the authority's or a member's subtree).
    const reader = (req: Parameters<typeof requireUser>[0]) => authorize(req, db, 'org.read');

    app.get('/clusters', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZClusterList } } }, async (req) => listView(db, await reader(req), req.query.year));

    app.post('/clusters', { schema: { tags, body: s.ZCreateClusterRequest, response: { 201: s.ZYear } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'cluster.manage');
      const view = await db.tx(async (q) => yearView(q, scope, await cmd.createCluster(q, actorOf(req), scope, req.body), new Date().getUTCFullYear()));
      reply.status(201);
      return view;
    });

    app.get('/clusters/:id/years/:year', { schema: { tags, params: s.ZYearParams, response: { 200: s.ZYear } } }, async (req) => yearView(db, await reader(req), req.params.id, req.params.year));

    app.put('/clusters/:id/years/:year', { schema: { tags, params: s.ZYearParams, body: s.ZYearRequest, response: { 200: s.ZYear } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.manage');
      return db.tx(async (q) => {
        await cmd.setYear(q, actorOf(req), scope, req.params.id, req.params.year, req.body);
        return yearView(q, scope, req.params.id, req.params.year);
      });
    });

    app.get('/clusters/:id/years/:year/scores/:unitId', { schema: { tags, params: s.ZCardParams, response: { 200: s.ZCard } } }, async (req) => cardView(db, await reader(req), req.params.id, req.params.year, req.params.unitId));

    app.put('/clusters/:id/years/:year/scores/:unitId', { schema: { tags, params: s.ZCardParams, body: s.ZScoresRequest, response: { 200: s.ZCard } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.score');
      const { id, year, unitId } = req.params;
      return db.tx(async (q) => {
        await cmd.selfScore(q, actorOf(req), scope, id, year, unitId, req.body);
        return cardView(q, { all: true }, id, year, unitId);
      });
    });

    app.post('/clusters/:id/years/:year/scores/:unitId/submit', { schema: { tags, params: s.ZCardParams, body: s.ZVersionRequest, response: { 200: s.ZCard } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.score');
      const { id, year, unitId } = req.params;
      return db.tx(async (q) => {
        await cmd.submit(q, actorOf(req), scope, id, year, unitId, req.body.version);
        return cardView(q, { all: true }, id, year, unitId);
      });
    });

    app.put('/clusters/:id/years/:year/scores/:unitId/verification', { schema: { tags, params: s.ZCardParams, body: s.ZScoresRequest, response: { 200: s.ZCard } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.score');
      const { id, year, unitId } = req.params;
      return db.tx(async (q) => {
        await cmd.verify(q, actorOf(req), requireUser(req), scope, id, year, unitId, req.body);
        return cardView(q, { all: true }, id, year, unitId);
      });
    });

    app.put('/clusters/:id/years/:year/scores/:unitId/review', { schema: { tags, params: s.ZCardParams, body: s.ZScoresRequest, response: { 200: s.ZCard } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.review');
      const { id, year, unitId } = req.params;
      return db.tx(async (q) => {
        await cmd.review(q, actorOf(req), requireUser(req), scope, id, year, unitId, req.body);
        return cardView(q, { all: true }, id, year, unitId);
      });
    });

    app.post('/clusters/:id/years/:year/conflicts', { schema: { tags, params: s.ZYearParams, body: s.ZConflictRequest, response: { 200: s.ZYear } } }, async (req) => {
      const user = requireUser(req);
      const scope = await authorize(req, db, 'org.read');
      return db.tx(async (q) => {
        await cmd.declareConflict(q, actorOf(req), user, req.params.id, req.params.year, req.body.unitId, req.body.reason);
        return yearView(q, scope, req.params.id, req.params.year);
      });
    });

    app.post('/clusters/:id/years/:year/publish', { schema: { tags, params: s.ZYearParams, body: s.ZVersionRequest, response: { 200: s.ZRanking } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.review');
      return db.tx(async (q) => {
        await cmd.publish(q, actorOf(req), scope, req.params.id, req.params.year, req.body.version);
        return rankingView(q, scope, req.params.id, req.params.year);
      });
    });

    app.get('/clusters/:id/years/:year/ranking', { schema: { tags, params: s.ZYearParams, response: { 200: s.ZRanking } } }, async (req) => rankingView(db, await reader(req), req.params.id, req.params.year));

    app.get('/clusters/:id/years/:year/spread', { schema: { tags, params: s.ZYearParams, response: { 200: s.ZSpread } } }, async (req) => spreadView(db, await reader(req), req.params.id, req.params.year));

    app.post('/clusters/:id/years/:year/proposals', { schema: { tags, params: s.ZYearParams, response: { 200: s.ZProposal } } }, async (req) => {
      const scope = await authorize(req, db, 'cluster.manage');
      return { items: await db.tx(async (q) => cmd.propose(q, actorOf(req), scope, req.params.id, req.params.year)) };
    });
  };
}

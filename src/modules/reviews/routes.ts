import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize } from '../../server/http.ts';
import { chooseCandidates, concludeReview, createReview, openReviewCouncil } from './commands.ts';
import { listReviews, reviewDetail } from './queries.ts';
import * as s from './schema.ts';

const tags = ['reviews'];
const params = z.object({ id: s.zId });

/** The annual review (bình xét): open with the engine's candidates, choose, put before the council, conclude. */
export function reviewRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const detail = async (scope: Awaited<ReturnType<typeof authorize>>, id: number) => reviewDetail(db, scope, id, scope);

    app.get('/reviews', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZReviewList } } }, async (req) => {
      const scope = await authorize(req, db, 'review.manage');
      return listReviews(db, scope, req.query.year);
    });

    app.get('/reviews/:id', { schema: { tags, params, response: { 200: s.ZReview } } }, async (req) => {
      const scope = await authorize(req, db, 'review.manage');
      return detail(scope, req.params.id);
    });

    app.post('/reviews', { schema: { tags, body: s.ZCreateReviewRequest, response: { 201: s.ZReview } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'review.manage');
      const id = await createReview(db, actorOf(req), scope, req.body);
      reply.status(201);
      return detail(scope, id);
    });

    app.post('/reviews/:id/candidates', { schema: { tags, params, body: s.ZChooseRequest, response: { 200: s.ZReview } } }, async (req) => {
      const scope = await authorize(req, db, 'review.manage');
      await chooseCandidates(db, actorOf(req), scope, req.params.id, req.body);
      return detail(scope, req.params.id);
    });

    app.post('/reviews/:id/council', { schema: { tags, params, body: s.ZCouncilRequest, response: { 200: s.ZReview } } }, async (req) => {
      const scope = await authorize(req, db, 'review.manage');
      await openReviewCouncil(db, actorOf(req), scope, req.params.id, req.body);
      return detail(scope, req.params.id);
    });

    app.post('/reviews/:id/conclude', { schema: { tags, params, body: s.ZVersionRequest, response: { 200: s.ZReview } } }, async (req) => {
      const scope = await authorize(req, db, 'review.manage');
      await concludeReview(db, actorOf(req), scope, req.params.id, req.body);
      return detail(scope, req.params.id);
    });
  };
}

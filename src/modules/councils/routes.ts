import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Queryable } from '../../server/db.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { type Scope, resolveScope } from '../auth/scope.ts';
import * as repo from './repo.ts';
import * as s from './schema.ts';
import { castBallot, closeVote, enterCounts, openCouncilSession, setAttendance } from './sessions.ts';
import { sessionView } from './view.ts';

const tags = ['councils'];
const params = z.object({ id: s.zId });

/** Who may see sessions: those who run councils (their scope) and members (the sessions they sit on). */
async function readerScope(req: FastifyRequest, q: Queryable): Promise<{ userId: number; manage: Scope }> {
  const user = requireUser(req);
  if (rootsFor(user, 'council.manage').length === 0 && rootsFor(user, 'council.vote').length === 0) throw new AppError('FORBIDDEN', { permission: 'council.vote' });
  return { userId: user.id, manage: await resolveScope(q, user, 'council.manage') };
}

/** Council sessions: open, attendance, paper counts, anonymous ballots in the app, close, result. */
export function councilRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/councils', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZSessionList } } }, async (req) => {
      const r = await readerScope(req, db);
      const rows = await repo.listSessions(db, r.manage.all ? null : r.manage.unitIds, r.userId, req.query.limit, req.query.offset);
      return { items: rows.map((x) => ({ id: x.id, orgUnitId: x.org_unit_id, purpose: x.purpose, refId: x.ref_id, title: x.title, meetsOn: x.meets_on, ballot: x.ballot, status: x.status, version: x.version, members: x.members, candidates: x.candidates })) };
    });

    app.get('/councils/:id', { schema: { tags, params, response: { 200: s.ZSession } } }, async (req) => {
      const r = await readerScope(req, db);
      return sessionView(db, r.manage, r.userId, req.params.id);
    });

    app.post('/councils', { schema: { tags, body: s.ZOpenSessionRequest, response: { 201: s.ZSession } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'council.manage');
      const user = requireUser(req);
      const view = await db.tx(async (q) => sessionView(q, scope, user.id, (await openCouncilSession(q, actorOf(req), scope, req.body)).id));
      reply.status(201);
      return view;
    });

    app.put('/councils/:id/attendance', { schema: { tags, params, body: s.ZAttendanceRequest, response: { 200: s.ZSession } } }, async (req) => {
      const scope = await authorize(req, db, 'council.manage');
      return db.tx(async (q) => {
        await setAttendance(q, actorOf(req), scope, req.params.id, req.body);
        return sessionView(q, scope, requireUser(req).id, req.params.id);
      });
    });

    app.put('/councils/:id/counts', { schema: { tags, params, body: s.ZCountsRequest, response: { 200: s.ZSession } } }, async (req) => {
      const scope = await authorize(req, db, 'council.manage');
      return db.tx(async (q) => {
        await enterCounts(q, actorOf(req), scope, req.params.id, req.body);
        return sessionView(q, scope, requireUser(req).id, req.params.id);
      });
    });

    app.post('/councils/:id/ballots', { schema: { tags, params, body: s.ZBallotRequest, response: { 201: z.object({ voted: z.literal(true) }) } } }, async (req, reply) => {
      await authorize(req, db, 'council.vote');
      const user = requireUser(req);
      const manage = await resolveScope(db, user, 'council.manage');
      await db.tx((q) => castBallot(q, actorOf(req), user.id, manage, req.params.id, req.body.choices));
      reply.status(201);
      return { voted: true as const };
    });

    app.post('/councils/:id/close', { schema: { tags, params, body: s.ZVersionRequest, response: { 200: s.ZSession } } }, async (req) => {
      const scope = await authorize(req, db, 'council.manage');
      return db.tx(async (q) => {
        await closeVote(q, actorOf(req), scope, req.params.id, req.body.version);
        return sessionView(q, scope, requireUser(req).id, req.params.id);
      });
    });
  };
}

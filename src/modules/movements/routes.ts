import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Queryable } from '../../server/db.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { type Scope, inScope, resolveScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { ancestorChains } from '../org/tree-walks.ts';
import { concludeMovement } from './conclude.ts';
import { dashboard } from './dashboard.ts';
import { statusTable } from './progress.ts';
import { registerUnit, submitReport, launchMovement } from './commands.ts';
import * as repo from './repo.ts';
import * as s from './schema.ts';

const tags = ['movements'];
const params = z.object({ id: s.zId });

/** What a reader sees: their read scope, and the nodes above their roles (a movement scoped there reaches them). */
async function readerOf(req: FastifyRequest, q: Queryable): Promise<{ scope: Scope; above: Set<number> }> {
  const user = requireUser(req);
  const scope = await resolveScope(q, user, 'org.read');
  const chains = await ancestorChains(q, rootsFor(user, 'org.read'));
  return { scope, above: new Set([...chains.values()].flat()) };
}

/** The movement if the reader sees it, and the units whose progress they see (null = all). NOT_FOUND otherwise. */
async function visible(q: Queryable, r: { scope: Scope; above: Set<number> }, id: number): Promise<{ m: repo.MovementRow; units: number[] | null }> {
  const m = await repo.findMovement(q, id);
  if (!m) throw new AppError('NOT_FOUND');
  if (r.scope.all || inScope(r.scope, m.authorityUnitId) || inScope(r.scope, m.scopeUnitId)) return { m, units: null };
  if (!r.above.has(m.scopeUnitId)) throw new AppError('NOT_FOUND');
  return { m, units: r.scope.unitIds };
}

async function movementView(q: Queryable, m: repo.MovementRow): Promise<z.infer<typeof s.ZMovement>> {
  const names = await latestUnitNames(q, [m.authorityUnitId, m.scopeUnitId]);
  return {
    ...m, authorityUnitName: names.get(m.authorityUnitId) ?? '', scopeUnitName: names.get(m.scopeUnitId) ?? '',
    phases: await repo.phasesOf(q, m.id), periods: await repo.periodsOf(q, m.id), criteria: await repo.criteriaOf(q, m.id),
    registrations: await repo.registrationCount(q, m.id),
  };
}

/** Movements (phong trào thi đua): launch, registration, progress reports, status, dashboard, final review. */
export function movementRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/movements', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZMovementList } } }, async (req) => {
      const r = await readerOf(req, db);
      return { items: await repo.listMovements(db, r.scope, [...r.above], req.query.limit, req.query.offset) };
    });

    app.post('/movements', { schema: { tags, body: s.ZLaunchRequest, response: { 201: s.ZMovement } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'movement.manage');
      const view = await db.tx(async (q) => movementView(q, (await repo.findMovement(q, (await launchMovement(q, actorOf(req), scope, req.body)).id)) as repo.MovementRow));
      reply.status(201);
      return view;
    });

    app.get('/movements/:id', { schema: { tags, params, response: { 200: s.ZMovement } } }, async (req) => {
      const { m } = await visible(db, await readerOf(req, db), req.params.id);
      return movementView(db, m);
    });

    app.post('/movements/:id/registrations', { schema: { tags, params, body: s.ZRegisterRequest, response: { 200: s.ZRegistration, 201: s.ZRegistration } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'movement.report');
      const out = await db.tx(async (q) => {
        const r = await registerUnit(q, actorOf(req), scope, req.params.id, req.body);
        const reg = (await repo.findRegistration(q, req.params.id, req.body.unitId)) as { id: number; version: number };
        return { created: r.created, view: { id: reg.id, unitId: req.body.unitId, version: reg.version, commitments: await repo.commitmentsOf(q, reg.id) } };
      });
      reply.status(out.created ? 201 : 200);
      return out.view;
    });

    app.post('/movements/:id/reports', { schema: { tags, params, body: s.ZReportRequest, response: { 200: s.ZReport, 201: s.ZReport } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'movement.report');
      const view = await db.tx(async (q) => {
        await submitReport(q, actorOf(req), scope, req.params.id, req.body);
        const r = (await repo.findReport(q, req.params.id, req.body.unitId, req.body.periodId)) as repo.ReportRow;
        return { ...r, figures: await repo.figuresOf(q, r.id) };
      });
      reply.status(view.version === 1 ? 201 : 200);
      return view;
    });

    app.get('/movements/:id/status', { schema: { tags, params, querystring: z.strictObject({ asOf: s.ZDashboardQuery.shape.asOf }), response: { 200: s.ZStatusTable } } }, async (req) => {
      const { m, units } = await visible(db, await readerOf(req, db), req.params.id);
      return statusTable(db, m.id, units ? new Set(units) : null, req.query.asOf);
    });

    app.get('/movements/:id/dashboard', { schema: { tags, params, querystring: s.ZDashboardQuery, response: { 200: s.ZDashboard } } }, async (req) => {
      const { m, units } = await visible(db, await readerOf(req, db), req.params.id);
      return dashboard(db, m.id, units, req.query);
    });

    app.post('/movements/:id/conclude', { schema: { tags, params, body: s.ZConcludeRequest, response: { 200: s.ZConclusion } } }, async (req) => {
      const scope = await authorize(req, db, 'movement.manage');
      return db.tx((q) => concludeMovement(q, actorOf(req), scope, req.params.id, req.body));
    });

    app.get('/movements/:id/results', { schema: { tags, params, response: { 200: s.ZConclusion } } }, async (req) => {
      const { m, units } = await visible(db, await readerOf(req, db), req.params.id);
      const rows = (await repo.resultsOf(db, m.id)).filter((r) => !units || units.includes(r.unitId));
      const names = await latestUnitNames(db, rows.map((r) => r.unitId));
      return { results: rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? String(r.unitId) })), dossierIds: [...new Set(rows.flatMap((r) => (r.dossierId ? [r.dossierId] : [])))] };
    });
  };
}

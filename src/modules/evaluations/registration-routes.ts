import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { type Scope, assertInScope, resolveScope } from '../auth/scope.ts';
import { moveRegistration, saveRegistration } from './registration-commands.ts';
import { registrationPage } from './registration-page.ts';
import { zId, zYear } from './schema.ts';

const tags = ['registrations'];
const ZItem = z.object({ subjectKind: z.enum(['individual', 'collective']), personId: z.number().nullable(), subjectUnitId: z.number().nullable(), awardCode: z.string(), target: z.string().nullable() });
const ZRegistration = z.object({
  id: z.number(), unitId: z.number(), year: z.number(), status: z.enum(['draft', 'submitted', 'approved', 'returned']), targets: z.string().nullable(),
  returnReason: z.string().nullable(), submittedAt: z.string().nullable(), decidedBy: z.number().nullable(), decidedAt: z.string().nullable(), version: z.number(),
  items: z.array(ZItem),
});
const ZPage = z.object({
  unitId: z.number(),
  year: z.number(),
  registration: ZRegistration.nullable(),
  /** The registrations of the unit's subtree (itself included), for the level above's review. */
  subtree: z.array(z.object({ unitId: z.number(), unitName: z.string(), id: z.number(), status: z.enum(['draft', 'submitted', 'approved', 'returned']), items: z.number(), version: z.number() })),
  /** Titles registered in the subtree by award: all registrations, and the approved ones. */
  totals: z.array(z.object({ awardCode: z.string(), awardName: z.string(), subjectKind: z.enum(['individual', 'collective']), count: z.number(), approved: z.number() })),
  actions: z.object({ canWrite: z.boolean(), canApprove: z.boolean() }),
});
const ZSave = z.strictObject({
  unitId: z.number().int().positive(), year: zYear, version: z.number().int().min(0).nullish(), targets: z.string().trim().max(4000).nullish(),
  items: z.array(z.strictObject({
    subjectKind: z.enum(['individual', 'collective']), personId: z.number().int().positive().nullish(), subjectUnitId: z.number().int().positive().nullish(),
    awardCode: z.string().min(1).max(80), target: z.string().trim().max(1000).nullish(),
  })).max(5000),
});
const ZMove = z.strictObject({ version: z.number().int().positive(), reason: z.string().trim().max(2000).nullish() });

/** Who may see registrations: the units that write them and the levels that approve them. */
async function readScope(req: Parameters<typeof requireUser>[0], db: ModuleDeps['db']): Promise<{ read: Scope; write: Scope; approve: Scope }> {
  const user = requireUser(req);
  if (rootsFor(user, 'registration.write').length + rootsFor(user, 'registration.approve').length === 0) throw new AppError('FORBIDDEN', { permission: 'registration.write' });
  const write = await resolveScope(db, user, 'registration.write');
  const approve = await resolveScope(db, user, 'registration.approve');
  return { read: write.all || approve.all ? { all: true } : { all: false, unitIds: [...new Set([...write.unitIds, ...approve.unitIds])] }, write, approve };
}

/** Registration of emulation targets: a unit's page with its subtree's totals, save, submit, approve, return. */
export function registrationRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/registrations', { schema: { tags, querystring: z.strictObject({ unitId: zId, year: zYear }), response: { 200: ZPage } } }, async (req) => {
      const scopes = await readScope(req, db);
      const { unitId, year } = req.query;
      assertInScope(scopes.read, unitId);
      return registrationPage(db, scopes, unitId, year);
    });

    app.put('/registrations', { schema: { tags, body: ZSave, response: { 200: ZRegistration } } }, async (req) => {
      const scope = await authorize(req, db, 'registration.write');
      return saveRegistration(db, actorOf(req), scope, req.body);
    });

    app.post('/registrations/:id/submit', { schema: { tags, params: z.object({ id: zId }), body: ZMove, response: { 200: ZRegistration } } }, async (req) => {
      const scope = await authorize(req, db, 'registration.write');
      return moveRegistration(db, actorOf(req), scope, req.params.id, 'submit', req.body);
    });

    app.post('/registrations/:id/approve', { schema: { tags, params: z.object({ id: zId }), body: ZMove, response: { 200: ZRegistration } } }, async (req) => {
      const scope = await authorize(req, db, 'registration.approve');
      return moveRegistration(db, actorOf(req), scope, req.params.id, 'approve', req.body);
    });

    app.post('/registrations/:id/return', { schema: { tags, params: z.object({ id: zId }), body: ZMove, response: { 200: ZRegistration } } }, async (req) => {
      const scope = await authorize(req, db, 'registration.approve');
      return moveRegistration(db, actorOf(req), scope, req.params.id, 'return', req.body);
    });
  };
}

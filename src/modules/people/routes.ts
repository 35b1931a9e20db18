import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { type Scope, inScope, resolveScope } from '../auth/scope.ts';
import { createPerson, transferPerson, updatePerson } from './commands.ts';
import './follow-reorg.ts';
import { revealPersonalData } from './personal-data.ts';
import { personDetail } from './queries.ts';
import * as s from './schema.ts';
import { searchPeople } from './search.ts';
import { unitRecords } from './unit-records.ts';
import { addWork, withdrawWork, worksOf } from './works.ts';

const tags = ['people'];
const zParams = z.object({ id: z.coerce.number().int().positive() });
const NOWHERE: Scope = { all: false, unitIds: [] };

/**
 * People routes: search, detail (positions, ratings, titles, awards), the audited read of one person's
 * full CCCD and birth date, create, edit, transfer.
 */
export function peopleRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/people', { schema: { tags, querystring: s.ZSearchQuery, response: { 200: s.ZSearchResponse } } }, async (req) => {
      const scope = await authorize(req, db, 'people.read');
      const personalScope = req.user ? await resolveScope(db, req.user, 'people.personal_data') : NOWHERE;
      return searchPeople(db, scope, personalScope, req.query);
    });

    const detail = async (req: FastifyRequest, id: number) => {
      const scope = await authorize(req, db, 'people.read');
      const person = await personDetail(db, scope, id);
      const writeScope = req.user ? await resolveScope(db, req.user, 'people.write') : NOWHERE;
      const personalScope = req.user ? await resolveScope(db, req.user, 'people.personal_data') : NOWHERE;
      return { ...person, actions: { canEdit: inScope(writeScope, person.currentUnitId), canRevealPersonalData: inScope(personalScope, person.currentUnitId) } };
    };

    app.get('/people/:id', { schema: { tags, params: zParams, response: { 200: s.ZPersonDetail } } }, async (req) => detail(req, req.params.id));

    // A GET that writes the audit log: showing a full CCCD is a read the law wants recorded (Decree 13/2023).
    app.get('/people/:id/personal-data', { schema: { tags, params: zParams, response: { 200: s.ZPersonalData } } }, async (req, reply) => {
      const personalScope = await authorize(req, db, 'people.personal_data');
      const readScope = await resolveScope(db, requireUser(req), 'people.read');
      reply.header('cache-control', 'no-store');
      return revealPersonalData(db, actorOf(req), readScope, personalScope, req.params.id);
    });

    app.get('/units/:id/records', { schema: { tags, params: zParams, response: { 200: s.ZUnitRecords } } }, async (req) => {
      const scope = await authorize(req, db, 'org.read');
      return unitRecords(db, scope, req.params.id);
    });

    app.post('/people', { schema: { tags, body: s.ZCreatePersonRequest, response: { 201: s.ZPersonDetail } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'people.write');
      const id = await createPerson(db, actorOf(req), scope, req.body);
      reply.status(201);
      return detail(req, id);
    });

    app.patch('/people/:id', { schema: { tags, params: zParams, body: s.ZUpdatePersonRequest, response: { 200: s.ZPersonDetail } } }, async (req) => {
      const scope = await authorize(req, db, 'people.write');
      await updatePerson(db, actorOf(req), scope, req.params.id, req.body);
      return detail(req, req.params.id);
    });

    app.get('/people/:id/works', { schema: { tags, params: zParams, response: { 200: s.ZWorks } } }, async (req) => {
      const scope = await authorize(req, db, 'people.read');
      return { items: await worksOf(db, scope, req.params.id) };
    });

    app.post('/people/:id/works', { schema: { tags, params: zParams, body: s.ZAddWorkRequest, response: { 201: s.ZWork } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'people.write');
      const work = await db.tx((q) => addWork(q, actorOf(req), scope, req.params.id, req.body));
      reply.status(201);
      return work;
    });

    app.post('/people/:id/works/:kind/:workId/withdraw', { schema: { tags, params: s.ZWorkParams, body: s.ZWithdrawWorkRequest, response: { 200: s.ZWork } } }, async (req) => {
      const scope = await authorize(req, db, 'people.write');
      return db.tx((q) => withdrawWork(q, actorOf(req), scope, req.params.id, req.params.kind, req.params.workId, req.body.on));
    });

    app.post('/people/:id/transfers', { schema: { tags, params: zParams, body: s.ZTransferRequest, response: { 200: s.ZPersonDetail } } }, async (req) => {
      const scope = await authorize(req, db, 'people.write');
      await transferPerson(db, actorOf(req), scope, req.params.id, req.body);
      return detail(req, req.params.id);
    });
  };
}

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { authorize, fileResponse, requirePermission, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { addComment, addPart, answerConcurrence, partFile, removePart, requestConcurrence } from './commands-parts.ts';
import { addNominee, createDossier, overrideCheck, removeNominee } from './commands.ts';
import { inScope } from '../auth/scope.ts';
import { levelsAbove } from './levels.ts';
import { MAX_PART_BYTES } from './pdf.ts';
import { dossierDetail, listForUser } from './queries.ts';
import * as s from './schema.ts';
import { transition } from './transition.ts';
// Registered at load: the inbox source "dossiers" and the decisions register's hook (closes answered dossiers).
import './inbox.ts';
import './decision-link.ts';
import './reminders.ts';

const tags = ['dossiers'];

/** Nomination dossiers: list, detail with history, drafts (nominees, parts), transitions, comments, concurrences. */
export function dossierRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/dossiers', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZList } } }, async (req) => {
      await authorize(req, db, 'dossier.read');
      return listForUser(db, requireUser(req), req.query);
    });

    app.get('/dossiers/receivers', { schema: { tags, querystring: s.ZReceiversQuery, response: { 200: s.ZReceivers } } }, async (req) => {
      const scope = await authorize(req, db, 'dossier.write');
      if (!inScope(scope, req.query.senderUnitId)) throw new AppError('NOT_FOUND', { field: 'senderUnitId' });
      return { units: await levelsAbove(db, req.query.senderUnitId) };
    });

    app.get('/dossiers/:id', { schema: { tags, params: s.ZIdParams, response: { 200: s.ZDetail } } }, async (req) => {
      await authorize(req, db, 'dossier.read');
      return dossierDetail(db, requireUser(req), req.params.id);
    });

    app.post('/dossiers', { schema: { tags, body: s.ZCreateRequest, response: { 201: s.ZCreated, 200: s.ZCreated } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.write');
      const out = await createDossier(db, requireUser(req), req.body);
      reply.status(out.created ? 201 : 200);
      return out;
    });

    app.post('/dossiers/:id/transitions', { schema: { tags, params: s.ZIdParams, body: s.ZTransitionRequest, response: { 200: s.ZTransitionResult } } }, async (req) => {
      // The scope is resolved once, inside the step's transaction (transition.ts).
      return transition(db, requirePermission(req, 'dossier.read'), req.params.id, req.body);
    });

    app.post('/dossiers/:id/nominees', { schema: { tags, params: s.ZIdParams, body: s.ZNomineeRequest, response: { 201: s.ZNomineeAdded } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.write');
      reply.status(201);
      return addNominee(db, requireUser(req), req.params.id, req.body);
    });

    app.delete('/dossiers/:id/nominees/:nomineeId', { schema: { tags, params: s.ZNomineeParams, querystring: s.ZVersionQuery, response: { 200: s.ZVersioned } } }, async (req) => {
      await authorize(req, db, 'dossier.write');
      return removeNominee(db, requireUser(req), req.params.id, req.params.nomineeId, req.query.version);
    });

    app.put('/dossiers/:id/nominees/:nomineeId/override', { schema: { tags, params: s.ZNomineeParams, body: s.ZOverrideRequest, response: { 200: s.ZVersioned } } }, async (req) => {
      await authorize(req, db, 'dossier.write');
      return overrideCheck(db, requireUser(req), req.params.id, req.params.nomineeId, req.body);
    });

    app.post('/dossiers/:id/parts', { schema: { tags, params: s.ZIdParams, querystring: s.ZPartQuery, response: { 201: s.ZPartAdded } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.write');
      const file = await req.file({ limits: { fileSize: MAX_PART_BYTES } });
      if (!file) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', rule: 'required' }] });
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${MAX_PART_BYTES / 1_048_576} MB`, field: 'file' });
        throw error;
      }
      const fileName = file.filename.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'tep.pdf';
      reply.status(201);
      return addPart(db, requireUser(req), req.params.id, { version: req.query.version, kind: req.query.kind, nomineeId: req.query.nomineeId ?? null, fileName, content });
    });

    app.delete('/dossiers/:id/parts/:partId', { schema: { tags, params: s.ZPartParams, querystring: s.ZVersionQuery, response: { 200: s.ZVersioned } } }, async (req) => {
      await authorize(req, db, 'dossier.write');
      return removePart(db, requireUser(req), req.params.id, req.params.partId, req.query.version);
    });

    // Never rendered by the browser: a download of a PDF, with no sniffing of its type.
    app.get('/dossiers/:id/parts/:partId/file', { schema: { tags, params: s.ZPartParams, response: { 200: fileResponse('application/pdf', 'The part as stored (a PDF)') } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.read');
      const file = await partFile(db, requireUser(req), req.params.id, req.params.partId);
      const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'tep.pdf';
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      return reply.send(file.content);
    });

    app.post('/dossiers/:id/comments', { schema: { tags, params: s.ZIdParams, body: s.ZCommentRequest, response: { 201: s.ZCommentAdded } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.appraise');
      reply.status(201);
      return addComment(db, requireUser(req), req.params.id, { ...req.body, nomineeId: req.body.nomineeId ?? null });
    });

    app.post('/dossiers/:id/concurrences', { schema: { tags, params: s.ZIdParams, body: s.ZConcurrenceRequest, response: { 201: s.ZConcurrenceAnswerView } } }, async (req, reply) => {
      await authorize(req, db, 'dossier.appraise');
      reply.status(201);
      return requestConcurrence(db, requireUser(req), req.params.id, { ...req.body, agencyUnitId: req.body.agencyUnitId ?? null });
    });

    app.post('/dossiers/:id/concurrences/:concurrenceId/answer', { schema: { tags, params: s.ZConcurrenceParams, body: s.ZConcurrenceAnswer, response: { 200: s.ZConcurrenceAnswerView } } }, async (req) => {
      await authorize(req, db, 'dossier.appraise');
      return answerConcurrence(db, requireUser(req), req.params.id, req.params.concurrenceId, { ...req.body, note: req.body.note ?? null });
    });
  };
}

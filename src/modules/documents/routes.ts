import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Db } from '../../server/db.ts';
import { actorOf, authorize, fileResponse, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { inScope, resolveScope } from '../auth/scope.ts';
import { sessionView } from '../councils/view.ts';
import { decisionDetail } from '../decisions/view.ts';
import { loadVisible } from '../dossiers/access.ts';
import { latestUnitNames } from '../org/names.ts';
import './decision-hook.ts';
import * as s from './schema.ts';
import { type DocRef, documentUnit, documentView, issueDocument, issuedDocumentOf, renderDraft, saveDraft } from './service.ts';
import { createUnitWording, listWordings, updateWording } from './wording.ts';

const tags = ['documents'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const files = { 200: fileResponse(DOCX, 'The document as .docx (format=docx) or as PDF (format=pdf, application/pdf)') };

/** Who may read a document: whoever may read what it is made from (decision.read, dossier.read, the session). */
async function assertReadable(db: Db, req: FastifyRequest, ref: DocRef): Promise<void> {
  const user = requireUser(req);
  if (ref.kind === 'decision') await decisionDetail(db, await authorize(req, db, 'decision.read'), ref.refId);
  else if (ref.kind === 'council_minutes') await sessionView(db, await resolveScope(db, user, 'council.manage'), user.id, ref.refId);
  else await loadVisible(db, user, ref.kind === 'achievement_report' ? ref.dossierId : ref.refId);
}

/** Who may edit or issue it: document.write over its unit (the decision's authority, the dossier's sender, the session's unit). */
async function assertWritable(db: Db, req: FastifyRequest, ref: DocRef): Promise<void> {
  await assertReadable(db, req, ref);
  const scope = await authorize(req, db, 'document.write');
  if (!inScope(scope, await documentUnit(db, ref))) throw new AppError('FORBIDDEN', { permission: 'document.write' });
}

const asciiName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-');

function send(reply: FastifyReply, bytes: Buffer, format: 'docx' | 'pdf', name: string): Buffer {
  const file = `${name}.${format}`;
  reply.header('content-type', format === 'pdf' ? 'application/pdf' : DOCX);
  reply.header('content-disposition', `attachment; filename="${asciiName(file)}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'; sandbox");
  return bytes;
}

const FILE_NAMES: Record<DocRef['kind'], string> = {
  decision: 'quyet-dinh', submission_letter: 'to-trinh', dossier_cover: 'danh-muc-ho-so', achievement_report: 'bao-cao-thanh-tich', council_minutes: 'bien-ban-hop',
};

/**
 * The bytes of a document: stored ones once issued; a decision issued before its document existed is issued now
 * (once, in a transaction); a draft is made from the data each time.
 */
async function fileOf(db: Db, ref: DocRef, format: 'docx' | 'pdf'): Promise<Buffer> {
  const stored = await issuedDocumentOf(db, ref, format);
  if (stored) return stored;
  const rendered = await renderDraft(db, ref);
  if (ref.kind === 'decision' && (await decisionDetail(db, { all: true }, ref.refId)).status === 'issued') {
    await db.tx((q) => issueDocument(q, { id: null, name: 'decision.issue' }, ref, rendered));
    return (await issuedDocumentOf(db, ref, format)) as Buffer;
  }
  return format === 'docx' ? rendered.docx : rendered.pdf;
}

/** Documents: draft text (read, edit), issue, download; and the authority wording administrators edit. */
export function documentRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    // One set of routes per thing a document is made from.
    const targets: { path: string; params: z.ZodType; ref: (p: Record<string, unknown>) => DocRef; issuable: boolean }[] = [
      { path: '/decisions/:id/document', params: z.object({ id: s.zId }), ref: (p) => ({ kind: 'decision', refId: p.id as number }), issuable: false },
      { path: '/dossiers/:id/documents/:kind', params: z.object({ id: s.zId, kind: z.enum(['submission_letter', 'dossier_cover']) }), ref: (p) => ({ kind: p.kind as 'submission_letter', refId: p.id as number }), issuable: true },
      { path: '/dossiers/:id/nominees/:nomineeId/report', params: z.object({ id: s.zId, nomineeId: s.zId }), ref: (p) => ({ kind: 'achievement_report', refId: p.nomineeId as number, dossierId: p.id as number }), issuable: true },
      { path: '/councils/:id/minutes', params: z.object({ id: s.zId }), ref: (p) => ({ kind: 'council_minutes', refId: p.id as number }), issuable: true },
    ];

    for (const t of targets) {
      app.get(t.path, { schema: { tags, params: t.params, response: { 200: s.ZDocument } } }, async (req) => {
        const ref = t.ref(req.params as Record<string, unknown>);
        await assertReadable(db, req, ref);
        return documentView(db, ref);
      });

      app.put(t.path, { schema: { tags, params: t.params, body: s.ZSaveDraftRequest, response: { 200: s.ZDocument } } }, async (req) => {
        const ref = t.ref(req.params as Record<string, unknown>);
        await assertWritable(db, req, ref);
        if (ref.kind === 'decision') {
          const d = await decisionDetail(db, { all: true }, ref.refId);
          if (d.status !== 'draft') throw new AppError('DOCUMENT_ISSUED', { issuedAt: d.issuedAt ?? d.decidedOn, status: d.status });
        }
        return db.tx((q) => saveDraft(q, actorOf(req), ref, req.body.content, req.body.version));
      });

      app.get(`${t.path}/file`, { schema: { tags, params: t.params, querystring: s.ZFormatQuery, response: files } }, async (req, reply) => {
        const ref = t.ref(req.params as Record<string, unknown>);
        await assertReadable(db, req, ref);
        return send(reply, await fileOf(db, ref, req.query.format), req.query.format, `${FILE_NAMES[ref.kind]}-${ref.refId}`);
      });

      if (!t.issuable) continue;
      app.post(`${t.path}/issue`, { schema: { tags, params: t.params, body: s.ZIssueRequest, response: { 200: s.ZDocument } } }, async (req) => {
        const ref = t.ref(req.params as Record<string, unknown>);
        await assertWritable(db, req, ref);
        const rendered = await renderDraft(db, ref); // outside the transaction: rendering is slow
        return db.tx(async (q) => {
          const now = await documentView(q, ref);
          if (now.status === 'issued') throw new AppError('DOCUMENT_ISSUED', { issuedAt: now.issuedAt, kind: ref.kind });
          if (now.version !== req.body.version) throw new AppError('VERSION_CONFLICT', { current: now.version, sent: req.body.version });
          return issueDocument(q, actorOf(req), ref, rendered);
        });
      });
    }

    app.get('/document-wordings', { schema: { tags, response: { 200: s.ZWordingList } } }, async (req) => {
      await authorize(req, db, 'document.template');
      const rows = await listWordings(db);
      const names = await latestUnitNames(db, rows.map((r) => r.unitId));
      return { items: rows.map((r) => ({ ...r, unitName: r.unitId ? (names.get(r.unitId) ?? null) : null })) };
    });

    app.post('/document-wordings', { schema: { tags, body: s.ZCreateWordingRequest, response: { 201: s.ZWording } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'document.template');
      if (!inScope(scope, req.body.unitId)) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const row = await db.tx((q) => createUnitWording(q, actorOf(req), req.body.unitId));
      reply.status(201);
      return { ...row, unitName: (await latestUnitNames(db, [row.unitId])).get(row.unitId as number) ?? null };
    });

    app.put('/document-wordings/:id', { schema: { tags, params: z.object({ id: s.zId }), body: s.ZUpdateWordingRequest, response: { 200: s.ZWording } } }, async (req) => {
      const scope = await authorize(req, db, 'document.template');
      const row = await db.tx(async (q) => {
        const current = (await listWordings(q)).find((w) => w.id === req.params.id);
        // A unit's own row is edited within the admin's scope; kind defaults need the whole city.
        if (!current || (current.unitId ? !inScope(scope, current.unitId) : !scope.all)) throw new AppError('NOT_FOUND');
        return updateWording(q, actorOf(req), req.params.id, req.body);
      });
      return { ...row, unitName: row.unitId ? ((await latestUnitNames(db, [row.unitId])).get(row.unitId) ?? null) : null };
    });
  };
}

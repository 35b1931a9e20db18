// The lifecycle of a document: a draft (the text made from the data, with what a user edited laid over it) → issued
// (the .docx and PDF bytes and their sha256 stored once; an issued document is read back, never made again).
import { createHash } from 'node:crypto';
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { decisionDefaults, decisionModel, loadDecisionData } from './compose-decision.ts';
import { coverDefaults, coverModel, loadDossierData, submissionDefaults, submissionModel } from './compose-dossier.ts';
import { loadMinutesData, minutesDefaults, minutesModel } from './compose-minutes.ts';
import { loadReportData, reportDefaults, reportModel } from './compose-report.ts';
import { type AnyContent, checkContent, mergeContent } from './content.ts';
import type { DocModel, DocumentKind } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import * as repo from './repo.ts';

/** What a document is made from: the decision, the dossier, a nominee of a dossier, or a council session. */
export type DocRef =
  | { kind: 'decision'; refId: number }
  | { kind: 'submission_letter' | 'dossier_cover'; refId: number }
  | { kind: 'achievement_report'; refId: number; dossierId: number }
  | { kind: 'council_minutes'; refId: number };

interface Made { content: AnyContent; model: (content: AnyContent) => DocModel; unitId: number }

/** Loads the data of a document and says how to make its model from a text (no database work after this). */
async function prepare(q: Queryable, ref: DocRef): Promise<Made> {
  switch (ref.kind) {
    case 'decision': {
      const d = await loadDecisionData(q, ref.refId);
      return { content: decisionDefaults(d), model: (c) => decisionModel(d, c as ReturnType<typeof decisionDefaults>), unitId: d.decision.authorityUnitId };
    }
    case 'submission_letter': {
      const d = await loadDossierData(q, ref.refId);
      return { content: submissionDefaults(d), model: (c) => submissionModel(d, c as ReturnType<typeof submissionDefaults>), unitId: d.dossier.senderUnitId };
    }
    case 'dossier_cover': {
      const d = await loadDossierData(q, ref.refId);
      return { content: coverDefaults(d), model: (c) => coverModel(d, c as ReturnType<typeof coverDefaults>), unitId: d.dossier.senderUnitId };
    }
    case 'achievement_report': {
      const d = await loadReportData(q, ref.dossierId, ref.refId);
      return { content: reportDefaults(d), model: (c) => reportModel(d, c as ReturnType<typeof reportDefaults>), unitId: d.dossier.dossier.senderUnitId };
    }
    case 'council_minutes': {
      const d = await loadMinutesData(q, ref.refId);
      return { content: minutesDefaults(d), model: (c) => minutesModel(d, c as ReturnType<typeof minutesDefaults>), unitId: d.session.org_unit_id };
    }
  }
}

export interface DocumentView {
  kind: DocumentKind;
  refId: number;
  status: 'draft' | 'issued';
  content: AnyContent;
  /** The keys a user changed from the text made from the data. */
  edited: string[];
  version: number;
  issuedAt: string | null;
  docxSha256: string | null;
  pdfSha256: string | null;
  /** Why the draft cannot be made into a document yet (no signer, a vote still open…): the error's code and field. */
  problem: { code: string; field: string | null } | null;
}

const view = (ref: DocRef, row: repo.DocumentRow | null, content: AnyContent, problem: DocumentView['problem'] = null): DocumentView => ({
  kind: ref.kind, refId: ref.refId, status: row?.status ?? 'draft', content, edited: row?.status === 'issued' ? [] : Object.keys(row?.content ?? {}),
  version: row?.version ?? 1, issuedAt: row?.issuedAt ?? null, docxSha256: row?.docxSha256 ?? null, pdfSha256: row?.pdfSha256 ?? null, problem,
});

/** Whether a text makes a document, without rendering it. */
function problemOf(made: Made, content: AnyContent): DocumentView['problem'] {
  try {
    made.model(content);
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, field: typeof e.details.field === 'string' ? e.details.field : null };
  }
}

/** A document's text (as issued, or the draft's) and state. @throws AppError NOT_FOUND | DOCUMENT_INCOMPLETE */
export async function documentView(q: Queryable, ref: DocRef): Promise<DocumentView> {
  const row = await repo.findDocument(q, ref.kind, ref.refId);
  if (row?.status === 'issued') return view(ref, row, row.content);
  const made = await prepare(q, ref);
  const content = mergeContent(made.content, row?.content ?? {});
  return view(ref, row, content, problemOf(made, content));
}

/** The unit whose document.write scope may edit or issue it (decision: its authority; dossier: the sender). */
export async function documentUnit(q: Queryable, ref: DocRef): Promise<number> {
  return (await prepare(q, ref)).unitId;
}

/**
 * Saves edited text over the draft (only the keys sent; each checked). A document issued is never edited.
 * @throws AppError DOCUMENT_ISSUED | VERSION_CONFLICT | DOCUMENT_CONTENT_INVALID
 */
export async function saveDraft(q: Queryable, actor: Actor, ref: DocRef, content: unknown, version: number): Promise<DocumentView> {
  const edit = checkContent(ref.kind, content);
  const made = await prepare(q, ref);
  const row = await repo.lockDocument(q, ref.kind, ref.refId);
  if (row.status === 'issued') throw new AppError('DOCUMENT_ISSUED', { issuedAt: row.issuedAt, kind: ref.kind });
  if (row.version !== version) throw new AppError('VERSION_CONFLICT', { current: row.version, sent: version });
  // Keep only what differs from the text made from the data: a later change of the data still shows where not edited.
  const kept = Object.fromEntries(Object.entries({ ...row.content, ...edit }).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(made.content[k])));
  await repo.saveContent(q, row.id, kept);
  await audit(q, actor, [{ action: 'document.draft', entity: 'document', entityId: row.id, orgUnitId: made.unitId, before: { content: row.content, version: row.version }, after: { content: kept, version: row.version + 1 } }]);
  const merged = mergeContent(made.content, kept);
  return view(ref, { ...row, content: kept, version: row.version + 1 }, merged, problemOf(made, merged));
}

export interface Rendered { docx: Buffer; pdf: Buffer; content: AnyContent; model: DocModel }

/** Makes both files of a draft (no write). @throws AppError NOT_FOUND | DOCUMENT_INCOMPLETE */
export async function renderDraft(q: Queryable, ref: DocRef): Promise<Rendered> {
  const row = await repo.findDocument(q, ref.kind, ref.refId);
  const made = await prepare(q, ref);
  const content = mergeContent(made.content, row?.content ?? {});
  const model = made.model(content);
  const [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
  return { docx, pdf, content, model };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issues a document in the caller's transaction: makes its files from the draft text and stores them with their
 * sha256. Issuing twice answers the first issue (the bytes are never made again).
 * @throws AppError NOT_FOUND | DOCUMENT_INCOMPLETE
 */
export async function issueDocument(q: Queryable, actor: Actor, ref: DocRef, rendered?: Rendered): Promise<DocumentView> {
  const row = await repo.lockDocument(q, ref.kind, ref.refId);
  if (row.status === 'issued') return view(ref, row, row.content);
  const r = rendered ?? (await renderDraft(q, ref));
  const f = { content: r.content, docx: r.docx, pdf: r.pdf, docxSha256: sha256(r.docx), pdfSha256: sha256(r.pdf), actorId: actor.id };
  await repo.markIssued(q, row.id, f);
  await audit(q, actor, [{ action: 'document.issue', entity: 'document', entityId: row.id, before: { status: 'draft', version: row.version }, after: { status: 'issued', kind: ref.kind, refId: ref.refId, docxSha256: f.docxSha256, pdfSha256: f.pdfSha256 } }]);
  return (await documentView(q, ref));
}

/** The issued bytes of a document, or null when it was not issued. */
export async function issuedDocumentOf(q: Queryable, ref: Pick<DocRef, 'kind' | 'refId'>, format: 'docx' | 'pdf'): Promise<Buffer | null> {
  return repo.issuedBytes(q, ref.kind, ref.refId, format);
}

/** A decision's document as it reads now: the issued bytes once issued, else the draft made from the data. */
export async function renderDecisionDocx(q: Queryable, decisionId: number): Promise<Buffer> {
  return (await issuedDocumentOf(q, { kind: 'decision', refId: decisionId }, 'docx')) ?? (await renderDraft(q, { kind: 'decision', refId: decisionId })).docx;
}

/** The PDF counterpart of `renderDecisionDocx`. */
export async function renderDecisionPdf(q: Queryable, decisionId: number): Promise<Buffer> {
  return (await issuedDocumentOf(q, { kind: 'decision', refId: decisionId }, 'pdf')) ?? (await renderDraft(q, { kind: 'decision', refId: decisionId })).pdf;
}

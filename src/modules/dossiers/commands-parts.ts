/** Parts (PDF files), consultation comments and concurrence (hiệp y) requests of a dossier. */
import type { Db } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import type { AuthUser } from '../auth/roles.ts';
import { assertMayAct, loadVisible } from './access.ts';
import { editDraft } from './commands.ts';
import { addWorkingDays } from './deadlines.ts';
import { checkPdf } from './pdf.ts';
import * as repo from './repo.ts';
import * as children from './repo-children.ts';
import { assertDossierVersion } from './transition.ts';
import { type PartKind, workflowById } from './workflow.ts';

/**
 * Adds a PDF part (checked by its content) to a draft or returned dossier.
 * @throws AppError DOSSIER_PART_NOT_PDF | PAYLOAD_TOO_LARGE | NOT_FOUND (nominee) | VERSION_CONFLICT | DOSSIER_NOT_EDITABLE
 */
export function addPart(db: Db, user: AuthUser, id: number, input: { version: number; kind: PartKind; nomineeId: number | null; fileName: string; content: Buffer }) {
  const { sha256 } = checkPdf(input.content, input.fileName);
  return editDraft(db, user, id, input.version, 'add_part', async (q) => {
    if (input.nomineeId !== null && !(await children.nomineesOf(q, id)).some((n) => n.id === input.nomineeId)) throw new AppError('NOT_FOUND', { field: 'nomineeId' });
    const part = await children.insertPart(q, { dossierId: id, kind: input.kind, nomineeId: input.nomineeId, fileName: nfc(input.fileName), sha256, content: input.content, createdBy: user.id });
    return { result: { part }, audit: { partId: part.id, kind: part.kind, nomineeId: part.nomineeId, fileName: part.fileName, sha256, sizeBytes: part.sizeBytes } };
  });
}

export function removePart(db: Db, user: AuthUser, id: number, partId: number, version: number) {
  return editDraft(db, user, id, version, 'remove_part', async (q) => {
    const part = await children.deletePart(q, id, partId);
    if (!part) throw new AppError('NOT_FOUND', { field: 'partId' });
    return { result: {}, audit: { partId, removed: part.fileName, sha256: part.sha256 } };
  });
}

/** A part's bytes for whoever may read the dossier. @throws AppError NOT_FOUND */
export async function partFile(db: Db, user: AuthUser, id: number, partId: number): Promise<{ fileName: string; content: Buffer }> {
  await loadVisible(db, user, id);
  const file = await children.partContent(db, id, partId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/**
 * Records a comment received during the public consultation (entered by an officer of the receiving level).
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED (no consultation open) | DOSSIER_ACTION_FORBIDDEN | VERSION_CONFLICT
 */
export async function addComment(db: Db, user: AuthUser, id: number, input: { version: number; nomineeId: number | null; commenter: string; content: string; receivedOn?: string | null }) {
  return db.tx(async (q) => {
    const d = await loadVisible(q, user, id, true);
    await assertDossierVersion(q, d, input.version);
    if (d.state !== 'consultation') throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action: 'add_comment', state: d.state, rule: 'state', allowedFrom: ['consultation'] });
    await assertMayAct(q, user, d, 'add_comment', 'dossier.appraise', 'receiver');
    if (input.nomineeId !== null && !(await children.nomineesOf(q, id)).some((n) => n.id === input.nomineeId)) throw new AppError('NOT_FOUND', { field: 'nomineeId' });
    const commentId = await children.insertComment(q, { dossierId: id, nomineeId: input.nomineeId, commenter: nfc(input.commenter), content: nfc(input.content), receivedOn: input.receivedOn ?? cityToday(), enteredBy: user.id });
    const version = await repo.touch(q, id);
    await audit(q, { id: user.id, name: user.username }, [{ action: 'dossier.add_comment', entity: 'dossier', entityId: id, orgUnitId: d.receiverUnitId, before: { version: d.version }, after: { commentId, version } }]);
    return { commentId, version };
  });
}

const CONCURRENCE_STATES = ['received', 'appraisal', 'council', 'consultation'];

/**
 * Asks another agency for its concurrence (hiệp y); the answer is due in the workflow's working days.
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED | DOSSIER_ACTION_FORBIDDEN | VERSION_CONFLICT
 */
export async function requestConcurrence(db: Db, user: AuthUser, id: number, input: { version: number; agency: string; agencyUnitId: number | null }) {
  return db.tx(async (q) => {
    const d = await loadVisible(q, user, id, true);
    await assertDossierVersion(q, d, input.version);
    if (!CONCURRENCE_STATES.includes(d.state)) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action: 'request_concurrence', state: d.state, rule: 'state', allowedFrom: CONCURRENCE_STATES });
    await assertMayAct(q, user, d, 'request_concurrence', 'dossier.appraise', 'receiver');
    const today = cityToday();
    const row = await children.insertConcurrence(q, { dossierId: id, agency: nfc(input.agency), agencyUnitId: input.agencyUnitId, requestedOn: today, dueOn: await addWorkingDays(q, today, workflowById(d.workflow).concurrence_days), requestedBy: user.id });
    const version = await repo.touch(q, id);
    await audit(q, { id: user.id, name: user.username }, [{ action: 'dossier.request_concurrence', entity: 'dossier', entityId: id, orgUnitId: d.receiverUnitId, before: { version: d.version }, after: { concurrenceId: row.id, agency: row.agency, dueOn: row.dueOn, version } }]);
    return { concurrence: row, version };
  });
}

/** Records the agency's answer. @throws AppError NOT_FOUND | VERSION_CONFLICT (of the request) | DOSSIER_ACTION_FORBIDDEN */
export async function answerConcurrence(db: Db, user: AuthUser, id: number, concurrenceId: number, input: { version: number; answer: 'agree' | 'disagree'; note: string | null }) {
  return db.tx(async (q) => {
    const d = await loadVisible(q, user, id, true);
    await assertMayAct(q, user, d, 'answer_concurrence', 'dossier.appraise', 'receiver');
    const c = await children.lockConcurrence(q, id, concurrenceId);
    await assertVersion(q, 'dossier_concurrence', concurrenceId, c?.version, input.version);
    if (c?.answer) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action: 'answer_concurrence', state: d.state, rule: 'already_answered' });
    const row = await children.answerConcurrence(q, concurrenceId, { answer: input.answer, note: input.note ? nfc(input.note) : null, answeredOn: cityToday(), answeredBy: user.id });
    const version = await repo.touch(q, id);
    await audit(q, { id: user.id, name: user.username }, [{ action: 'dossier.answer_concurrence', entity: 'dossier_concurrence', entityId: concurrenceId, orgUnitId: d.receiverUnitId, before: { answer: null, version: c?.version }, after: { answer: row.answer, note: row.answerNote, version: row.version } }]);
    return { concurrence: row, version };
  });
}

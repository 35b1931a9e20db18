/** SQL of a dossier's nominees, parts, return reasons, consultation comments and concurrence requests. */
import type { Queryable } from '../../server/db.ts';
import type { PartKind } from './workflow.ts';

export interface NomineeRow {
  id: number;
  dossierId: number;
  subjectKind: 'individual' | 'collective';
  personId: number | null;
  unitId: number | null;
  name: string;
  checkResult: Record<string, unknown>;
  checkedOn: string;
  eligible: 'true' | 'false' | 'needs_review';
  overrideReason: string | null;
}

const NOMINEE = `id, dossier_id as "dossierId", subject_kind as "subjectKind", person_id as "personId", unit_id as "unitId", name,
  check_result as "checkResult", checked_on as "checkedOn", eligible, override_reason as "overrideReason"`;

export function nomineesOf(q: Queryable, dossierId: number): Promise<NomineeRow[]> {
  return q.query<NomineeRow>(`select ${NOMINEE} from dossier_nominee where dossier_id = $1 order by id`, [dossierId]);
}

export async function insertNominee(q: Queryable, n: Omit<NomineeRow, 'id' | 'overrideReason'> & { overrideReason: string | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into dossier_nominee (dossier_id, subject_kind, person_id, unit_id, name, check_result, checked_on, eligible, override_reason)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning id`,
    [n.dossierId, n.subjectKind, n.personId, n.unitId, n.name, JSON.stringify(n.checkResult), n.checkedOn, n.eligible, n.overrideReason],
  );
  return row.id;
}

export async function updateNomineeCheck(q: Queryable, id: number, checkResult: unknown, checkedOn: string, eligible: string): Promise<void> {
  await q.query('update dossier_nominee set check_result = $2, checked_on = $3, eligible = $4 where id = $1', [id, JSON.stringify(checkResult), checkedOn, eligible]);
}

export async function setOverride(q: Queryable, id: number, reason: string | null): Promise<void> {
  await q.query('update dossier_nominee set override_reason = $2 where id = $1', [id, reason]);
}

/** Removes a nominee with the parts and open return reasons that name it. */
export async function deleteNominee(q: Queryable, id: number): Promise<void> {
  await q.query('delete from dossier_part where nominee_id = $1', [id]);
  await q.query('update dossier_return_reason set nominee_id = null where nominee_id = $1', [id]);
  await q.query('update dossier_comment set nominee_id = null where nominee_id = $1', [id]);
  await q.query('delete from dossier_nominee where id = $1', [id]);
}

/**
 * Another dossier still in progress proposing the same subject for the same award (Law Art 5(2)(c): one proposal
 * at a time). Closed, withdrawn, rejected and forwarded dossiers (the next level's copy carries on) do not count.
 */
export async function pendingElsewhere(q: Queryable, subject: { personId: number | null; unitId: number | null }, awardCode: string, exceptDossierId: number): Promise<{ dossierId: number; state: string; holderUnitId: number } | null> {
  const [row] = await q.query<{ dossierId: number; state: string; holderUnitId: number }>(
    `select d.id as "dossierId", d.state, d.holder_unit_id as "holderUnitId"
       from dossier_nominee n join dossier d on d.id = n.dossier_id
      where d.award_code = $1 and d.id <> $2 and d.state not in ('decided', 'rejected', 'withdrawn', 'forwarded')
        and (n.person_id = $3 or n.unit_id = $4) limit 1`,
    [awardCode, exceptDossierId, subject.personId, subject.unitId],
  );
  return row ?? null;
}

export interface PartRow {
  id: number;
  kind: PartKind;
  nomineeId: number | null;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

const PART = `id, kind, nominee_id as "nomineeId", file_name as "fileName", size_bytes as "sizeBytes", sha256, created_at as "createdAt"`;

export function partsOf(q: Queryable, dossierId: number): Promise<PartRow[]> {
  return q.query<PartRow>(`select ${PART} from dossier_part where dossier_id = $1 order by id`, [dossierId]);
}

export async function insertPart(q: Queryable, p: { dossierId: number; kind: PartKind; nomineeId: number | null; fileName: string; sha256: string; content: Buffer; createdBy: number | null }): Promise<PartRow> {
  const [row] = await q.query<PartRow>(
    `insert into dossier_part (dossier_id, kind, nominee_id, file_name, size_bytes, sha256, content, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8) returning ${PART}`,
    [p.dossierId, p.kind, p.nomineeId, p.fileName, p.content.length, p.sha256, p.content, p.createdBy],
  );
  return row;
}

export async function deletePart(q: Queryable, dossierId: number, partId: number): Promise<PartRow | null> {
  const [row] = await q.query<PartRow>(`delete from dossier_part where dossier_id = $1 and id = $2 returning ${PART}`, [dossierId, partId]);
  return row ?? null;
}

export async function partContent(q: Queryable, dossierId: number, partId: number): Promise<{ fileName: string; content: Buffer } | null> {
  const [row] = await q.query<{ fileName: string; content: Buffer | Uint8Array }>('select file_name as "fileName", content from dossier_part where dossier_id = $1 and id = $2', [dossierId, partId]);
  return row ? { fileName: row.fileName, content: Buffer.from(row.content) } : null;
}

export interface ReturnReasonRow {
  id: number;
  eventId: number;
  nomineeId: number | null;
  partKind: string | null;
  criterion: string | null;
  note: string;
  resolvedEventId: number | null;
}

export async function insertReturnReasons(q: Queryable, dossierId: number, eventId: number, rows: { nomineeId?: number | null; partKind?: string | null; criterion?: string | null; note: string }[]): Promise<void> {
  for (const r of rows) {
    await q.query('insert into dossier_return_reason (dossier_id, event_id, nominee_id, part_kind, criterion, note) values ($1,$2,$3,$4,$5,$6)', [dossierId, eventId, r.nomineeId ?? null, r.partKind ?? null, r.criterion ?? null, r.note]);
  }
}

export async function resolveReturnReasons(q: Queryable, dossierId: number, eventId: number): Promise<void> {
  await q.query('update dossier_return_reason set resolved_event_id = $2 where dossier_id = $1 and resolved_event_id is null', [dossierId, eventId]);
}

export function returnReasonsOf(q: Queryable, dossierId: number): Promise<ReturnReasonRow[]> {
  return q.query<ReturnReasonRow>(
    `select id, event_id as "eventId", nominee_id as "nomineeId", part_kind as "partKind", criterion, note, resolved_event_id as "resolvedEventId"
       from dossier_return_reason where dossier_id = $1 order by id`,
    [dossierId],
  );
}

export interface CommentRow { id: number; nomineeId: number | null; commenter: string; content: string; receivedOn: string; enteredAt: string }

export async function insertComment(q: Queryable, c: { dossierId: number; nomineeId: number | null; commenter: string; content: string; receivedOn: string; enteredBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'insert into dossier_comment (dossier_id, nominee_id, commenter, content, received_on, entered_by) values ($1,$2,$3,$4,$5,$6) returning id',
    [c.dossierId, c.nomineeId, c.commenter, c.content, c.receivedOn, c.enteredBy],
  );
  return row.id;
}

export function commentsOf(q: Queryable, dossierId: number): Promise<CommentRow[]> {
  return q.query<CommentRow>(
    `select id, nominee_id as "nomineeId", commenter, content, received_on as "receivedOn", entered_at as "enteredAt" from dossier_comment where dossier_id = $1 order by id`,
    [dossierId],
  );
}

export interface ConcurrenceRow {
  id: number;
  agency: string;
  agencyUnitId: number | null;
  requestedOn: string;
  dueOn: string;
  answer: 'agree' | 'disagree' | null;
  answerNote: string | null;
  answeredOn: string | null;
  version: number;
}

const CONCURRENCE = `id, agency, agency_unit_id as "agencyUnitId", requested_on as "requestedOn", due_on as "dueOn", answer, answer_note as "answerNote", answered_on as "answeredOn", version`;

export async function insertConcurrence(q: Queryable, c: { dossierId: number; agency: string; agencyUnitId: number | null; requestedOn: string; dueOn: string; requestedBy: number | null }): Promise<ConcurrenceRow> {
  const [row] = await q.query<ConcurrenceRow>(
    `insert into dossier_concurrence (dossier_id, agency, agency_unit_id, requested_on, due_on, requested_by) values ($1,$2,$3,$4,$5,$6) returning ${CONCURRENCE}`,
    [c.dossierId, c.agency, c.agencyUnitId, c.requestedOn, c.dueOn, c.requestedBy],
  );
  return row;
}

export function concurrencesOf(q: Queryable, dossierId: number): Promise<ConcurrenceRow[]> {
  return q.query<ConcurrenceRow>(`select ${CONCURRENCE} from dossier_concurrence where dossier_id = $1 order by id`, [dossierId]);
}

export async function lockConcurrence(q: Queryable, dossierId: number, id: number): Promise<ConcurrenceRow | null> {
  const [row] = await q.query<ConcurrenceRow>(`select ${CONCURRENCE} from dossier_concurrence where dossier_id = $1 and id = $2 for update`, [dossierId, id]);
  return row ?? null;
}

export async function answerConcurrence(q: Queryable, id: number, a: { answer: 'agree' | 'disagree'; note: string | null; answeredOn: string; answeredBy: number | null }): Promise<ConcurrenceRow> {
  const [row] = await q.query<ConcurrenceRow>(
    `update dossier_concurrence set answer = $2, answer_note = $3, answered_on = $4, answered_by = $5, version = version + 1 where id = $1 returning ${CONCURRENCE}`,
    [id, a.answer, a.note, a.answeredOn, a.answeredBy],
  );
  return row;
}

/** What a workflow step's guards read of a dossier: its nominees, parts and concurrences. */
export interface DossierChildren {
  nominees: NomineeRow[];
  parts: PartRow[];
  concurrences: ConcurrenceRow[];
}

// The part's time as the driver gives timestamps (db.ts: ISO in UTC with milliseconds), since JSON would carry PostgreSQL's own format.
const PART_JSON = PART.replace('created_at as "createdAt"', `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`);

/** The three lists in one round trip (each in id order, as `nomineesOf`, `partsOf` and `concurrencesOf` give them). */
export async function childrenOf(q: Queryable, dossierId: number): Promise<DossierChildren> {
  const list = (cols: string, table: string) => `(select coalesce(json_agg(x order by x.id), '[]'::json) from (select ${cols} from ${table} where dossier_id = $1) x)`;
  const [row] = await q.query<DossierChildren>(
    `select ${list(NOMINEE, 'dossier_nominee')} as nominees, ${list(PART_JSON, 'dossier_part')} as parts, ${list(CONCURRENCE, 'dossier_concurrence')} as concurrences`,
    [dossierId],
  );
  return row;
}

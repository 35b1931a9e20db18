import type { Queryable } from '../../server/db.ts';
import type { Rating } from '../../shared/enums.ts';
import type { ScoreSheet, SubjectKind } from './schemes.ts';

export type EvaluationStatus = 'open' | 'self_assessed' | 'proposed' | 'decided';

export interface Evaluation {
  id: number;
  year: number;
  subjectKind: SubjectKind;
  personId: number | null;
  unitId: number;
  groupUnitId: number;
  peerGroup: string;
  schemeId: string;
  status: EvaluationStatus;
  selfRating: Rating | null;
  selfSheet: ScoreSheet | null;
  selfScore: number | null;
  proposedRating: Rating | null;
  proposedSheet: ScoreSheet | null;
  proposedScore: number | null;
  decidedRating: Rating | null;
  decidedScore: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  note: string | null;
  source: 'manual' | 'import';
  version: number;
}

const SELECT = `select id, year, subject_kind, person_id, unit_id, group_unit_id, peer_group, scheme_id, status,
  self_rating, self_sheet, self_score::float8 as self_score, proposed_rating, proposed_sheet, proposed_score::float8 as proposed_score,
  decided_rating, decided_score::float8 as decided_score, decided_by, decided_at, note, source, version from evaluation`;

type Row = {
  id: number; year: number; subject_kind: SubjectKind; person_id: number | null; unit_id: number; group_unit_id: number; peer_group: string; scheme_id: string;
  status: EvaluationStatus; self_rating: Rating | null; self_sheet: ScoreSheet | null; self_score: number | null; proposed_rating: Rating | null;
  proposed_sheet: ScoreSheet | null; proposed_score: number | null; decided_rating: Rating | null; decided_score: number | null; decided_by: number | null;
  decided_at: string | null; note: string | null; source: 'manual' | 'import'; version: number;
};

const toEvaluation = (r: Row): Evaluation => ({
  id: r.id, year: r.year, subjectKind: r.subject_kind, personId: r.person_id, unitId: r.unit_id, groupUnitId: r.group_unit_id, peerGroup: r.peer_group,
  schemeId: r.scheme_id, status: r.status, selfRating: r.self_rating, selfSheet: r.self_sheet, selfScore: r.self_score, proposedRating: r.proposed_rating,
  proposedSheet: r.proposed_sheet, proposedScore: r.proposed_score, decidedRating: r.decided_rating, decidedScore: r.decided_score, decidedBy: r.decided_by,
  decidedAt: r.decided_at, note: r.note, source: r.source, version: r.version,
});

export async function findEvaluation(q: Queryable, id: number, lock = false): Promise<Evaluation | null> {
  const rows = await q.query<Row>(`${SELECT} where id = $1${lock ? ' for update' : ''}`, [id]);
  return rows[0] ? toEvaluation(rows[0]) : null;
}

/** Several evaluations locked for this transaction (a decision), in id order so that two deciders never deadlock. */
export async function lockEvaluations(q: Queryable, ids: number[]): Promise<Evaluation[]> {
  const rows = await q.query<Row>(`${SELECT} where id = any($1::bigint[]) order by id for update`, [ids]);
  return rows.map(toEvaluation);
}

/** A unit's evaluations for a year: its people (unit_id) and the collectives it decides (group_unit_id). */
export async function evaluationsOfUnit(q: Queryable, unitId: number, year: number): Promise<Evaluation[]> {
  const rows = await q.query<Row>(`${SELECT} where year = $2 and (unit_id = $1 or group_unit_id = $1) order by subject_kind desc, peer_group, id`, [unitId, year]);
  return rows.map(toEvaluation);
}

/** Every evaluation of some peer groups (the cap is counted over them). */
export async function evaluationsOfGroups(q: Queryable, groups: { groupUnitId: number; year: number; subjectKind: SubjectKind; peerGroup: string }[]): Promise<Evaluation[]> {
  if (groups.length === 0) return [];
  const rows = await q.query<Row>(
    `${SELECT} where (group_unit_id, year, subject_kind, peer_group) in
       (select * from unnest($1::bigint[], $2::int[], $3::text[], $4::text[]))`,
    [groups.map((g) => g.groupUnitId), groups.map((g) => g.year), groups.map((g) => g.subjectKind), groups.map((g) => g.peerGroup)],
  );
  return rows.map(toEvaluation);
}

export interface NewEvaluation {
  year: number; subjectKind: SubjectKind; personId: number | null; unitId: number; groupUnitId: number; peerGroup: string; schemeId: string;
}

/** Inserts evaluations, skipping subjects that already have one for the year; returns the ids created. */
export async function insertEvaluations(q: Queryable, rows: NewEvaluation[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await q.query<{ id: number }>(
    `insert into evaluation (year, subject_kind, person_id, unit_id, group_unit_id, peer_group, scheme_id, status)
     select * , 'open' from unnest($1::int[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])
     on conflict do nothing returning id`,
    [rows.map((r) => r.year), rows.map((r) => r.subjectKind), rows.map((r) => r.personId), rows.map((r) => r.unitId), rows.map((r) => r.groupUnitId), rows.map((r) => r.peerGroup), rows.map((r) => r.schemeId)],
  );
  return ids.map((r) => r.id);
}

/** One stage of the flow written: the self-assessment or the proposal. */
export async function writeStage(q: Queryable, id: number, stage: 'self' | 'proposed', v: { rating: Rating; sheet: ScoreSheet | null; score: number | null; note?: string | null }): Promise<void> {
  const status = stage === 'self' ? 'self_assessed' : 'proposed';
  await q.query(
    `update evaluation set ${stage}_rating = $2, ${stage}_sheet = $3, ${stage}_score = $4, status = $5, note = coalesce($6, note),
            version = version + 1, updated_at = now() where id = $1`,
    [id, v.rating, v.sheet ? JSON.stringify(v.sheet) : null, v.score, status, v.note ?? null],
  );
}

/** Decisions of many evaluations in one statement. */
export async function writeDecisions(q: Queryable, actorId: number | null, rows: { id: number; rating: Rating; score: number | null }[]): Promise<void> {
  await q.query(
    `update evaluation e set decided_rating = u.rating, decided_score = u.score, decided_by = $4, decided_at = now(), status = 'decided',
            version = e.version + 1, updated_at = now()
       from unnest($1::bigint[], $2::text[], $3::numeric[]) as u(id, rating, score) where e.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.rating), rows.map((r) => r.score), actorId],
  );
}

/** Groups whose competent level raised the cap for the year (outstanding organisations). */
export async function capExceptions(q: Queryable, groupUnitIds: number[], year: number): Promise<Map<number, string>> {
  const rows = await q.query<{ group_unit_id: number; basis: string }>('select group_unit_id, basis from evaluation_cap_exception where group_unit_id = any($1::bigint[]) and year = $2', [groupUnitIds, year]);
  return new Map(rows.map((r) => [r.group_unit_id, r.basis]));
}

export async function insertCapException(q: Queryable, groupUnitId: number, year: number, basis: string, actorId: number | null): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    'insert into evaluation_cap_exception (group_unit_id, year, basis, created_by) values ($1, $2, $3, $4) on conflict do nothing returning id',
    [groupUnitId, year, basis, actorId],
  );
  return rows[0]?.id ?? null;
}

/** Proposals waiting for a head's decision, counted per deciding unit and year (null: every unit). */
export async function proposalsWaiting(q: Queryable, groupUnitIds: number[] | null): Promise<{ groupUnitId: number; year: number; count: number }[]> {
  const rows = await q.query<{ group_unit_id: number; year: number; n: number }>(
    `select group_unit_id, year, count(*)::int as n from evaluation
      where status = 'proposed' and ($1::bigint[] is null or group_unit_id = any($1::bigint[]))
      group by 1, 2 order by 2, 1 limit 500`,
    [groupUnitIds],
  );
  return rows.map((r) => ({ groupUnitId: r.group_unit_id, year: r.year, count: r.n }));
}

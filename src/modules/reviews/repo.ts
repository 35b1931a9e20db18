import type { Queryable } from '../../server/db.ts';
import type { CandidateInput, CandidateOutcome, ReviewStatus, RuleText } from './types.ts';

// The annual review's SQL: reviews owns annual_review and review_candidate (migration 0032).

export interface ReviewRow {
  id: number; org_unit_id: number; year: number; as_of: string; rule_set_id: string; status: ReviewStatus;
  council_session_id: number | null; version: number; created_at: string; concluded_at: string | null;
}

export interface CandidateRow {
  id: number; review_id: number; subject_kind: 'individual' | 'collective'; person_id: number | null; unit_id: number | null; name: string;
  award_code: string; engine_status: 'eligible' | 'needs_review'; status: 'eligible' | 'needs_review'; registration: CandidateInput['registration'];
  registration_rule: RuleText | null; reason: CandidateInput['reason']; included: boolean; council_candidate_id: number | null;
  outcome: CandidateOutcome | null; decision_id: number | null; dossier_id: number | null;
}

const REVIEW_COLS = 'id, org_unit_id, year, as_of::text as as_of, rule_set_id, status, council_session_id, version, created_at, concluded_at';

export async function findReview(q: Queryable, id: number, lock = false): Promise<ReviewRow | null> {
  const rows = await q.query<ReviewRow>(`select ${REVIEW_COLS} from annual_review where id = $1${lock ? ' for update' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function findReviewOf(q: Queryable, unitId: number, year: number): Promise<ReviewRow | null> {
  const rows = await q.query<ReviewRow>(`select ${REVIEW_COLS} from annual_review where org_unit_id = $1 and year = $2`, [unitId, year]);
  return rows[0] ?? null;
}

/** Reviews of some units (a scope), newest year first. */
export async function listReviews(q: Queryable, unitIds: number[] | null, year: number | null): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `select ${REVIEW_COLS} from annual_review
      where ($1::bigint[] is null or org_unit_id = any($1::bigint[])) and ($2::int is null or year = $2::int)
      order by year desc, id desc limit 500`,
    [unitIds, year],
  );
}

/** Inserts a review; null when the unit already has one for the year (the caller names it). */
export async function insertReview(q: Queryable, r: { orgUnitId: number; year: number; asOf: string; ruleSetId: string }, actorId: number | null): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `insert into annual_review (org_unit_id, year, as_of, rule_set_id, created_by) values ($1, $2, $3, $4, $5)
     on conflict (org_unit_id, year) do nothing returning id`,
    [r.orgUnitId, r.year, r.asOf, r.ruleSetId, actorId],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function insertCandidates(q: Queryable, reviewId: number, list: CandidateInput[]): Promise<void> {
  if (list.length === 0) return;
  await q.query(
    `insert into review_candidate (review_id, subject_kind, person_id, unit_id, name, award_code, engine_status, status, registration, registration_rule, reason)
     select $1, x.kind, x.person_id, x.unit_id, x.name, x.award, x.engine_status, x.status, x.registration, x.rule, x.reason
       from unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[])
            as x(kind, person_id, unit_id, name, award, engine_status, status, registration, rule, reason)`,
    [
      reviewId, list.map((c) => c.subjectKind), list.map((c) => c.personId), list.map((c) => c.unitId), list.map((c) => c.name), list.map((c) => c.awardCode),
      list.map((c) => c.engineStatus), list.map((c) => c.status), list.map((c) => c.registration),
      list.map((c) => (c.registrationRule ? JSON.stringify(c.registrationRule) : null)), list.map((c) => JSON.stringify(c.reason)),
    ],
  );
}

export async function candidatesOf(q: Queryable, reviewId: number): Promise<CandidateRow[]> {
  return q.query<CandidateRow>(
    `select id, review_id, subject_kind, person_id, unit_id, name, award_code, engine_status, status, registration, registration_rule, reason,
            included, council_candidate_id, outcome, decision_id, dossier_id
       from review_candidate where review_id = $1 order by id`,
    [reviewId],
  );
}

/** Sets which candidates go before the council; returns how many rows of the review it touched. */
export async function setIncluded(q: Queryable, reviewId: number, ids: number[], included: boolean): Promise<number> {
  const rows = await q.query<{ id: number }>('update review_candidate set included = $3 where review_id = $1 and id = any($2::bigint[]) returning id', [reviewId, ids, included]);
  return rows.length;
}

export async function setStatus(q: Queryable, reviewId: number, status: ReviewStatus, councilSessionId?: number | null): Promise<void> {
  await q.query(
    `update annual_review set status = $2, council_session_id = coalesce($3, council_session_id), version = version + 1, updated_at = now(),
            concluded_at = case when $2 = 'concluded' then now() else concluded_at end
      where id = $1`,
    [reviewId, status, councilSessionId ?? null],
  );
}

export async function bumpVersion(q: Queryable, reviewId: number): Promise<void> {
  await q.query('update annual_review set version = version + 1, updated_at = now() where id = $1', [reviewId]);
}

/** What became of each candidate when the review was concluded. */
export async function setOutcomes(q: Queryable, rows: { id: number; outcome: CandidateOutcome; councilCandidateId: number | null; decisionId: number | null; dossierId: number | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `update review_candidate c set outcome = x.outcome, council_candidate_id = x.cc, decision_id = x.decision_id, dossier_id = x.dossier_id
       from unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[]) as x(id, outcome, cc, decision_id, dossier_id)
      where c.id = x.id`,
    [rows.map((r) => r.id), rows.map((r) => r.outcome), rows.map((r) => r.councilCandidateId), rows.map((r) => r.decisionId), rows.map((r) => r.dossierId)],
  );
}

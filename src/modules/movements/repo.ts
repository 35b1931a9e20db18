import type { Queryable } from '../../server/db.ts';
import type { Scope } from '../auth/scope.ts';
import type { CriterionRule, Direction } from './rules.ts';
import type { LaunchInput } from './schema.ts';

// SQL of the movements module. numeric columns come back as strings: converted here.

export interface MovementRow {
  id: number; title: string; kind: string; authorityUnitId: number; planDocNumber: string; planDocDate: string; startsOn: string; endsOn: string;
  scopeUnitId: number; goals: string; awardCode: string; candidateThreshold: number; status: 'launched' | 'concluded'; version: number;
}
export interface CriterionRow extends CriterionRule {
  id: number; seq: number; field: string; name: string; measure: string; unitOfMeasure: string; evidenceRequired: string; leadUnitId: number;
}
export interface PeriodRow { id: number; seq: number; label: string; startsOn: string; endsOn: string; deadline: string }

const MOVEMENT_COLS = `id::int, title, kind, authority_unit_id::int as "authorityUnitId", plan_doc_number as "planDocNumber",
  plan_doc_date::text as "planDocDate", starts_on::text as "startsOn", ends_on::text as "endsOn", scope_unit_id::int as "scopeUnitId", goals,
  award_code as "awardCode", candidate_threshold::float8 as "candidateThreshold", status, version`;

export async function insertMovement(q: Queryable, m: LaunchInput, createdBy: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into movement (title, kind, authority_unit_id, plan_doc_number, plan_doc_date, starts_on, ends_on, scope_unit_id, goals, award_code, candidate_threshold, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id::int`,
    [m.title, m.kind, m.authorityUnitId, m.planDocNumber, m.planDocDate, m.startsOn, m.endsOn, m.scopeUnitId, m.goals, m.awardCode, m.candidateThreshold, createdBy],
  );
  return row.id;
}

export async function insertPhases(q: Queryable, movementId: number, phases: { name: string; startsOn: string; endsOn: string }[]): Promise<void> {
  if (phases.length === 0) return;
  await q.query(
    `insert into movement_phase (movement_id, seq, name, starts_on, ends_on)
     select $1, p.ord, p.name, p.s::date, p.e::date from unnest($2::text[], $3::text[], $4::text[]) with ordinality as p(name, s, e, ord)`,
    [movementId, phases.map((p) => p.name), phases.map((p) => p.startsOn), phases.map((p) => p.endsOn)],
  );
}

export async function insertPeriods(q: Queryable, movementId: number, periods: Omit<PeriodRow, 'id'>[]): Promise<void> {
  await q.query(
    `insert into movement_period (movement_id, seq, label, starts_on, ends_on, deadline)
     select $1, p.seq, p.label, p.s::date, p.e::date, p.d::date from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) as p(seq, label, s, e, d)`,
    [movementId, periods.map((p) => p.seq), periods.map((p) => p.label), periods.map((p) => p.startsOn), periods.map((p) => p.endsOn), periods.map((p) => p.deadline)],
  );
}

export async function insertCriteria(q: Queryable, movementId: number, cs: LaunchInput['criteria']): Promise<void> {
  await q.query(
    `insert into movement_criterion (movement_id, seq, field, name, measure, unit_of_measure, target, direction, due_on, weight, evidence_required, lead_unit_id, min_value, max_value)
     select $1, c.ord, c.field, c.name, c.measure, c.uom, c.target, c.direction, c.due::date, c.weight, c.evidence, c.lead, c.minv, c.maxv
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::text[], $9::numeric[], $10::text[], $11::bigint[], $12::numeric[], $13::numeric[])
       with ordinality as c(field, name, measure, uom, target, direction, due, weight, evidence, lead, minv, maxv, ord)`,
    [movementId, cs.map((c) => c.field), cs.map((c) => c.name), cs.map((c) => c.measure), cs.map((c) => c.unitOfMeasure), cs.map((c) => c.target), cs.map((c) => c.direction),
      cs.map((c) => c.dueOn), cs.map((c) => c.weight), cs.map((c) => c.evidenceRequired), cs.map((c) => c.leadUnitId), cs.map((c) => c.minValue), cs.map((c) => c.maxValue)],
  );
}

export async function findMovement(q: Queryable, id: number, lock = false): Promise<MovementRow | undefined> {
  const [row] = await q.query<MovementRow>(`select ${MOVEMENT_COLS} from movement where id = $1${lock ? ' for update' : ''}`, [id]);
  return row;
}

/** Movements a scope sees: launched by a unit in it, or whose scope node is in it or above one of its units. */
export async function listMovements(q: Queryable, scope: Scope, visibleScopeNodes: number[] | null, limit: number, offset: number): Promise<MovementRow[]> {
  if (scope.all) return q.query<MovementRow>(`select ${MOVEMENT_COLS} from movement order by starts_on desc, id desc limit $1 offset $2`, [limit, offset]);
  return q.query<MovementRow>(
    `select ${MOVEMENT_COLS} from movement where authority_unit_id = any($1::bigint[]) or scope_unit_id = any($1::bigint[]) or scope_unit_id = any($2::bigint[])
      order by starts_on desc, id desc limit $3 offset $4`,
    [scope.unitIds, visibleScopeNodes ?? [], limit, offset],
  );
}

export async function criteriaOf(q: Queryable, movementId: number): Promise<CriterionRow[]> {
  const rows = await q.query<CriterionRow & { target: string; weight: string; minValue: string; maxValue: string }>(
    `select id::int, seq, field, name, measure, unit_of_measure as "unitOfMeasure", target::text, direction, due_on::text as "dueOn", weight::text,
            evidence_required as "evidenceRequired", lead_unit_id::int as "leadUnitId", min_value::text as "minValue", max_value::text as "maxValue"
       from movement_criterion where movement_id = $1 order by seq`,
    [movementId],
  );
  return rows.map((r) => ({ ...r, direction: r.direction as Direction, target: Number(r.target), weight: Number(r.weight), minValue: Number(r.minValue), maxValue: Number(r.maxValue) }));
}

export async function periodsOf(q: Queryable, movementId: number): Promise<PeriodRow[]> {
  return q.query<PeriodRow>(
    `select id::int, seq, label, starts_on::text as "startsOn", ends_on::text as "endsOn", deadline::text from movement_period where movement_id = $1 order by seq`,
    [movementId],
  );
}

export async function phasesOf(q: Queryable, movementId: number): Promise<{ seq: number; name: string; startsOn: string; endsOn: string }[]> {
  return q.query(`select seq, name, starts_on::text as "startsOn", ends_on::text as "endsOn" from movement_phase where movement_id = $1 order by seq`, [movementId]);
}

export async function registrationCount(q: Queryable, movementId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>('select count(*)::int as n from movement_registration where movement_id = $1', [movementId]);
  return r.n;
}

export async function findRegistration(q: Queryable, movementId: number, unitId: number): Promise<{ id: number; version: number } | undefined> {
  const [r] = await q.query<{ id: number; version: number }>('select id::int, version from movement_registration where movement_id = $1 and unit_id = $2', [movementId, unitId]);
  return r;
}

export async function insertRegistration(q: Queryable, movementId: number, unitId: number, on: string): Promise<number | null> {
  const [r] = await q.query<{ id: number }>(
    'insert into movement_registration (movement_id, unit_id, registered_on) values ($1, $2, $3) on conflict do nothing returning id::int',
    [movementId, unitId, on],
  );
  return r?.id ?? null;
}

export async function setCommitments(q: Queryable, registrationId: number, cs: { criterionId: number; committed: number }[]): Promise<void> {
  await q.query('delete from movement_commitment where registration_id = $1', [registrationId]);
  if (cs.length === 0) return;
  await q.query(
    'insert into movement_commitment (registration_id, criterion_id, committed) select $1, c, v from unnest($2::bigint[], $3::numeric[]) as x(c, v)',
    [registrationId, cs.map((c) => c.criterionId), cs.map((c) => c.committed)],
  );
}

export async function commitmentsOf(q: Queryable, registrationId: number): Promise<{ criterionId: number; committed: number }[]> {
  const rows = await q.query<{ criterionId: number; committed: string }>(
    'select criterion_id::int as "criterionId", committed::text from movement_commitment where registration_id = $1 order by criterion_id', [registrationId]);
  return rows.map((r) => ({ criterionId: r.criterionId, committed: Number(r.committed) }));
}

export async function registeredUnits(q: Queryable, movementId: number): Promise<number[]> {
  const rows = await q.query<{ u: number }>('select unit_id::int as u from movement_registration where movement_id = $1 order by unit_id', [movementId]);
  return rows.map((r) => r.u);
}

export interface ReportRow { id: number; unitId: number; periodId: number; note: string; late: boolean; score: number; version: number; submittedOn: string }

export async function findReport(q: Queryable, movementId: number, unitId: number, periodId: number, lock = false): Promise<ReportRow | undefined> {
  const [r] = await q.query<ReportRow & { score: string }>(
    `select id::int, unit_id::int as "unitId", period_id::int as "periodId", note, late, score::text, version, submitted_on::text as "submittedOn"
       from movement_report where movement_id = $1 and unit_id = $2 and period_id = $3${lock ? ' for update' : ''}`,
    [movementId, unitId, periodId],
  );
  return r ? { ...r, score: Number(r.score) } : undefined;
}

export async function upsertReport(q: Queryable, r: { movementId: number; unitId: number; periodId: number; note: string; late: boolean; score: number; on: string; by: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into movement_report (movement_id, unit_id, period_id, note, late, score, submitted_on, submitted_by) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (movement_id, unit_id, period_id) do update set note = excluded.note, late = excluded.late, score = excluded.score,
       submitted_on = excluded.submitted_on, submitted_by = excluded.submitted_by, version = movement_report.version + 1
     returning id::int`,
    [r.movementId, r.unitId, r.periodId, r.note, r.late, r.score, r.on, r.by],
  );
  return row.id;
}

export async function setFigures(q: Queryable, reportId: number, fs: { criterionId: number; value: number; attainment: number }[]): Promise<void> {
  await q.query('delete from movement_figure where report_id = $1', [reportId]);
  await q.query(
    'insert into movement_figure (report_id, criterion_id, value, attainment) select $1, c, v, a from unnest($2::bigint[], $3::numeric[], $4::numeric[]) as x(c, v, a)',
    [reportId, fs.map((f) => f.criterionId), fs.map((f) => f.value), fs.map((f) => f.attainment)],
  );
}

/** Adds (sign 1) or takes out (sign -1) a report's figures from the running totals per criterion and period. */
export async function tally(q: Queryable, movementId: number, periodId: number, fs: { criterionId: number; attainment: number }[], sign: 1 | -1): Promise<void> {
  if (fs.length === 0) return;
  await q.query(
    `insert into movement_tally (movement_id, criterion_id, period_id, reported, on_target, attainment_sum)
     select $1, c, $2, $3, case when a >= 1 then $3 else 0 end, a * $3 from unnest($4::bigint[], $5::numeric[]) as x(c, a)
     on conflict (criterion_id, period_id) do update set reported = movement_tally.reported + excluded.reported,
       on_target = movement_tally.on_target + excluded.on_target, attainment_sum = movement_tally.attainment_sum + excluded.attainment_sum`,
    [movementId, periodId, sign, fs.map((f) => f.criterionId), fs.map((f) => f.attainment)],
  );
}

export async function figuresOf(q: Queryable, reportId: number): Promise<{ criterionId: number; value: number; attainment: number }[]> {
  const rows = await q.query<{ criterionId: number; value: string; attainment: string }>(
    'select criterion_id::int as "criterionId", value::text, attainment::text from movement_figure where report_id = $1 order by criterion_id', [reportId]);
  return rows.map((r) => ({ criterionId: r.criterionId, value: Number(r.value), attainment: Number(r.attainment) }));
}

/** Each unit's latest figure per criterion among periods that ended by `asOf` (or are reported early). */
export async function latestFigures(q: Queryable, movementId: number, upToPeriodSeq: number): Promise<{ unitId: number; criterionId: number; value: number; attainment: number; periodId: number; periodSeq: number; periodEnd: string }[]> {
  const rows = await q.query<{ unitId: number; criterionId: number; value: string; attainment: string; periodId: number; periodSeq: number; periodEnd: string }>(
    `select distinct on (r.unit_id, f.criterion_id) r.unit_id::int as "unitId", f.criterion_id::int as "criterionId", f.value::text, f.attainment::text,
            p.id::int as "periodId", p.seq as "periodSeq", p.ends_on::text as "periodEnd"
       from movement_report r join movement_period p on p.id = r.period_id join movement_figure f on f.report_id = r.id
      where r.movement_id = $1 and p.seq <= $2
      order by r.unit_id, f.criterion_id, p.seq desc`,
    [movementId, upToPeriodSeq],
  );
  return rows.map((r) => ({ ...r, value: Number(r.value), attainment: Number(r.attainment) }));
}

export async function bumpMovement(q: Queryable, id: number, status?: 'concluded'): Promise<void> {
  await q.query('update movement set version = version + 1, status = coalesce($2, status) where id = $1', [id, status ?? null]);
}

export async function insertResults(q: Queryable, movementId: number, rs: { unitId: number; score: number; candidate: boolean; reasons: string; dossierId: number | null }[]): Promise<void> {
  await q.query('delete from movement_result where movement_id = $1', [movementId]);
  if (rs.length === 0) return;
  await q.query(
    `insert into movement_result (movement_id, unit_id, score, candidate, reasons, dossier_id)
     select $1, u, s, c, r, d from unnest($2::bigint[], $3::numeric[], $4::boolean[], $5::text[], $6::bigint[]) as x(u, s, c, r, d)`,
    [movementId, rs.map((r) => r.unitId), rs.map((r) => r.score), rs.map((r) => r.candidate), rs.map((r) => r.reasons), rs.map((r) => r.dossierId)],
  );
}

export async function resultsOf(q: Queryable, movementId: number): Promise<{ unitId: number; score: number; candidate: boolean; reasons: string; dossierId: number | null }[]> {
  const rows = await q.query<{ unitId: number; score: string; candidate: boolean; reasons: string; dossierId: number | null }>(
    `select unit_id::int as "unitId", score::text, candidate, reasons, dossier_id::int as "dossierId" from movement_result where movement_id = $1 order by score desc, unit_id`, [movementId]);
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

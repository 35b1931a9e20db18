import type { Db, Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import type { Rating } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope, inScope } from '../auth/scope.ts';
import { activeChildren, findUnit } from '../org/repo.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { peopleEmployedIn } from '../people/year-ratings.ts';
import * as repo from './repo.ts';
import { type ScoreSheet, type SubjectKind, schemeById, schemeFor, scoreSheet } from './schemes.ts';

/** The end of a year, or today when earlier: the date a year's subjects are read on. */
const readOn = (year: number) => (cityToday() < `${year}-12-31` ? cityToday() : `${year}-12-31`);

/** New evaluations for people: their unit, peer group (leaders or staff) and scheme, from their open employment. */
async function personEvaluations(q: Queryable, personIds: number[], year: number, peerGroup?: string | null): Promise<repo.NewEvaluation[]> {
  const people = await peopleWithOpenEmployment(q, personIds);
  return people.map((p) => {
    const unitId = p.unit_id ?? p.current_unit_id;
    if (unitId == null) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'personId', rule: 'person_without_unit' }] });
    const scheme = schemeFor(year, { kind: 'individual', category: p.category });
    if (!scheme) throw new AppError('EVALUATION_NO_SCHEME', { year });
    return { year, subjectKind: 'individual' as const, personId: p.id, unitId, groupUnitId: unitId, peerGroup: peerGroup ?? (p.is_leader ? 'leaders' : 'staff'), schemeId: scheme.id };
  });
}

export interface CreateInput {
  year: number;
  personId?: number | null;
  /** The rated unit (a collective evaluation) when no person is given. */
  unitId?: number | null;
  peerGroup?: string | null;
}

/**
 * Opens one evaluation: a person's (in their current unit) or a unit's (decided by its superior).
 * @throws AppError NOT_FOUND (subject unknown or out of scope) | EVALUATION_EXISTS | EVALUATION_NO_SCHEME
 */
export async function createEvaluation(db: Db, actor: Actor, scope: Scope, input: CreateInput): Promise<repo.Evaluation> {
  return db.tx(async (q) => {
    let row: repo.NewEvaluation;
    if (input.personId) {
      const [p] = await personEvaluations(q, [input.personId], input.year, input.peerGroup);
      if (!p) throw new AppError('NOT_FOUND', { field: 'personId' });
      row = p;
    } else {
      const unit = input.unitId ? await findUnit(q, input.unitId) : null;
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const scheme = schemeFor(input.year, { kind: 'collective', unitKind: unit.kind });
      if (!scheme) throw new AppError('EVALUATION_NO_SCHEME', { year: input.year });
      row = { year: input.year, subjectKind: 'collective', personId: null, unitId: unit.id, groupUnitId: unit.parentId ?? unit.id, peerGroup: input.peerGroup ?? unit.kind, schemeId: scheme.id };
    }
    assertInScope(scope, row.unitId);
    const [id] = await repo.insertEvaluations(q, [row]);
    if (!id) throw new AppError('EVALUATION_EXISTS', { year: input.year });
    const created = (await repo.findEvaluation(q, id)) as repo.Evaluation;
    await audit(q, actor, [{ action: 'evaluation.create', entity: 'evaluation', entityId: id, orgUnitId: row.unitId, before: null, after: created }]);
    return created;
  });
}

/** New evaluations of a unit's sub-units (collectives), in the unit's peer groups by kind. */
async function unitEvaluations(q: Queryable, unitId: number, year: number): Promise<repo.NewEvaluation[]> {
  const rows: repo.NewEvaluation[] = [];
  for (const id of await activeChildren(q, unitId, readOn(year))) {
    const unit = await findUnit(q, id);
    const scheme = unit && schemeFor(year, { kind: 'collective', unitKind: unit.kind });
    if (unit && scheme) rows.push({ year, subjectKind: 'collective', personId: null, unitId: id, groupUnitId: unitId, peerGroup: unit.kind, schemeId: scheme.id });
  }
  return rows;
}

/**
 * Opens evaluations for everyone working in a unit (on 31 Dec of the year, or today), or for its sub-units,
 * who have none for the year.
 */
export async function openUnitEvaluations(db: Db, actor: Actor, scope: Scope, unitId: number, year: number, subjects: 'people' | 'units' = 'people'): Promise<{ created: number }> {
  assertInScope(scope, unitId);
  return db.tx(async (q) => {
    const rows = subjects === 'people' ? await personEvaluations(q, await peopleEmployedIn(q, unitId, readOn(year)), year) : await unitEvaluations(q, unitId, year);
    const ids = await repo.insertEvaluations(q, rows);
    await audit(q, actor, [{ action: 'evaluation.open_unit', entity: 'org_unit', entityId: unitId, orgUnitId: unitId, before: null, after: { year, subjects, created: ids.length, evaluationIds: ids } }]);
    return { created: ids.length };
  });
}

export interface StageInput {
  version: number;
  /** Entered directly; with a sheet it must be the sheet's band. */
  rating?: Rating | null;
  sheet?: ScoreSheet | null;
  note?: string | null;
}

/** The rating a stage records: the sheet's band (vetoes aside) or the one entered. */
export function stageRating(e: repo.Evaluation, input: { rating?: Rating | null; sheet?: ScoreSheet | null }): { rating: Rating; score: number | null } {
  if (!input.sheet) {
    if (!input.rating) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'rating', rule: 'required' }] });
    return { rating: input.rating, score: null };
  }
  const scheme = schemeById(e.schemeId);
  if (!scheme) throw new AppError('EVALUATION_NO_SCHEME', { year: e.year });
  const scored = scoreSheet(scheme, e.subjectKind as SubjectKind, input.sheet);
  if (scored.issues.length) throw new AppError('VALIDATION_FAILED', { issues: scored.issues });
  if (input.rating && input.rating !== scored.rating) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'rating', rule: 'rating_not_band', params: { score: scored.total, band: scored.rating } }] });
  }
  return { rating: scored.rating, score: scored.total };
}

const STAGE_FROM: Record<'self' | 'proposed', repo.EvaluationStatus[]> = { self: ['open', 'self_assessed'], proposed: ['open', 'self_assessed', 'proposed'] };

/**
 * Records the self-assessment or the manager's proposal (evaluation.write), by score sheet or rating.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | EVALUATION_STATE | VALIDATION_FAILED (sheet issues)
 */
export async function recordStage(db: Db, actor: Actor, scope: Scope, id: number, stage: 'self' | 'proposed', input: StageInput): Promise<repo.Evaluation> {
  return db.tx(async (q) => {
    const before = await repo.findEvaluation(q, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(scope, before.unitId);
    await assertVersion(q, 'evaluation', id, before.version, input.version);
    if (!STAGE_FROM[stage].includes(before.status)) throw new AppError('EVALUATION_STATE', { status: before.status, action: stage });
    const { rating, score } = stageRating(before, input);
    await repo.writeStage(q, id, stage, { rating, sheet: input.sheet ?? null, score, note: input.note });
    const after = (await repo.findEvaluation(q, id)) as repo.Evaluation;
    await audit(q, actor, [{ action: `evaluation.${stage === 'self' ? 'self_assess' : 'propose'}`, entity: 'evaluation', entityId: id, orgUnitId: before.unitId, before, after }]);
    return after;
  });
}

/**
 * The competent level (the deciding unit's superior; a top unit's: whoever covers everything) marks an outstanding
 * organisation for a year: its excellent cap rises to the scheme's outstanding share (QĐ 366-QĐ/TW Điều 11).
 * @throws AppError NOT_FOUND | FORBIDDEN (not the level above) | EVALUATION_EXISTS (already marked for the year)
 */
export async function addCapException(db: Db, actor: Actor, scope: Scope, input: { groupUnitId: number; year: number; basis: string }): Promise<number> {
  return db.tx(async (q) => {
    const unit = await findUnit(q, input.groupUnitId);
    if (!unit) throw new AppError('NOT_FOUND', { field: 'groupUnitId' });
    if (!(unit.parentId === null ? scope.all : inScope(scope, unit.parentId))) throw new AppError('FORBIDDEN', { field: 'groupUnitId' });
    const id = await repo.insertCapException(q, unit.id, input.year, input.basis, actor.id);
    if (!id) throw new AppError('EVALUATION_EXISTS', { year: input.year });
    await audit(q, actor, [{ action: 'evaluation.cap_exception', entity: 'evaluation_cap_exception', entityId: id, orgUnitId: unit.id, before: null, after: input }]);
    return id;
  });
}

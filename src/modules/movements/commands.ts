import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { unitsCovered } from '../org/tree-walks.ts';
import * as repo from './repo.ts';
import { assertInRange, assertWeights, attainment, monthlyPeriods, weightedScore } from './rules.ts';
import type { LaunchInput, RegisterInput, ReportInput } from './schema.ts';

const invalid = (field: string, reason: string, extra: Record<string, unknown> = {}) => new AppError('MOVEMENT_INVALID', { field, reason, ...extra });

/** Checks a launch request beyond its shape: dates, ranges, weights, the award. */
function assertLaunchable(m: LaunchInput): void {
  if (m.endsOn < m.startsOn) throw invalid('endsOn', 'ngày kết thúc trước ngày bắt đầu');
  if (!catalogue().byCode.has(m.awardCode)) throw new AppError('UNKNOWN_AWARD', { award: m.awardCode, field: 'awardCode' });
  m.phases.forEach((p, i) => {
    if (p.endsOn < p.startsOn || p.startsOn < m.startsOn || p.endsOn > m.endsOn) throw invalid(`phases.${i}`, 'giai đoạn phải nằm trong thời gian của phong trào');
  });
  m.criteria.forEach((c, i) => {
    if (c.maxValue < c.minValue) throw invalid(`criteria.${i}.maxValue`, 'giá trị tối đa nhỏ hơn giá trị tối thiểu');
    if (c.direction === 'done_by_date' && !c.dueOn) throw invalid(`criteria.${i}.dueOn`, 'tiêu chí "hoàn thành trước hạn" cần ngày hạn');
  });
  assertWeights(m.criteria.map((c) => c.weight));
}

/**
 * Launches a movement (phát động) with its phases, monthly reporting periods and criteria, in the caller's transaction.
 * @throws AppError FORBIDDEN (authority or scope node outside the scope) | MOVEMENT_INVALID | MOVEMENT_WEIGHTS | UNKNOWN_AWARD
 */
export async function launchMovement(q: Queryable, actor: Actor, scope: Scope, input: LaunchInput): Promise<{ id: number }> {
  if (!inScope(scope, input.authorityUnitId)) throw new AppError('FORBIDDEN', { field: 'authorityUnitId', permission: 'movement.manage' });
  if (!inScope(scope, input.scopeUnitId)) throw new AppError('FORBIDDEN', { field: 'scopeUnitId', permission: 'movement.manage' });
  assertLaunchable(input);
  const id = await repo.insertMovement(q, input, actor.id);
  await repo.insertPhases(q, id, input.phases);
  await repo.insertPeriods(q, id, monthlyPeriods(input.startsOn, input.endsOn, input.reportDeadlineDays));
  await repo.insertCriteria(q, id, input.criteria);
  await audit(q, actor, [{ action: 'movement.launch', entity: 'movement', entityId: id, orgUnitId: input.authorityUnitId, before: null, after: { ...input, version: 1 } }]);
  return { id };
}

/** The movement, visible to the scope (launched in it, or the unit is under its scope node); NOT_FOUND otherwise. */
export async function loadForUnit(q: Queryable, scope: Scope, movementId: number, unitId: number, permission: string, lock = false): Promise<repo.MovementRow> {
  const m = await repo.findMovement(q, movementId, lock);
  if (!m) throw new AppError('NOT_FOUND');
  if (!inScope(scope, unitId)) throw new AppError('FORBIDDEN', { field: 'unitId', permission });
  const covered = await unitsCovered(q, [m.scopeUnitId]);
  if (!inScope(covered, unitId)) throw invalid('unitId', 'đơn vị không thuộc phạm vi của phong trào');
  if (m.status !== 'launched') throw new AppError('MOVEMENT_STATE', { status: m.status, reason: 'phong trào đã tổng kết' });
  return m;
}

/**
 * A unit registers (đăng ký thi đua) with a commitment per criterion; registering again replaces the commitments.
 * @throws AppError NOT_FOUND | FORBIDDEN | MOVEMENT_INVALID | MOVEMENT_STATE
 */
export async function registerUnit(q: Queryable, actor: Actor, scope: Scope, movementId: number, input: RegisterInput): Promise<{ id: number; created: boolean }> {
  await loadForUnit(q, scope, movementId, input.unitId, 'movement.report');
  const ids = new Set((await repo.criteriaOf(q, movementId)).map((c) => c.id));
  input.commitments.forEach((c, i) => { if (!ids.has(c.criterionId)) throw invalid(`commitments.${i}.criterionId`, 'tiêu chí không thuộc phong trào này'); });
  const before = await repo.findRegistration(q, movementId, input.unitId);
  const id = before?.id ?? (await repo.insertRegistration(q, movementId, input.unitId, cityToday())) ?? (await repo.findRegistration(q, movementId, input.unitId))?.id;
  if (!id) throw new AppError('NOT_FOUND');
  const prior = before ? await repo.commitmentsOf(q, id) : null;
  await repo.setCommitments(q, id, input.commitments);
  await audit(q, actor, [{ action: before ? 'movement.recommit' : 'movement.register', entity: 'movement_registration', entityId: id, orgUnitId: input.unitId, before: prior, after: input }]);
  return { id, created: !before };
}

/**
 * A unit's progress report for one period: every figure within its criterion's range; after the period's deadline it
 * is accepted and flagged late; a correction names the version it corrects (409 otherwise).
 * @throws AppError NOT_FOUND | FORBIDDEN | MOVEMENT_INVALID | MOVEMENT_STATE | MOVEMENT_FIGURE_OUT_OF_RANGE | VERSION_CONFLICT
 */
export async function submitReport(q: Queryable, actor: Actor, scope: Scope, movementId: number, input: ReportInput, opts: { today?: string } = {}): Promise<{ id: number; late: boolean }> {
  await loadForUnit(q, scope, movementId, input.unitId, 'movement.report');
  if (!(await repo.findRegistration(q, movementId, input.unitId))) throw new AppError('MOVEMENT_STATE', { status: 'launched', reason: 'đơn vị chưa đăng ký thi đua trong phong trào này' });
  const period = (await repo.periodsOf(q, movementId)).find((p) => p.id === input.periodId);
  if (!period) throw invalid('periodId', 'kỳ báo cáo không thuộc phong trào này');
  const criteria = new Map((await repo.criteriaOf(q, movementId)).map((c) => [c.id, c]));
  const seen = new Set<number>();
  const figures = input.figures.map((f, i) => {
    const c = criteria.get(f.criterionId);
    if (!c) throw invalid(`figures.${i}.criterionId`, 'tiêu chí không thuộc phong trào này');
    if (seen.has(f.criterionId)) throw invalid(`figures.${i}.criterionId`, 'tiêu chí được báo cáo hai lần');
    seen.add(f.criterionId);
    assertInRange(c, f.value, `figures.${i}.value`);
    return { criterionId: f.criterionId, value: f.value, attainment: attainment(c, f.value, period.endsOn) };
  });
  const before = await repo.findReport(q, movementId, input.unitId, input.periodId, true);
  if (before) await assertVersion(q, 'movement_report', before.id, before.version, input.version ?? 0);
  // `today`: the demo seed's reports of 2025, written on the day they were due to be sent.
  const today = opts.today ?? cityToday();
  const late = today > period.deadline;
  const score = weightedScore([...criteria.values()].map((c) => ({ weight: c.weight, attainment: figures.find((f) => f.criterionId === c.id)?.attainment ?? null })));
  const id = await repo.upsertReport(q, { movementId, unitId: input.unitId, periodId: input.periodId, note: input.note, late, score, on: today, by: actor.id });
  const priorFigures = before ? await repo.figuresOf(q, id) : null;
  if (priorFigures) await repo.tally(q, movementId, input.periodId, priorFigures, -1);
  await repo.setFigures(q, id, figures);
  await repo.tally(q, movementId, input.periodId, figures, 1);
  await audit(q, actor, [{
    action: before ? 'movement.report_correct' : 'movement.report', entity: 'movement_report', entityId: id, orgUnitId: input.unitId,
    before: before ? { ...before, figures: priorFigures } : null, after: { ...input, late, score, version: (before?.version ?? 0) + 1 },
  }]);
  return { id, late };
}

import { type Queryable, inParallel } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { latestUnitNames } from './names.ts';
import * as repo from './repo.ts';
import type { LineageLink, UnitAsOf, UnitVersion } from './types.ts';

/** The tree as it stood on `asOf`, limited to the scope (units whose parent is hidden become roots). */
export async function treeAsOf(q: Queryable, scope: Scope, asOf: string): Promise<UnitAsOf[]> {
  const units = await repo.listUnitsAsOf(q, asOf, scope.all ? null : scope.unitIds);
  const visible = new Set(units.map((u) => u.id));
  return units.map((u) => (u.parentId !== null && !visible.has(u.parentId) ? { ...u, parentId: null } : u));
}

export interface UnitDetail {
  unit: UnitAsOf;
  path: { id: number; name: string }[];
  versions: UnitVersion[];
  events: repo.OrgEventRow[];
  predecessors: LineageLink[];
  successors: LineageLink[];
  /** Units whose people and records this unit carries (itself and all predecessors, transitively). */
  lineageIds: number[];
}

async function links(q: Queryable, unitId: number, direction: 'predecessors' | 'successors'): Promise<LineageLink[]> {
  const [mine, other] = direction === 'predecessors' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
  const rows = await q.query<{ unit_id: number; code: string; kind: 'merge' | 'split'; effective_on: string }>(
    `select l.${other} as unit_id, u.code, e.kind, l.effective_on
       from org_lineage l join org_unit u on u.id = l.${other} join org_event e on e.id = l.event_id
      where l.${mine} = $1 order by l.effective_on, u.code`,
    [unitId],
  );
  const names = await latestUnitNames(q, rows.map((r) => r.unit_id));
  return rows.map((r) => ({ unitId: r.unit_id, code: r.code, name: names.get(r.unit_id) ?? '', eventKind: r.kind, effectiveOn: r.effective_on }));
}

/** Ancestors of a unit as of a date, root first. */
async function pathOf(q: Queryable, unit: UnitAsOf, asOf: string): Promise<{ id: number; name: string }[]> {
  const path: { id: number; name: string }[] = [];
  let parentId = unit.parentId;
  const seen = new Set<number>();
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = await repo.findUnit(q, parentId, asOf);
    if (!parent) break;
    path.unshift({ id: parent.id, name: parent.name });
    parentId = parent.parentId;
  }
  return path;
}

/**
 * A unit with its history: versions, events, predecessors and successors.
 * @throws AppError NOT_FOUND when missing or outside the scope
 */
export async function unitDetail(q: Queryable, scope: Scope, id: number, asOf?: string): Promise<UnitDetail> {
  const unit = await repo.findUnit(q, id, asOf);
  if (!unit || !inScope(scope, id)) throw new AppError('NOT_FOUND');
  const [versions, events, predecessors, successors, older] = await inParallel(q, [
    () => repo.unitVersions(q, id),
    () => repo.eventsOfUnit(q, id),
    () => links(q, id, 'predecessors'),
    () => links(q, id, 'successors'),
    () => repo.predecessorsOf(q, id),
  ] as const);
  const path = await pathOf(q, unit, asOf ?? unit.dissolvedOn ?? cityToday());
  return { unit, path, versions, events, predecessors, successors, lineageIds: [id, ...older] };
}

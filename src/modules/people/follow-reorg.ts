import type { AuditEntry } from '../audit/audit.ts';
import { type OccupancyCounter, onOccupancy, onReorganise } from '../org/hooks.ts';
import type { ReorgHandler } from '../org/types.ts';
import { refreshCurrentUnit } from './repo.ts';

/**
 * People follow a merged or split unit: open employments in the old units end on the effective
 * date and continue, same position, in the successor. History rows stay as they were.
 */
export const movePeopleOnReorg: ReorgHandler = async (q, change) => {
  const moved = await q.query<{ id: number; person_id: number; unit_id: number }>(
    `update employment set to_date = $2, end_reason = $3
      where unit_id = any($1::bigint[]) and to_date is null and from_date < $2::date
      returning id, person_id, unit_id`,
    [change.fromUnitIds, change.effectiveOn, change.kind],
  );
  if (moved.length === 0) return [];
  await q.query(
    `insert into employment (person_id, unit_id, position, category, is_leader, from_date)
     select e.person_id, $2, e.position, e.category, e.is_leader, $3 from employment e where e.id = any($1::bigint[])`,
    [moved.map((m) => m.id), change.toUnitId, change.effectiveOn],
  );
  const personIds = [...new Set(moved.map((m) => m.person_id))];
  await refreshCurrentUnit(q, personIds);
  await q.query('update person set version = version + 1 where id = any($1::bigint[])', [personIds]);
  const entry: AuditEntry = {
    action: `employment.follow_${change.kind}`,
    entity: 'org_unit',
    entityId: change.toUnitId,
    orgUnitId: change.toUnitId,
    before: { unitIds: change.fromUnitIds },
    after: { unitId: change.toUnitId, people: personIds.length, effectiveOn: change.effectiveOn },
  };
  return [entry];
};

onReorganise(movePeopleOnReorg);

/** People employed in the unit on a day (or later): org dissolves no unit that still has some. */
export const peopleInUnit: OccupancyCounter = async (q, unitId, on) => {
  const [{ n }] = await q.query<{ n: number }>(
    'select count(*)::int as n from employment where unit_id = $1 and (to_date is null or to_date > $2::date)',
    [unitId, on],
  );
  return n;
};

onOccupancy(peopleInUnit);

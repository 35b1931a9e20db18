import type { Queryable } from '../../server/db.ts';
import { subtreesOf } from './tree-walks.ts';

// Set-based readers of the tree for the modules above org (eligibility's histories and discovery, people's search
// and scope checks): one statement per call over a batch of ids, so callers keep their constant number of
// statements per batch without naming org's tables.

/** Every unit's id, dissolved ones included. */
export async function allUnitIds(q: Queryable): Promise<number[]> {
  return (await q.query<{ id: number }>('select id from org_unit')).map((r) => r.id);
}

export interface UnitPage {
  asOf: string;
  /** Ids above this one. */
  after: number;
  limit: number;
  /** Only these units; 'all' = every one. */
  unitIds: number[] | 'all';
}

/** The next keyset page of units active on `asOf` (established by then, not yet dissolved), by ascending id. */
export async function activeUnitsPage(q: Queryable, p: UnitPage): Promise<number[]> {
  const scoped = p.unitIds !== 'all';
  return (await q.query<{ id: number }>(
    `select u.id from org_unit u
      where u.established_on <= $1::date and (u.dissolved_on is null or u.dissolved_on > $1::date) and u.id > $2::bigint
        ${scoped ? 'and u.id = any($4::bigint[])' : ''}
      order by u.id limit $3::int`,
    scoped ? [p.asOf, p.after, p.limit, p.unitIds] : [p.asOf, p.after, p.limit],
  )).map((r) => r.id);
}

export interface UnitOnDate { id: number; established_on: string; name: string | null; parent_name: string | null }

/**
 * Units with the name and parent's name each had on `asOf` (the latest version begun by then; a unit or parent
 * founded later shows its latest), by ascending id. Unknown ids are absent.
 */
export function unitsOnDate(q: Queryable, ids: number[], asOf: string): Promise<UnitOnDate[]> {
  return q.query<UnitOnDate>(
    `select u.id, u.established_on, v.name, pv.name as parent_name
       from org_unit u
       left join lateral (select v.name, v.parent_id from org_unit_version v where v.unit_id = u.id
                           order by (v.valid_from <= $2::date) desc, v.valid_from desc, v.id desc limit 1) v on true
       left join lateral (select pv.name from org_unit_version pv where pv.unit_id = v.parent_id
                           order by (pv.valid_from <= $2::date) desc, pv.valid_from desc, pv.id desc limit 1) pv on true
      where u.id = any($1::bigint[]) order by u.id`,
    [ids, asOf],
  );
}

/** Every predecessor (merged or split into the unit, transitively) of each unit, as (unit, predecessor) pairs. */
export function predecessorPairs(q: Queryable, ids: number[]): Promise<{ unit_id: number; predecessor_id: number }[]> {
  return q.query<{ unit_id: number; predecessor_id: number }>(
    `with recursive back(unit_id, predecessor_id) as (
       select successor_id, predecessor_id from org_lineage where successor_id = any($1::bigint[])
       union
       select b.unit_id, l.predecessor_id from org_lineage l join back b on l.successor_id = b.predecessor_id
     ) select unit_id, predecessor_id from back order by 1, 2`,
    [ids],
  );
}

/** The unit and every unit under it by latest parent (what a role on it covers, predecessors aside). */
export async function subtreeIds(q: Queryable, unitId: number): Promise<number[]> {
  return (await subtreesOf(q, [unitId])).get(unitId) ?? [unitId];
}

/** The unit, every unit under it by latest parent and their predecessors (whose people and records follow them). */
export async function subtreeWithPredecessors(q: Queryable, unitId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    'with recursive sub(id) as (select $1::bigint union select e.child_id from org_scope_edge e join sub on e.parent_id = sub.id) select id from sub',
    [unitId],
  );
  return rows.map((r) => r.id);
}

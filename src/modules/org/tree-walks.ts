import type { Scope } from '../auth/scope.ts';
import type { Queryable } from '../../server/db.ts';

// Walks of the tree for the modules that need them without naming org's tables: auth's scopes (handed to auth by
// server/wiring.ts) and eligibility's caps. Each walks many units in one statement.

/**
 * The units roles on `roots` cover: each root, everything under it by latest parent and the predecessors of those
 * units, whose records follow their successors. Roles on every top unit (e.g. the city committee) cover
 * everything: answered without walking the tree.
 */
export async function unitsCovered(q: Queryable, roots: number[]): Promise<Scope> {
  if (roots.length === 0) return { all: false, unitIds: [] };
  // One round trip (every request resolves a scope): the tops first; the walk only runs (lazily, in the CASE's
  // branch) when the roles do not cover every top unit.
  const [row] = await q.query<{ tops: number; covered: number; ids: (number | string)[] | null }>(
    `with recursive t as (
       select count(*)::int as tops, count(*) filter (where u.id = any($1::bigint[]))::int as covered
         from org_unit u
        where u.latest_parent_id is null and not exists (select 1 from org_lineage l where l.predecessor_id = u.id)
     ), edge as materialized (select child_id, parent_id from org_scope_edge),
     sub(id) as (
       select unnest($1::bigint[])
       union
       select e.child_id from edge e join sub on e.parent_id = sub.id
     )
     select t.tops, t.covered, case when t.tops > 0 and t.covered = t.tops then null else array(select id from sub) end as ids from t`,
    [roots],
  );
  if (row.ids === null) return { all: true };
  return { all: false, unitIds: row.ids.map(Number) };
}

/** Each root with every unit under it by latest parent (the root included). */
export async function subtreesOf(q: Queryable, roots: number[]): Promise<Map<number, number[]>> {
  const unique = [...new Set(roots)];
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ root: number; id: number }>(
    `with recursive sub(root, id) as (select r, r from unnest($1::bigint[]) as r
       union select sub.root, u.id from org_unit u join sub on u.latest_parent_id = sub.id)
     select root, id from sub`,
    [unique],
  );
  return groupBy(rows, (r) => r.root);
}

/** Each unit with itself and its ancestors by latest parent, for matching caps set on a parent unit. */
export async function ancestorChains(q: Queryable, unitIds: number[]): Promise<Map<number, number[]>> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ start: number; id: number }>(
    `with recursive up(start, id) as (select u, u from unnest($1::bigint[]) as u
       union select up.start, o.latest_parent_id from up join org_unit o on o.id = up.id where o.latest_parent_id is not null)
     select start, id from up`,
    [unique],
  );
  return groupBy(rows, (r) => r.start);
}

function groupBy<T extends { id: number }>(rows: T[], key: (r: T) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const k = Number(key(r));
    const list = out.get(k);
    if (list) list.push(Number(r.id));
    else out.set(k, [Number(r.id)]);
  }
  return out;
}

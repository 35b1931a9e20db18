import type { Queryable } from '../../server/db.ts';

// Unit names and codes for other modules' lists, pages and exports: org owns org_unit and org_unit_version, so
// nobody else writes the "latest name" subquery. One set-based statement per call, whatever the number of ids:
// a page of 50 rows costs one more round trip, not 50 subqueries.

const distinctIds = (ids: readonly (number | null | undefined)[]): number[] => [...new Set(ids.filter((id): id is number => id != null))];

/** Each unit's latest name (its current one, or the last it had before it was dissolved). Unknown ids are absent. */
export async function latestUnitNames(q: Queryable, ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = distinctIds(ids);
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ unit_id: number; name: string }>(
    `select distinct on (unit_id) unit_id, name from org_unit_version
      where unit_id = any($1::bigint[]) order by unit_id, valid_from desc, id desc`,
    [unique],
  );
  return new Map(rows.map((r) => [Number(r.unit_id), r.name]));
}

/**
 * Each unit's name on `asOf` ('YYYY-MM-DD'): the latest version begun by then; a unit founded after `asOf` gets
 * its latest name. What eligibility's histories show beside a person or a collective.
 */
export async function unitNamesAsOf(q: Queryable, ids: readonly (number | null | undefined)[], asOf: string): Promise<Map<number, string>> {
  const unique = distinctIds(ids);
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ unit_id: number; name: string }>(
    `select distinct on (unit_id) unit_id, name from org_unit_version where unit_id = any($1::bigint[])
      order by unit_id, (valid_from <= $2::date) desc, valid_from desc, id desc`,
    [unique, asOf],
  );
  return new Map(rows.map((r) => [Number(r.unit_id), r.name]));
}

/**
 * The name each (unit, day) pair had: the latest version of the unit begun by that day (null when none had begun),
 * in the order of the pairs.
 */
export async function unitNamesOn(q: Queryable, pairs: readonly { unitId: number; on: string }[]): Promise<(string | null)[]> {
  if (pairs.length === 0) return [];
  const rows = await q.query<{ i: number; name: string | null }>(
    `select k.i, (select v.name from org_unit_version v where v.unit_id = k.unit_id and v.valid_from <= k.on_day
                  order by v.valid_from desc, v.id desc limit 1) as name
       from unnest($1::bigint[], $2::date[]) with ordinality as k(unit_id, on_day, i)`,
    [pairs.map((p) => p.unitId), pairs.map((p) => p.on)],
  );
  const out: (string | null)[] = pairs.map(() => null);
  for (const r of rows) out[Number(r.i) - 1] = r.name;
  return out;
}

/** Each unit's code (mã đơn vị). Unknown ids are absent. */
export async function unitCodes(q: Queryable, ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = distinctIds(ids);
  if (unique.length === 0) return new Map();
  const rows = await q.query<{ id: number; code: string }>('select id, code from org_unit where id = any($1::bigint[])', [unique]);
  return new Map(rows.map((r) => [Number(r.id), r.code]));
}

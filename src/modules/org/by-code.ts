import type { Queryable } from '../../server/db.ts';
import type { UnitKind } from './types.ts';

// Units looked up by code (mã đơn vị), as files name them: what imports check a sheet against. One statement
// per call, whatever the number of codes.

/** A unit's identity and the dates it existed. */
export interface UnitRef {
  id: number;
  code: string;
  establishedOn: string;
  dissolvedOn: string | null;
}

/** Units by code. Unknown codes are absent. */
export async function unitRefsByCode(q: Queryable, codes: string[]): Promise<Map<string, UnitRef>> {
  const rows = await q.query<{ id: number; code: string; established_on: string; dissolved_on: string | null }>(
    'select id, code, established_on, dissolved_on from org_unit where code = any($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, code: r.code, establishedOn: r.established_on, dissolvedOn: r.dissolved_on }]));
}

/** A stored unit with its latest version and the day that version began (a change must come after it). */
export interface LatestUnit {
  id: number; code: string; kind: UnitKind; established_on: string; dissolved_on: string | null;
  name: string; short_name: string | null; parent_id: number | null; parent_code: string | null; latest_from: string; version: number;
}

/** Units by code with their latest name, short name and parent. Unknown codes are absent. */
export async function latestUnitsByCode(q: Queryable, codes: string[]): Promise<Map<string, LatestUnit>> {
  const rows = await q.query<LatestUnit>(
    `select u.id, u.code, u.kind, u.established_on, u.dissolved_on, v.name, v.short_name, v.parent_id, pu.code as parent_code,
            v.valid_from::text as latest_from, u.version
       from org_unit u
       join lateral (select * from org_unit_version v where v.unit_id = u.id order by v.valid_from desc, v.id desc limit 1) v on true
       left join org_unit pu on pu.id = v.parent_id
      where u.code = any($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** The latest parent's code of every unit not dissolved (null at the top), by code: to find cycles a file would make. */
export async function parentCodesByCode(q: Queryable): Promise<Map<string, string | null>> {
  const rows = await q.query<{ code: string; parent_code: string | null }>(
    `select u.code, pu.code as parent_code from org_unit u
       join org_unit_version v on v.unit_id = u.id and v.valid_to is null
       left join org_unit pu on pu.id = v.parent_id`,
  );
  return new Map(rows.map((r) => [r.code, r.parent_code]));
}

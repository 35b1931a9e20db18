import type { Queryable } from '../server/db.ts';
import { insertColumns } from './bulk.ts';
import type { OrgPlan } from './org-plan.ts';

/**
 * Writes the organisation plan in four set-based statements (units, events, versions, lineage)
 * and returns the id of every unit by code.
 */
export async function writeOrgPlan(q: Queryable, plan: OrgPlan): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unitRows = await insertColumns<{ id: number; code: string }>(
    q,
    `insert into org_unit (code, kind, established_on, dissolved_on, version)
     select * from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::int[]) returning id, code`,
    [plan.units.map((u) => u.code), plan.units.map((u) => u.kind), plan.units.map((u) => u.established), plan.units.map((u) => u.dissolved), plan.units.map((u) => u.versions.length)],
  );
  for (const r of unitRows) ids.set(r.code, Number(r.id));
  const idOf = (code: string | null) => {
    if (code === null) return null;
    const id = ids.get(code);
    if (id === undefined) throw new Error(`seed: unknown unit code ${code}`);
    return id;
  };

  const notes = new Set(plan.events.map((e) => e.note));
  if (notes.size !== plan.events.length) throw new Error('seed: event notes must be unique');
  const eventRows = await insertColumns<{ id: number; note: string }>(
    q,
    `insert into org_event (kind, effective_on, note, unit_ids)
     select k, d, n, u::bigint[] from unnest($1::text[], $2::date[], $3::text[], $4::text[]) as t(k, d, n, u) returning id, note`,
    [plan.events.map((e) => e.kind), plan.events.map((e) => e.date), plan.events.map((e) => e.note), plan.events.map((e) => `{${e.unitCodes.map(idOf).join(',')}}`)],
  );
  const eventIdByNote = new Map(eventRows.map((r) => [r.note, Number(r.id)]));
  const eventId = new Map(plan.events.map((e) => [e.key, eventIdByNote.get(e.note) as number]));

  const versions = plan.units.flatMap((u) => u.versions.map((v) => ({ unitId: idOf(u.code), ...v })));
  await insertColumns(
    q,
    `insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, valid_to, event_id)
     select * from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::date[], $6::date[], $7::bigint[])`,
    [versions.map((v) => v.unitId), versions.map((v) => v.name), versions.map((v) => v.shortName), versions.map((v) => idOf(v.parentCode)), versions.map((v) => v.from), versions.map((v) => v.to), versions.map((v) => eventId.get(v.eventKey) ?? null)],
  );
  await insertColumns(
    q,
    `insert into org_lineage (predecessor_id, successor_id, event_id, effective_on)
     select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::date[])`,
    [plan.lineage.map((l) => idOf(l.pred)), plan.lineage.map((l) => idOf(l.succ)), plan.lineage.map((l) => eventId.get(l.eventKey)), plan.lineage.map((l) => l.date)],
  );
  return ids;
}

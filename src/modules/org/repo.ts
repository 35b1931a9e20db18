import type { Queryable } from '../../server/db.ts';
import type { UnitAsOf, UnitKind, UnitVersion } from './types.ts';

interface UnitRow {
  id: number; code: string; kind: UnitKind; name: string; short_name: string | null; parent_id: number | null;
  established_on: string; dissolved_on: string | null; version: number;
}

const toUnit = (r: UnitRow): UnitAsOf => ({
  id: r.id, code: r.code, kind: r.kind, name: r.name, shortName: r.short_name, parentId: r.parent_id,
  establishedOn: r.established_on, dissolvedOn: r.dissolved_on, version: r.version,
});

const AS_OF_SELECT = `
  select u.id, u.code, u.kind, u.established_on, u.dissolved_on, u.version, v.name, v.short_name, v.parent_id
    from org_unit u
    join org_unit_version v on v.unit_id = u.id and v.valid_from <= $1::date and (v.valid_to is null or v.valid_to > $1::date)`;

/** Units active on `asOf`, with the name and parent they had then; `unitIds` limits to a scope. */
export async function listUnitsAsOf(q: Queryable, asOf: string, unitIds: number[] | null): Promise<UnitAsOf[]> {
  const params: unknown[] = [asOf];
  let where = 'u.established_on <= $1::date and (u.dissolved_on is null or u.dissolved_on > $1::date)';
  if (unitIds) {
    params.push(unitIds);
    where += ' and u.id = any($2::bigint[])';
  }
  return (await q.query<UnitRow>(`${AS_OF_SELECT} where ${where}`, params)).map(toUnit);
}

/** One unit as of a date, or its latest version when it no longer exists on that date. */
export async function findUnit(q: Queryable, id: number, asOf?: string): Promise<UnitAsOf | null> {
  const rows = await q.query<UnitRow>(
    `select u.id, u.code, u.kind, u.established_on, u.dissolved_on, u.version, v.name, v.short_name, v.parent_id
       from org_unit u
       join lateral (select * from org_unit_version v where v.unit_id = u.id
                      order by (v.valid_from <= coalesce($2::date, 'infinity'::date)) desc, v.valid_from desc, v.id desc limit 1) v on true
      where u.id = $1`,
    [id, asOf ?? null],
  );
  return rows[0] ? toUnit(rows[0]) : null;
}

export async function findUnitByCode(q: Queryable, code: string): Promise<UnitAsOf | null> {
  const rows = await q.query<{ id: number }>('select id from org_unit where code = $1', [code]);
  return rows[0] ? findUnit(q, rows[0].id) : null;
}

/** Every version of a unit, oldest first, with its parent's name at that time. */
export async function unitVersions(q: Queryable, id: number): Promise<UnitVersion[]> {
  const rows = await q.query<{ name: string; short_name: string | null; parent_id: number | null; parent_name: string | null; valid_from: string; valid_to: string | null; event_kind: string | null }>(
    `select v.name, v.short_name, v.parent_id, v.valid_from, v.valid_to, e.kind as event_kind,
            (select pv.name from org_unit_version pv where pv.unit_id = v.parent_id and pv.valid_from <= v.valid_from
              order by pv.valid_from desc, pv.id desc limit 1) as parent_name
       from org_unit_version v left join org_event e on e.id = v.event_id
      where v.unit_id = $1 and v.valid_to is distinct from v.valid_from order by v.valid_from`,
    [id],
  );
  return rows.map((r) => ({ name: r.name, shortName: r.short_name, parentId: r.parent_id, parentName: r.parent_name, validFrom: r.valid_from, validTo: r.valid_to, eventKind: r.event_kind }));
}

/** Inserts a unit and its first version. */
export async function insertUnit(
  q: Queryable,
  u: { code: string; kind: UnitKind; name: string; shortName: string | null; parentId: number | null; establishedOn: string; eventId: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'insert into org_unit (code, kind, established_on) values ($1, $2, $3) returning id',
    [u.code, u.kind, u.establishedOn],
  );
  await q.query(
    'insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, event_id) values ($1, $2, $3, $4, $5, $6)',
    [row.id, u.name, u.shortName, u.parentId, u.establishedOn, u.eventId],
  );
  return row.id;
}

/** Closes the open version on `on` and opens a new one with the given name/parent. */
export async function addVersion(q: Queryable, unitId: number, on: string, next: { name: string; shortName: string | null; parentId: number | null }, eventId: number): Promise<void> {
  await q.query('update org_unit_version set valid_to = $2 where unit_id = $1 and valid_to is null', [unitId, on]);
  await q.query(
    'insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, event_id) values ($1, $2, $3, $4, $5, $6)',
    [unitId, next.name, next.shortName, next.parentId, on, eventId],
  );
  await bumpVersion(q, unitId);
}

export interface OpenVersion { id: number; eventId: number | null }

/** The unit's open version (the one a same-day correction replaces). */
export async function openVersion(q: Queryable, unitId: number): Promise<OpenVersion | null> {
  const rows = await q.query<{ id: number; event_id: number | null }>('select id, event_id from org_unit_version where unit_id = $1 and valid_to is null', [unitId]);
  return rows[0] ? { id: Number(rows[0].id), eventId: rows[0].event_id === null ? null : Number(rows[0].event_id) } : null;
}

/**
 * Replaces the open version begun on `on` by a correction: the corrected row keeps its content and its period
 * shrinks to nothing, so as-of reads skip it; the new row names it in `corrects_id`.
 */
export async function correctVersion(q: Queryable, unitId: number, correctedId: number, on: string, next: { name: string; shortName: string | null; parentId: number | null }, eventId: number): Promise<void> {
  await q.query('update org_unit_version set valid_to = valid_from where id = $1 and unit_id = $2 and valid_to is null', [correctedId, unitId]);
  await q.query(
    'insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, event_id, corrects_id) values ($1, $2, $3, $4, $5, $6, $7)',
    [unitId, next.name, next.shortName, next.parentId, on, eventId, correctedId],
  );
  await bumpVersion(q, unitId);
}

/** Changes a unit's kind (not a dated change: the kind is not part of a version). */
export async function setKind(q: Queryable, unitId: number, kind: UnitKind): Promise<void> {
  await q.query('update org_unit set kind = $2, version = version + 1, updated_at = now() where id = $1', [unitId, kind]);
}

/** Locks a unit's row for this transaction and returns its version (undefined when it does not exist). */
export async function lockVersion(q: Queryable, unitId: number): Promise<number | undefined> {
  const rows = await q.query<{ version: number }>('select version from org_unit where id = $1 for update', [unitId]);
  return rows[0]?.version;
}

export async function bumpVersion(q: Queryable, unitId: number): Promise<void> {
  await q.query('update org_unit set version = version + 1, updated_at = now() where id = $1', [unitId]);
}

/** Marks a unit dissolved from `on` and closes its open version. */
export async function closeUnit(q: Queryable, unitId: number, on: string): Promise<void> {
  await q.query('update org_unit_version set valid_to = $2 where unit_id = $1 and valid_to is null', [unitId, on]);
  await q.query('update org_unit set dissolved_on = $2, version = version + 1, updated_at = now() where id = $1', [unitId, on]);
}

/** Date of the latest version of a unit (a change must be effective after it). */
export async function latestVersionStart(q: Queryable, unitId: number): Promise<string | null> {
  const rows = await q.query<{ valid_from: string }>('select max(valid_from)::text as valid_from from org_unit_version where unit_id = $1', [unitId]);
  return rows[0]?.valid_from ?? null;
}

export async function insertEvent(q: Queryable, kind: string, effectiveOn: string, note: string | null, actorId: number | null, unitIds: number[] = [], correctsEventId: number | null = null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'insert into org_event (kind, effective_on, note, actor_id, unit_ids, corrects_event_id) values ($1, $2, $3, $4, $5, $6) returning id',
    [kind, effectiveOn, note, actorId, unitIds, correctsEventId],
  );
  return row.id;
}

/** Links units created by an event (their ids are known only after the event row exists). */
export async function addEventUnits(q: Queryable, eventId: number, unitIds: number[]): Promise<void> {
  await q.query('update org_event set unit_ids = unit_ids || $2::bigint[] where id = $1', [eventId, unitIds]);
}

export interface OrgEventRow {
  id: number; kind: string; effectiveOn: string; note: string | null; unitIds: number[]; createdAt: string;
  /** The event this one corrects (a same-day correction), else null. */
  correctsEventId: number | null;
}

/** Events that touched a unit, oldest first. */
export async function eventsOfUnit(q: Queryable, unitId: number): Promise<OrgEventRow[]> {
  const rows = await q.query<{ id: number; kind: string; effective_on: string; note: string | null; unit_ids: number[]; created_at: string; corrects_event_id: number | null }>(
    'select id, kind, effective_on, note, unit_ids, created_at, corrects_event_id from org_event where $1 = any(unit_ids) order by effective_on, id',
    [unitId],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, effectiveOn: r.effective_on, note: r.note, unitIds: r.unit_ids.map(Number), createdAt: r.created_at, correctsEventId: r.corrects_event_id === null ? null : Number(r.corrects_event_id) }));
}

export async function insertLineage(q: Queryable, predecessorId: number, successorId: number, eventId: number, on: string): Promise<void> {
  await q.query(
    'insert into org_lineage (predecessor_id, successor_id, event_id, effective_on) values ($1, $2, $3, $4) on conflict do nothing',
    [predecessorId, successorId, eventId, on],
  );
}

/** Active children of a unit on a date. */
export async function activeChildren(q: Queryable, unitId: number, on: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `select u.id from org_unit u join org_unit_version v on v.unit_id = u.id and v.valid_to is null
      where v.parent_id = $1 and (u.dissolved_on is null or u.dissolved_on > $2::date)`,
    [unitId, on],
  );
  return rows.map((r) => r.id);
}

/** The unit and all its ancestors (by the latest parents), used to refuse cycles. */
export async function ancestorsOf(q: Queryable, unitId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `with recursive up(id) as (
       select $1::bigint
       union
       select v.parent_id from up join org_unit_version v on v.unit_id = up.id and v.valid_to is null where v.parent_id is not null
     ) select id from up`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** All predecessors of a unit, transitively (A+B→C→D gives A, B, C for D). */
export async function predecessorsOf(q: Queryable, unitId: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `with recursive back(id) as (
       select predecessor_id from org_lineage where successor_id = $1
       union
       select l.predecessor_id from org_lineage l join back on l.successor_id = back.id
     ) select id from back`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** Refreshes the planner's statistics of the tree after a bulk load (PGlite has no autovacuum). */
export async function analyzeUnits(q: Queryable): Promise<void> {
  await q.query('analyze org_unit, org_unit_version');
}

import type { Queryable } from '../../server/db.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { nameColumns } from '../people/derive.ts';
import type { PeoplePlan, PersonCreate, PersonUpdate } from './people-plan.ts';

/** What applying a people plan wrote. */
export interface PeopleWriteResult {
  created: number;
  updated: number;
  audit: AuditEntry[];
}

const employmentOf = (s: PersonCreate['staged'], unitId: number) => ({ unitId, position: s.position, category: s.category, isLeader: s.isLeader, fromDate: s.fromDate });

/**
 * New people and their first employment in one statement: the input is sent once, and the
 * employment rows find their person by CCCD inside the database.
 */
async function createPeople(q: Queryable, creates: PersonCreate[], importId: number, audit: AuditEntry[]): Promise<void> {
  const cols = {
    nid: [] as string[], name: [] as string[], gender: [] as (string | null)[], birth: [] as (string | null)[], search: [] as string[], sort: [] as string[],
    unit: [] as number[], position: [] as string[], category: [] as string[], leader: [] as boolean[], from: [] as string[],
  };
  for (const c of creates) {
    const s = c.staged;
    const n = nameColumns(s.fullName);
    cols.nid.push(s.nationalId); cols.name.push(n.fullName); cols.gender.push(s.gender); cols.birth.push(s.birthDate); cols.search.push(n.searchText); cols.sort.push(n.sortKey);
    cols.unit.push(c.unitId); cols.position.push(s.position); cols.category.push(s.category); cols.leader.push(s.isLeader); cols.from.push(s.fromDate);
  }
  const rows = await q.query<{ person_id: number; national_id: string; employment_id: number }>(
    `with input as (
       select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::boolean[], $11::date[])
         as u(nid, name, gender, birth, search, sort, unit, position, category, leader, from_date)
     ), p as (
       insert into person (national_id, full_name, gender, birth_date, search_text, sort_key, current_unit_id)
       select nid, name, gender, birth, search, sort, unit from input
       returning id, national_id
     ), e as (
       insert into employment (person_id, unit_id, position, category, is_leader, from_date)
       select p.id, i.unit, i.position, i.category, i.leader, i.from_date from p join input i on i.nid = p.national_id
       returning id, person_id
     )
     select p.id as person_id, p.national_id, e.id as employment_id from p join e on e.person_id = p.id`,
    [cols.nid, cols.name, cols.gender, cols.birth, cols.search, cols.sort, cols.unit, cols.position, cols.category, cols.leader, cols.from],
  );
  const ids = new Map(rows.map((r) => [r.national_id, r]));
  for (const c of creates) {
    const s = c.staged;
    const row = ids.get(s.nationalId);
    // One flat entry per new person, carrying their first employment: two entries, or nested objects,
    // made the audit insert the slowest step of a 100,000-row import (jsonb parsing in PGlite).
    audit.push({
      action: 'person.create', entity: 'person', entityId: row?.person_id ?? null, orgUnitId: c.unitId, before: null,
      after: { nationalId: s.nationalId, fullName: s.fullName, gender: s.gender, birthDate: s.birthDate, ...employmentOf(s, c.unitId), employmentId: row?.employment_id ?? null, importId },
    });
  }
}

/** Identity fields (and the current unit of people who move), one statement for all. */
async function updatePeople(q: Queryable, updates: PersonUpdate[], importId: number, audit: AuditEntry[]): Promise<void> {
  const cols = { id: [] as number[], name: [] as string[], gender: [] as (string | null)[], birth: [] as (string | null)[], search: [] as string[], sort: [] as string[], unit: [] as (number | null)[] };
  for (const u of updates) {
    const n = nameColumns(u.staged.fullName);
    cols.id.push(u.before.id); cols.name.push(n.fullName); cols.gender.push(u.staged.gender ?? u.before.gender); cols.birth.push(u.staged.birthDate ?? u.before.birth_date);
    cols.search.push(n.searchText); cols.sort.push(n.sortKey); cols.unit.push(u.employmentChanged ? u.unitId : u.before.current_unit_id);
  }
  await q.query(
    `update person p set full_name = u.name, gender = u.gender, birth_date = u.birth, search_text = u.search, sort_key = u.sort,
            current_unit_id = u.unit, version = p.version + 1, updated_at = now()
       from unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[]) as u(id, name, gender, birth, search, sort, unit)
      where p.id = u.id`,
    [cols.id, cols.name, cols.gender, cols.birth, cols.search, cols.sort, cols.unit],
  );
  updates.forEach((u, i) => {
    const b = u.before;
    const after = { nationalId: b.national_id, fullName: u.staged.fullName, gender: cols.gender[i], birthDate: cols.birth[i], currentUnitId: cols.unit[i], version: b.version + 1, importId };
    audit.push({ action: u.employmentChanged ? 'person.transfer' : 'person.update', entity: 'person', entityId: b.id, orgUnitId: after.currentUnitId, before: { nationalId: b.national_id, fullName: b.full_name, gender: b.gender, birthDate: b.birth_date, currentUnitId: b.current_unit_id, version: b.version }, after });
  });
}

/** People who change unit or position: the open employment ends on "Từ ngày" and a new one starts. */
async function moveEmployments(q: Queryable, moving: PersonUpdate[], importId: number, audit: AuditEntry[]): Promise<void> {
  const ended = await q.query<{ id: number; unit_id: number; to_date: string }>(
    `update employment e set to_date = u.from_date, end_reason = 'transfer'
       from unnest($1::bigint[], $2::date[]) as u(person_id, from_date)
      where e.person_id = u.person_id and e.to_date is null
      returning e.id, e.unit_id, e.to_date`,
    [moving.map((u) => u.before.id), moving.map((u) => u.staged.fromDate)],
  );
  for (const e of ended) audit.push({ action: 'employment.end', entity: 'employment', entityId: e.id, orgUnitId: e.unit_id, before: { toDate: null }, after: { toDate: e.to_date, endReason: 'transfer', importId } });
  const rows = await q.query<{ id: number; person_id: number }>(
    `insert into employment (person_id, unit_id, position, category, is_leader, from_date)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::boolean[], $6::date[])
     returning id, person_id`,
    [moving.map((u) => u.before.id), moving.map((u) => u.unitId), moving.map((u) => u.staged.position), moving.map((u) => u.staged.category), moving.map((u) => u.staged.isLeader), moving.map((u) => u.staged.fromDate)],
  );
  // Each person gets exactly one new employment here, so the person id identifies it.
  const ids = new Map(rows.map((r) => [r.person_id, r.id]));
  for (const u of moving) {
    audit.push({ action: 'employment.create', entity: 'employment', entityId: ids.get(u.before.id) ?? null, orgUnitId: u.unitId, before: null, after: { personId: u.before.id, ...employmentOf(u.staged, u.unitId), importId } });
  }
}

/**
 * Writes a people plan with set-based statements (one per kind of write, whatever the row count):
 * new people with their employment, changed identity fields, ended and new employments. Unchanged
 * rows are not in the plan. Runs inside the caller's transaction; the caller writes the returned
 * audit entries there too.
 */
export async function writePeople(q: Queryable, plan: PeoplePlan, importId: number): Promise<PeopleWriteResult> {
  const audit: AuditEntry[] = [];
  if (plan.creates.length > 0) await createPeople(q, plan.creates, importId, audit);
  if (plan.updates.length > 0) await updatePeople(q, plan.updates, importId, audit);
  const moving = plan.updates.filter((u) => u.employmentChanged);
  if (moving.length > 0) await moveEmployments(q, moving, importId, audit);
  return { created: plan.creates.length, updated: plan.updates.length, audit };
}

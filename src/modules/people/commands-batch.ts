import type { Queryable } from '../../server/db.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { nameColumns } from './derive.ts';
import type { PersonRow } from './repo.ts';
import { type EmploymentInput, employmentEndEntry, employmentStartEntry, endOpenEmployments, personSnapshot, startEmployments } from './transfer.ts';
import type { Gender } from './types.ts';

// Many people created and changed at once (an Excel import of 100,000 rows), with the transfer rule and the audit
// snapshots of the single-person commands (transfer.ts): one statement per kind of write, whatever the row count.
// The caller has checked every row (CCCD, scope, units open, a new position after the latest one): rows that
// would be refused are not in the batch.

/** A new person with their first employment. */
export interface NewPersonRow {
  nationalId: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  employment: EmploymentInput;
}

/** A stored person's new identity fields and, when their unit or position changes, their new employment. */
export interface PersonChangeRow {
  before: PersonRow;
  fullName: string;
  /** Null keeps the stored value. */
  gender: Gender | null;
  /** Null keeps the stored value. */
  birthDate: string | null;
  /** A new employment from its date (the open one ends that day), or null when the position stays. */
  employment: EmploymentInput | null;
}

export interface PeopleBatch {
  creates: NewPersonRow[];
  updates: PersonChangeRow[];
  /** Added to every audit entry's `after` (e.g. `{ importId }`). */
  tag: Record<string, unknown>;
}

/**
 * New people and their first employment in one statement: the input is sent once, and the employment rows find
 * their person by CCCD inside the database. One flat audit entry per person, carrying the first employment: two
 * entries, or nested objects, made the audit insert the slowest step of a 100,000-row import (jsonb in PGlite).
 */
async function createPeople(q: Queryable, creates: NewPersonRow[], tag: Record<string, unknown>, audit: AuditEntry[]): Promise<void> {
  const cols = {
    nid: [] as string[], name: [] as string[], gender: [] as (string | null)[], birth: [] as (string | null)[], search: [] as string[], sort: [] as string[],
    unit: [] as number[], position: [] as string[], category: [] as string[], leader: [] as boolean[], from: [] as string[],
  };
  for (const c of creates) {
    const n = nameColumns(c.fullName);
    const e = c.employment;
    cols.nid.push(c.nationalId); cols.name.push(n.fullName); cols.gender.push(c.gender); cols.birth.push(c.birthDate); cols.search.push(n.searchText); cols.sort.push(n.sortKey);
    cols.unit.push(e.unitId); cols.position.push(e.position); cols.category.push(e.category); cols.leader.push(e.isLeader); cols.from.push(e.fromDate);
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
    const row = ids.get(c.nationalId);
    const e = c.employment;
    audit.push({
      action: 'person.create', entity: 'person', entityId: row?.person_id ?? null, orgUnitId: e.unitId, before: null,
      after: {
        nationalId: c.nationalId, fullName: c.fullName, gender: c.gender, birthDate: c.birthDate,
        unitId: e.unitId, position: e.position, category: e.category, isLeader: e.isLeader, fromDate: e.fromDate, employmentId: row?.employment_id ?? null, ...tag,
      },
    });
  }
}

/** Identity fields (and the current unit of people who move), one statement for all. */
async function updatePeople(q: Queryable, updates: PersonChangeRow[], tag: Record<string, unknown>, audit: AuditEntry[]): Promise<void> {
  const names = updates.map((u) => nameColumns(u.fullName));
  const after: PersonRow[] = updates.map((u, i) => {
    const b = u.before;
    return { ...b, full_name: names[i].fullName, gender: u.gender ?? b.gender, birth_date: u.birthDate ?? b.birth_date, current_unit_id: u.employment ? u.employment.unitId : b.current_unit_id, version: b.version + 1 };
  });
  await q.query(
    `update person p set full_name = u.name, gender = u.gender, birth_date = u.birth, search_text = u.search, sort_key = u.sort,
            current_unit_id = u.unit, version = p.version + 1, updated_at = now()
       from unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[]) as u(id, name, gender, birth, search, sort, unit)
      where p.id = u.id`,
    [after.map((a) => a.id), after.map((a) => a.full_name), after.map((a) => a.gender), after.map((a) => a.birth_date), names.map((n) => n.searchText), names.map((n) => n.sortKey), after.map((a) => a.current_unit_id)],
  );
  updates.forEach((u, i) => {
    const action = u.employment ? 'person.transfer' : 'person.update';
    audit.push({ action, entity: 'person', entityId: u.before.id, orgUnitId: after[i].current_unit_id, before: personSnapshot(u.before), after: { ...personSnapshot(after[i]), ...tag } });
  });
}

/** People who change unit or position: the open employment ends on the new one's date and the new one starts. */
async function moveEmployments(q: Queryable, moving: { personId: number; employment: EmploymentInput }[], tag: Record<string, unknown>, audit: AuditEntry[]): Promise<void> {
  const ended = await endOpenEmployments(q, moving.map((m) => ({ personId: m.personId, fromDate: m.employment.fromDate })));
  for (const e of ended) audit.push(employmentEndEntry(e, tag));
  const ids = await startEmployments(q, moving);
  for (const m of moving) audit.push(employmentStartEntry(ids.get(m.personId) ?? null, m.personId, m.employment, tag));
}

/**
 * Writes a batch of people inside the caller's transaction: new people with their employment, changed identity
 * fields, ended and new employments. Returns the audit entries for the caller to write with its own.
 */
export async function applyPeopleBatch(q: Queryable, b: PeopleBatch): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  if (b.creates.length > 0) await createPeople(q, b.creates, b.tag, audit);
  if (b.updates.length > 0) await updatePeople(q, b.updates, b.tag, audit);
  const moving = b.updates.flatMap((u) => (u.employment ? [{ personId: u.before.id, employment: u.employment }] : []));
  if (moving.length > 0) await moveEmployments(q, moving, b.tag, audit);
  return audit;
}

/** Refreshes the planner's statistics of people and employments after a bulk load (PGlite has no autovacuum). */
export async function analyzePeople(q: Queryable): Promise<void> {
  await q.query('analyze person, employment');
}

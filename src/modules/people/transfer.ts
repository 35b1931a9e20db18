import type { Queryable } from '../../server/db.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { PersonRow } from './repo.ts';
import type { Category } from './types.ts';

// The transfer rule and the audit snapshots, shared by the single-person commands (commands.ts) and the batch
// ones (commands-batch.ts, an Excel import): a new unit or position starts a new employment from its date, the
// open one ends that day, so the history of positions is kept. Set-based: one statement for one person or many.

/** A position held from a date (a new employment). */
export interface EmploymentInput {
  unitId: number;
  position: string;
  category: Category;
  isLeader: boolean;
  fromDate: string;
}

/** A person as the audit log records them before and after a change. */
export const personSnapshot = (p: PersonRow | null) => p && { nationalId: p.national_id, fullName: p.full_name, gender: p.gender, birthDate: p.birth_date, currentUnitId: p.current_unit_id, version: p.version };

/** A new employment may only start after the latest one began (its start is `latestFrom`, null when none). */
export const startsAfterLatest = (latestFrom: string | null, fromDate: string): boolean => !latestFrom || fromDate > latestFrom;

/** Ends the open employment of each person on the day their new one starts ('transfer'); returns what it ended. */
export async function endOpenEmployments(q: Queryable, moves: readonly { personId: number; fromDate: string }[]): Promise<{ id: number; unit_id: number; to_date: string }[]> {
  if (moves.length === 0) return [];
  return q.query<{ id: number; unit_id: number; to_date: string }>(
    `update employment e set to_date = u.from_date, end_reason = 'transfer'
       from unnest($1::bigint[], $2::date[]) as u(person_id, from_date)
      where e.person_id = u.person_id and e.to_date is null
      returning e.id, e.unit_id, e.to_date`,
    [moves.map((m) => m.personId), moves.map((m) => m.fromDate)],
  );
}

/** Starts one new employment per person (no person twice in a call); returns each person's new employment id. */
export async function startEmployments(q: Queryable, rows: readonly { personId: number; employment: EmploymentInput }[]): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await q.query<{ id: number; person_id: number }>(
    `insert into employment (person_id, unit_id, position, category, is_leader, from_date)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::boolean[], $6::date[])
     returning id, person_id`,
    [rows.map((r) => r.personId), rows.map((r) => r.employment.unitId), rows.map((r) => r.employment.position), rows.map((r) => r.employment.category), rows.map((r) => r.employment.isLeader), rows.map((r) => r.employment.fromDate)],
  );
  return new Map(inserted.map((r) => [r.person_id, r.id]));
}

/** The audit entry of an employment a transfer ended. */
export const employmentEndEntry = (e: { id: number; unit_id: number; to_date: string }, tag: Record<string, unknown> = {}): AuditEntry => ({
  action: 'employment.end', entity: 'employment', entityId: e.id, orgUnitId: e.unit_id, before: { toDate: null }, after: { toDate: e.to_date, endReason: 'transfer', ...tag },
});

/** The audit entry of a new employment. */
export const employmentStartEntry = (id: number | null, personId: number, e: EmploymentInput, tag: Record<string, unknown> = {}): AuditEntry => ({
  action: 'employment.create', entity: 'employment', entityId: id, orgUnitId: e.unitId, before: null,
  after: { personId, unitId: e.unitId, position: e.position, category: e.category, isLeader: e.isLeader, fromDate: e.fromDate, ...tag },
});

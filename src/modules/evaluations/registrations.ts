import type { Queryable } from '../../server/db.ts';

// Registration of emulation targets (đăng ký thi đua): its SQL, and what the module publishes for the annual review
// (`registrationsOf`). Tables: emulation_registration, emulation_registration_item (migration 0024).

export type RegistrationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface RegistrationItem {
  subjectKind: 'individual' | 'collective';
  personId: number | null;
  subjectUnitId: number | null;
  awardCode: string;
  target: string | null;
}

export interface Registration {
  id: number;
  unitId: number;
  year: number;
  status: RegistrationStatus;
  targets: string | null;
  returnReason: string | null;
  submittedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  version: number;
  items: RegistrationItem[];
}

type Row = { id: number; unit_id: number; year: number; status: RegistrationStatus; targets: string | null; return_reason: string | null; submitted_at: string | null; decided_by: number | null; decided_at: string | null; version: number };

async function withItems(q: Queryable, rows: Row[]): Promise<Registration[]> {
  if (rows.length === 0) return [];
  const items = await q.query<{ registration_id: number; subject_kind: 'individual' | 'collective'; person_id: number | null; subject_unit_id: number | null; award_code: string; target: string | null }>(
    'select registration_id, subject_kind, person_id, subject_unit_id, award_code, target from emulation_registration_item where registration_id = any($1::bigint[]) order by id',
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id, unitId: r.unit_id, year: r.year, status: r.status, targets: r.targets, returnReason: r.return_reason, submittedAt: r.submitted_at,
    decidedBy: r.decided_by, decidedAt: r.decided_at, version: r.version,
    items: items.filter((i) => i.registration_id === r.id).map((i) => ({ subjectKind: i.subject_kind, personId: i.person_id, subjectUnitId: i.subject_unit_id, awardCode: i.award_code, target: i.target })),
  }));
}

const SELECT = 'select id, unit_id, year, status, targets, return_reason, submitted_at, decided_by, decided_at, version from emulation_registration';

export async function findRegistration(q: Queryable, id: number, lock = false): Promise<Registration | null> {
  const rows = await q.query<Row>(`${SELECT} where id = $1${lock ? ' for update' : ''}`, [id]);
  return (await withItems(q, rows))[0] ?? null;
}

export async function registrationOfUnit(q: Queryable, unitId: number, year: number): Promise<Registration | null> {
  const rows = await q.query<Row>(`${SELECT} where unit_id = $1 and year = $2`, [unitId, year]);
  return (await withItems(q, rows))[0] ?? null;
}

/** Registrations of some units for a year (a subtree's, for its totals), with their items. */
export async function registrationsOfUnits(q: Queryable, unitIds: number[], year: number): Promise<Registration[]> {
  const rows = await q.query<Row>(`${SELECT} where unit_id = any($1::bigint[]) and year = $2 order by unit_id`, [unitIds, year]);
  return withItems(q, rows);
}

/** Registrations waiting for a decision whose unit's superior is one of `parentIds` (the inbox of an approver). */
export async function submittedRegistrations(q: Queryable, unitIds: number[] | null): Promise<Registration[]> {
  const rows = await q.query<Row>(`${SELECT} where status = 'submitted' and ($1::bigint[] is null or unit_id = any($1::bigint[])) order by submitted_at limit 500`, [unitIds]);
  return withItems(q, rows);
}

/** Creates a registration or replaces a draft's targets and items (status back to draft). Returns its id. */
export async function saveRegistration(q: Queryable, r: { id: number | null; unitId: number; year: number; targets: string | null; items: RegistrationItem[] }): Promise<number> {
  let id = r.id;
  if (id === null) {
    const [row] = await q.query<{ id: number }>("insert into emulation_registration (unit_id, year, status, targets) values ($1, $2, 'draft', $3) returning id", [r.unitId, r.year, r.targets]);
    id = row.id;
  } else {
    await q.query("update emulation_registration set targets = $2, status = 'draft', return_reason = null, version = version + 1, updated_at = now() where id = $1", [id, r.targets]);
    await q.query('delete from emulation_registration_item where registration_id = $1', [id]);
  }
  await q.query(
    `insert into emulation_registration_item (registration_id, subject_kind, person_id, subject_unit_id, award_code, target)
     select $1, * from unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[])`,
    [id, r.items.map((i) => i.subjectKind), r.items.map((i) => i.personId), r.items.map((i) => i.subjectUnitId), r.items.map((i) => i.awardCode), r.items.map((i) => i.target)],
  );
  return id;
}

/** Moves a registration to a new status (submitted by the unit; approved or returned by the level above). */
export async function setStatus(q: Queryable, id: number, status: RegistrationStatus, actorId: number | null, reason: string | null = null): Promise<void> {
  const deciding = status === 'approved' || status === 'returned';
  await q.query(
    `update emulation_registration set status = $2, return_reason = $4, version = version + 1, updated_at = now(),
            submitted_by = case when $2 = 'submitted' then $3 else submitted_by end, submitted_at = case when $2 = 'submitted' then now() else submitted_at end,
            decided_by = case when $5 then $3 else decided_by end, decided_at = case when $5 then now() else decided_at end
      where id = $1`,
    [id, status, actorId, reason, deciding],
  );
}

/** One title a unit registered for a year, as the annual review reads it. */
export interface RegisteredAward {
  /** The registering unit. */
  unitId: number;
  subjectKind: 'individual' | 'collective';
  personId: number | null;
  /** A collective item's unit (the registering unit or one under it); null for an individual. */
  subjectUnitId: number | null;
  awardCode: string;
  status: RegistrationStatus;
}

/**
 * Published for the annual review (reviews): every title registered by some units (or for them, as a collective
 * item of the unit above) for a year, with the registration's status ("registered" usually means approved). One statement.
 */
export async function registrationsOf(q: Queryable, p: { unitIds: number[]; year: number }): Promise<RegisteredAward[]> {
  const rows = await q.query<{ unit_id: number; subject_kind: 'individual' | 'collective'; person_id: number | null; subject_unit_id: number | null; award_code: string; status: RegistrationStatus }>(
    `select r.unit_id, i.subject_kind, i.person_id, i.subject_unit_id, i.award_code, r.status
       from emulation_registration r join emulation_registration_item i on i.registration_id = r.id
      where (r.unit_id = any($1::bigint[]) or i.subject_unit_id = any($1::bigint[])) and r.year = $2 order by r.unit_id, i.id`,
    [p.unitIds, p.year],
  );
  return rows.map((r) => ({ unitId: r.unit_id, subjectKind: r.subject_kind, personId: r.person_id, subjectUnitId: r.subject_unit_id, awardCode: r.award_code, status: r.status }));
}

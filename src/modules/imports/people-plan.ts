import type { Queryable } from '../../server/db.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { unitCodes } from '../org/names.ts';
import { unitRefsByCode } from '../org/by-code.ts';
import { type StoredPerson, peopleByNationalId } from '../people/batch-reads.ts';
import { startsAfterLatest } from '../people/transfer.ts';
import { cityToday } from '../../shared/clock.ts';
import { viDate } from './cells.ts';
import { PEOPLE_COLUMNS, type PersonColumn } from './columns.ts';
import type { StagedPerson } from './people-rows.ts';
import type { PreviewItem } from './preview.ts';

/** The stored person, their open employment and its unit's code, for comparing with a row. */
export type ExistingPerson = StoredPerson & { unit_code: string | null };

export interface PersonCreate { staged: StagedPerson; unitId: number }
export interface PersonUpdate {
  staged: StagedPerson;
  unitId: number;
  before: ExistingPerson;
  /** Identity fields that change (fullName, gender, birthDate). */
  personFields: ('fullName' | 'gender' | 'birthDate')[];
  /** True when a new employment starts (unit, position, category or leader flag differ). */
  employmentChanged: boolean;
}

export interface PeoplePlan {
  creates: PersonCreate[];
  updates: PersonUpdate[];
  unchanged: number;
  issues: FieldIssue[];
}

const HEADERS = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonColumn, string>;

/** Stored people by CCCD with their open employment and its unit's code. */
async function existingPeople(q: Queryable, nationalIds: string[]): Promise<Map<string, ExistingPerson>> {
  const people = await peopleByNationalId(q, nationalIds);
  const codes = await unitCodes(q, [...people.values()].map((p) => p.unit_id));
  const out = new Map<string, ExistingPerson>();
  for (const [nid, p] of people) out.set(nid, { ...p, unit_code: p.unit_id === null ? null : codes.get(p.unit_id) ?? null });
  return out;
}

/**
 * Checks staged rows against the database (units exist, are active and in the actor's write scope;
 * people already stored are in scope; a new position starts after the current one) and works out
 * what each row changes. Run before the preview and again, inside the transaction, on apply.
 */
export async function planPeople(q: Queryable, scope: Scope, rows: StagedPerson[]): Promise<PeoplePlan> {
  const plan: PeoplePlan = { creates: [], updates: [], unchanged: 0, issues: [] };
  const bad = (r: StagedPerson, field: PersonColumn, rule: string, params?: Record<string, unknown>) =>
    plan.issues.push({ field, row: r.row, column: HEADERS[field], rule, ...(params ? { params } : {}) });
  const units = await unitRefsByCode(q, [...new Set(rows.map((r) => r.unitCode))]);
  const people = await existingPeople(q, rows.map((r) => r.nationalId));
  const now = cityToday();
  for (const r of rows) {
    const unit = units.get(r.unitCode);
    if (!unit) { bad(r, 'unitCode', 'unit_unknown', { code: r.unitCode }); continue; }
    if (!inScope(scope, unit.id)) { bad(r, 'unitCode', 'unit_out_of_scope', { code: r.unitCode }); continue; }
    const before = people.get(r.nationalId);
    if (before && !inScope(scope, before.current_unit_id)) { bad(r, 'nationalId', 'person_out_of_scope'); continue; }
    if (r.toDate !== null) {
      // An ended position (an export of someone no longer working): accepted only as it is stored, never
      // created or changed through a file; the person's own fields may still change.
      if (!before || !sameEndedEmployment(before, unit.id, r)) { bad(r, 'toDate', 'ended_employment_differs'); continue; }
      const personFields = changedPersonFields(r, before);
      if (personFields.length === 0) plan.unchanged++;
      else plan.updates.push({ staged: r, unitId: unit.id, before, personFields, employmentChanged: false });
      continue;
    }
    const employmentChanged = !before || before.emp_id === null || before.unit_id !== unit.id || before.position !== r.position
      || before.category !== r.category || before.is_leader !== r.isLeader;
    if (employmentChanged) {
      if (unit.dissolvedOn && unit.dissolvedOn <= now) { bad(r, 'unitCode', 'unit_dissolved', { code: r.unitCode, date: viDate(unit.dissolvedOn) }); continue; }
      if (r.fromDate < unit.establishedOn) { bad(r, 'fromDate', 'unit_not_active_on', { code: r.unitCode, date: viDate(unit.establishedOn) }); continue; }
      if (before && !startsAfterLatest(before.latest_from, r.fromDate)) { bad(r, 'fromDate', 'employment_date', { date: viDate(before.latest_from as string) }); continue; }
    }
    if (!before) { plan.creates.push({ staged: r, unitId: unit.id }); continue; }
    const personFields = changedPersonFields(r, before);
    if (personFields.length === 0 && !employmentChanged) { plan.unchanged++; continue; }
    plan.updates.push({ staged: r, unitId: unit.id, before, personFields, employmentChanged });
  }
  return plan;
}

function changedPersonFields(r: StagedPerson, before: ExistingPerson): PersonUpdate['personFields'] {
  const fields: PersonUpdate['personFields'] = [];
  if (r.fullName !== before.full_name) fields.push('fullName');
  if (r.gender !== null && r.gender !== before.gender) fields.push('gender');
  if (r.birthDate !== null && r.birthDate !== before.birth_date) fields.push('birthDate');
  return fields;
}

/** The row is the stored person's last position, ended on the row's end date, and nothing is open. */
const sameEndedEmployment = (b: ExistingPerson, unitId: number, r: StagedPerson): boolean =>
  b.emp_id === null && b.last_unit_id === unitId && b.last_position === r.position && b.last_category === r.category
  && b.last_is_leader === r.isLeader && b.last_from_date === r.fromDate && b.last_to_date === r.toDate;

const afterOf = (s: StagedPerson) => ({ fullName: s.fullName, gender: s.gender, birthDate: s.birthDate, unitCode: s.unitCode, position: s.position, category: s.category, isLeader: s.isLeader, fromDate: s.fromDate, toDate: s.toDate });

/** The first `limit` changes of a plan, with before/after values, for the preview. */
export function peoplePreview(plan: PeoplePlan, limit: number): PreviewItem[] {
  const items: PreviewItem[] = [];
  for (const c of plan.creates.slice(0, limit)) items.push({ row: c.staged.row, action: 'create', key: c.staged.nationalId, label: c.staged.fullName, fields: [], before: null, after: afterOf(c.staged) });
  for (const u of plan.updates.slice(0, Math.max(0, limit - items.length))) {
    const b = u.before;
    const fields: string[] = [...u.personFields];
    if (u.employmentChanged) {
      if (b.unit_id !== u.unitId) fields.push('unitCode');
      if (b.position !== u.staged.position) fields.push('position');
      if (b.category !== u.staged.category) fields.push('category');
      if (b.is_leader !== u.staged.isLeader) fields.push('isLeader');
      fields.push('fromDate');
    }
    items.push({
      row: u.staged.row, action: 'update', key: u.staged.nationalId, label: u.staged.fullName, fields,
      before: { fullName: b.full_name, gender: b.gender, birthDate: b.birth_date, unitCode: b.unit_code, position: b.position, category: b.category, isLeader: b.is_leader, fromDate: b.from_date },
      after: afterOf(u.staged),
    });
  }
  return items.sort((a, b) => a.row - b.row);
}

import type { Db, Queryable } from '../../server/db.ts';
import { checkCccd } from '../../shared/cccd.ts';
import { AppError } from '../../shared/errors.ts';
import { isMaskedNationalId } from '../../shared/personal-data.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope, inScope } from '../auth/scope.ts';
import { findUnit } from '../org/repo.ts';
import { nameColumns } from './derive.ts';
import * as repo from './repo.ts';
import { type EmploymentInput, employmentEndEntry, employmentStartEntry, endOpenEmployments, personSnapshot, startEmployments, startsAfterLatest } from './transfer.ts';
import type { Gender } from './types.ts';

export type { EmploymentInput } from './transfer.ts';

const REASONS: Record<string, string> = { format: 'phải gồm đúng 12 chữ số', province: '3 số đầu không phải mã tỉnh', gender_century: 'số thứ 4–6 không khớp giới tính hoặc năm sinh' };

/** @throws AppError PERSONAL_DATA_MASKED (a masked number sent back) | INVALID_NATIONAL_ID naming the rule that fails. */
export function assertNationalId(nationalId: string, gender: Gender | null | undefined, birthDate: string | null | undefined): void {
  // Lists and pages show '001******960'; a form that sends it back must not turn it into a new number.
  if (isMaskedNationalId(nationalId)) throw new AppError('PERSONAL_DATA_MASKED', { field: 'nationalId', nationalId });
  const problem = checkCccd(nationalId, { gender, birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null });
  if (problem) throw new AppError('INVALID_NATIONAL_ID', { field: 'nationalId', nationalId, rule: `cccd_${problem}`, reason: REASONS[problem] });
}

async function assertNationalIdFree(q: Queryable, nationalId: string, exceptId?: number): Promise<void> {
  const other = await repo.findPersonByNationalId(q, nationalId);
  if (other && other.id !== exceptId) throw new AppError('DUPLICATE_NATIONAL_ID', { field: 'nationalId', nationalId });
}

/** @throws AppError NOT_FOUND | ORG_NOT_ACTIVE when the unit cannot take people on that date. */
async function assertUnitOpen(q: Queryable, scope: Scope, unitId: number, on: string): Promise<void> {
  const unit = await findUnit(q, unitId);
  if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
  assertInScope(scope, unitId);
  if (unit.establishedOn > on || (unit.dissolvedOn && unit.dissolvedOn <= on)) throw new AppError('ORG_NOT_ACTIVE', { code: unit.code, date: on, field: 'unitId' });
}

export interface CreatePersonInput {
  nationalId: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  employment: EmploymentInput;
}

/**
 * Creates a person with a first employment in a unit the actor covers.
 * @throws AppError INVALID_NATIONAL_ID | DUPLICATE_NATIONAL_ID | NOT_FOUND | ORG_NOT_ACTIVE
 */
export async function createPerson(db: Db, actor: Actor, scope: Scope, input: CreatePersonInput): Promise<number> {
  assertNationalId(input.nationalId, input.gender, input.birthDate);
  return db.tx(async (q) => {
    await assertUnitOpen(q, scope, input.employment.unitId, input.employment.fromDate);
    await assertNationalIdFree(q, input.nationalId);
    const names = nameColumns(input.fullName);
    const [row] = await q.query<{ id: number }>(
      `insert into person (national_id, full_name, gender, birth_date, search_text, sort_key, current_unit_id)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [input.nationalId, names.fullName, input.gender, input.birthDate, names.searchText, names.sortKey, input.employment.unitId],
    );
    const employmentId = await repo.insertEmployment(q, { personId: row.id, ...input.employment });
    await audit(q, actor, [
      { action: 'person.create', entity: 'person', entityId: row.id, orgUnitId: input.employment.unitId, before: null, after: personSnapshot(await repo.findPerson(q, row.id)) },
      { action: 'employment.create', entity: 'employment', entityId: employmentId, orgUnitId: input.employment.unitId, before: null, after: { personId: row.id, ...input.employment } },
    ]);
    return row.id;
  });
}

/** @throws AppError NOT_FOUND when the person is missing or not currently in the actor's write scope. */
export async function loadForWrite(q: Queryable, scope: Scope, id: number): Promise<repo.PersonRow> {
  const person = await repo.findPerson(q, id);
  if (!person) throw new AppError('NOT_FOUND');
  if (!inScope(scope, person.current_unit_id)) {
    const units = await repo.unitsOfPerson(q, id);
    // Visible (read) but not writable → FORBIDDEN; invisible → NOT_FOUND.
    throw new AppError(units.some((u) => inScope(scope, u)) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  return person;
}

export interface UpdatePersonInput {
  version: number;
  nationalId?: string;
  fullName?: string;
  gender?: Gender | null;
  birthDate?: string | null;
}

/**
 * Updates a person's identity fields; a stale `version` gets 409 with what changed.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | PERSONAL_DATA_MASKED | INVALID_NATIONAL_ID | DUPLICATE_NATIONAL_ID
 */
export async function updatePerson(db: Db, actor: Actor, scope: Scope, id: number, input: UpdatePersonInput): Promise<void> {
  await db.tx(async (q) => {
    const before = await loadForWrite(q, scope, id);
    await assertVersion(q, 'person', id, await repo.lockVersion(q, id), input.version);
    const next = {
      nationalId: input.nationalId ?? before.national_id,
      fullName: input.fullName ?? before.full_name,
      gender: input.gender !== undefined ? input.gender : before.gender,
      birthDate: input.birthDate !== undefined ? input.birthDate : before.birth_date,
    };
    assertNationalId(next.nationalId, next.gender, next.birthDate);
    if (next.nationalId !== before.national_id) await assertNationalIdFree(q, next.nationalId, id);
    const names = nameColumns(next.fullName);
    await q.query(
      `update person set national_id = $2, full_name = $3, gender = $4, birth_date = $5, search_text = $6, sort_key = $7,
              version = version + 1, updated_at = now() where id = $1`,
      [id, next.nationalId, names.fullName, next.gender, next.birthDate, names.searchText, names.sortKey],
    );
    await audit(q, actor, [{ action: 'person.update', entity: 'person', entityId: id, orgUnitId: before.current_unit_id, before: personSnapshot(before), after: personSnapshot(await repo.findPerson(q, id)) }]);
  });
}

/**
 * Transfers a person (or changes their position) from a date: the open employment ends the day
 * before and a new one starts, so the history of positions is kept.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | ORG_NOT_ACTIVE | EMPLOYMENT_OVERLAP
 */
export async function transferPerson(db: Db, actor: Actor, scope: Scope, id: number, input: EmploymentInput & { version: number }): Promise<void> {
  await db.tx(async (q) => {
    const before = await loadForWrite(q, scope, id);
    await assertVersion(q, 'person', id, await repo.lockVersion(q, id), input.version);
    await assertUnitOpen(q, scope, input.unitId, input.fromDate);
    const latest = await repo.latestEmploymentStart(q, id);
    if (!startsAfterLatest(latest, input.fromDate)) throw new AppError('EMPLOYMENT_OVERLAP', { field: 'fromDate', after: latest });
    const { version, ...employment } = input;
    const ended = await endOpenEmployments(q, [{ personId: id, fromDate: input.fromDate }]);
    const employmentId = (await startEmployments(q, [{ personId: id, employment }])).get(id) ?? null;
    await q.query('update person set version = version + 1 where id = $1', [id]);
    await repo.refreshCurrentUnit(q, [id]);
    await audit(q, actor, [
      ...ended.map((e) => employmentEndEntry(e)),
      employmentStartEntry(employmentId, id, employment, { version }),
      { action: 'person.transfer', entity: 'person', entityId: id, orgUnitId: input.unitId, before: personSnapshot(before), after: personSnapshot(await repo.findPerson(q, id)) },
    ]);
  });
}

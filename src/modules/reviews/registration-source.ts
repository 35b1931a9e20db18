import type { Queryable } from '../../server/db.ts';
import { registrationsOf } from '../evaluations/registrations.ts';
import type { RegisteredTarget } from './registration.ts';

/**
 * The registrations of a unit's year (đăng ký thi đua), read through the evaluations module's `registrationsOf`
 * for the unit and the units under it; a collective item is the collective it names.
 */
export async function readRegistrations(q: Queryable, unitIds: number[], year: number): Promise<RegisteredTarget[]> {
  const rows = await registrationsOf(q, { unitIds, year });
  return rows.map((r) => ({ unitId: r.subjectKind === 'collective' ? (r.subjectUnitId ?? r.unitId) : r.unitId, subjectKind: r.subjectKind, personId: r.personId, awardCode: r.awardCode, status: r.status }));
}

import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { maskBirthDate, maskNationalId } from '../../shared/personal-data.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import * as repo from './repo.ts';

/**
 * A person's identity as lists and pages show it to everyone (minimisation, Decree 13/2023): the CCCD
 * masked, the birth year only, flagged so the client knows these are not values to edit or send back.
 */
export function masked<T extends { nationalId: string; birthDate: string | null }>(item: T): T & { personalDataMasked: true } {
  return { ...item, nationalId: maskNationalId(item.nationalId), birthDate: maskBirthDate(item.birthDate), personalDataMasked: true };
}

export interface PersonalData {
  id: number;
  nationalId: string;
  birthDate: string | null;
  personalDataMasked: false;
}

/**
 * One person's full CCCD and birth date, for a reader whose 'people.personal_data' scope covers the unit
 * the person works in now. The read is audited in the same transaction (who, whom, when), the values never.
 * @throws AppError NOT_FOUND (not visible to the reader) | FORBIDDEN (visible, but works outside the personal-data scope)
 */
export async function revealPersonalData(db: Db, actor: Actor, readScope: Scope, personalScope: Scope, id: number): Promise<PersonalData> {
  return db.tx(async (q) => {
    const person = await repo.findPerson(q, id);
    if (!person) throw new AppError('NOT_FOUND');
    if (!inScope(personalScope, person.current_unit_id)) {
      // Same rule as edits: a person the reader cannot see at all does not exist for them.
      const visible = readScope.all || (await repo.unitsOfPerson(q, id)).some((u) => inScope(readScope, u));
      throw new AppError(visible ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    await audit(q, actor, [{
      action: 'person.read_personal_data', entity: 'person', entityId: id, orgUnitId: person.current_unit_id,
      before: null, after: { fields: ['nationalId', 'birthDate'] },
    }]);
    return { id, nationalId: person.national_id, birthDate: person.birth_date, personalDataMasked: false };
  });
}

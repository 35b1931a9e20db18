import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { masked } from './personal-data.ts';
import * as repo from './repo.ts';
import type { Employment, Gender } from './types.ts';

export interface PersonDetail {
  id: number;
  nationalId: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  currentUnitId: number | null;
  version: number;
  isLeader: boolean;
  employments: Employment[];
  years: repo.YearRecord[];
  awards: repo.AwardRow[];
  /** Always true: the page shows the masked CCCD and birth year; the full values are an audited read. */
  personalDataMasked: boolean;
}

/**
 * A person with positions, yearly ratings/titles and awards, CCCD and birth date masked; visible where any unit
 * they worked in is in scope.
 * @throws AppError NOT_FOUND
 */
export async function personDetail(q: Queryable, scope: Scope, id: number): Promise<PersonDetail> {
  const person = await repo.findPerson(q, id);
  if (!person) throw new AppError('NOT_FOUND');
  if (!scope.all && !(await repo.unitsOfPerson(q, id)).some((u) => inScope(scope, u))) throw new AppError('NOT_FOUND');
  const employments = await repo.employmentsOf(q, id);
  const years = await repo.yearRecordsOf(q, id);
  const awards = await repo.awardsOfPerson(q, id);
  const current = employments.find((e) => e.toDate === null);
  return masked({
    id: person.id, nationalId: person.national_id, fullName: person.full_name, gender: person.gender, birthDate: person.birth_date,
    currentUnitId: person.current_unit_id, version: person.version, isLeader: current?.isLeader ?? false,
    employments, years, awards,
  });
}

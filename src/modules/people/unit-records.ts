import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { findUnit, predecessorsOf } from '../org/repo.ts';
import type { AwardRow } from './repo.ts';

export interface UnitRecord {
  /** The unit that earned it: the unit itself or one of its predecessors (merged or split into it). */
  unitId: number;
  unitName: string;
  inherited: boolean;
}

export interface UnitTitleRecord extends UnitRecord {
  year: number;
  titleCode: string;
  decisionNo: string | null;
  decisionDate: string | null;
}

/** An award of a collective: the same fields as a person's award row, plus who earned it. */
export type UnitAwardRecord = UnitRecord & Omit<AwardRow, 'id' | 'revokedOn'>;

/**
 * A collective's emulation titles and awards, its predecessors' included: after a merge or split the
 * successor carries the history of the units it came from.
 * @throws AppError NOT_FOUND when the unit is missing or outside the scope
 */
export async function unitRecords(q: Queryable, scope: Scope, unitId: number): Promise<{ titles: UnitTitleRecord[]; awards: UnitAwardRecord[] }> {
  if (!(await findUnit(q, unitId)) || !inScope(scope, unitId)) throw new AppError('NOT_FOUND');
  const lineage = [unitId, ...(await predecessorsOf(q, unitId))];
  const names = await latestUnitNames(q, lineage);
  const unitName = (id: number) => names.get(id) ?? '';
  const titles = await q.query<{ unit_id: number; year: number; title_code: string; decision_no: string | null; decision_date: string | null }>(
    `select r.unit_id, r.year, r.title_code, r.decision_no, r.decision_date from unit_title r
      where r.unit_id = any($1::bigint[]) and r.revoked_on is null
        and not exists (select 1 from unit_title c where c.corrects_id = r.id)
      order by r.year desc, r.title_code`,
    [lineage],
  );
  const awards = await q.query<{ unit_id: number; form_code: string; award_type: string; decision_no: string | null; decision_date: string; period_from: number | null; period_to: number | null }>(
    `select r.unit_id, r.form_code, r.award_type, r.decision_no, r.decision_date, r.period_from, r.period_to
       from award_record r where r.unit_id = any($1::bigint[]) and r.revoked_on is null order by r.decision_date desc`,
    [lineage],
  );
  return {
    titles: titles.map((r) => ({ unitId: r.unit_id, unitName: unitName(r.unit_id), inherited: r.unit_id !== unitId, year: r.year, titleCode: r.title_code, decisionNo: r.decision_no, decisionDate: r.decision_date })),
    awards: awards.map((r) => ({ unitId: r.unit_id, unitName: unitName(r.unit_id), inherited: r.unit_id !== unitId, formCode: r.form_code, awardType: r.award_type, decisionNo: r.decision_no, decisionDate: r.decision_date, periodFrom: r.period_from, periodTo: r.period_to })),
  };
}

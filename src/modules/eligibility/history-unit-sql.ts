/**
 * The facts the collectives' loader reads, from the modules that own them: org's tree (names on a date, lineage)
 * and the people module's unit readers (ratings, titles, review cases, member statistics). Each is one set-based
 * statement per batch.
 */
import { type Queryable, inParallel } from '../../server/db.ts';
import { unitsOnDate } from '../org/readers.ts';
import type { BatchParams } from '../people/fact-readers.ts';
import { unitsUnderReview } from '../people/unit-fact-readers.ts';

export { predecessorPairs as predecessorRows } from '../org/readers.ts';
export { type MemberStatsRow, type UnitRatingRow, memberStatsRows, unitRatingRows, unitTitleRows } from '../people/unit-fact-readers.ts';

export interface UnitRow { id: number; established_on: string; name: string | null; parent_name: string | null; under_review: boolean }
/** Each unit with its name and parent's name valid on $2 and whether a review case is open on $2, by id. */
export async function unitRows(q: Queryable, p: BatchParams): Promise<UnitRow[]> {
  const [units, reviewed] = await inParallel(q, [() => unitsOnDate(q, p.ids, p.asOf), () => unitsUnderReview(q, p.ids, p.asOf)] as const);
  return units.map((u) => ({ ...u, under_review: reviewed.has(u.id) }));
}

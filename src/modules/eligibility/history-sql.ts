/**
 * The facts the loaders read, from the modules that own them: the people module's batch readers
 * (people/fact-readers.ts, one set-based statement per batch each) and org's unit names. What is eligibility's
 * own here: an award as the digest's tuple and as the contract's prior award.
 */
import type { AwardType } from '../rules/contract.ts';
import type { AwardRow } from '../people/fact-readers.ts';

export * from '../people/fact-readers.ts';
/** Each unit's name valid on `asOf` (the latest version begun by then, else its latest). */
export { unitNamesAsOf as unitNames } from '../org/names.ts';

/** An award as a tuple, the shape of a history digest's entry (a digest's carries its withdrawal date after these). */
export type AwardFact = readonly [id: number, form: string, type: AwardType, no: string | null, date: string, from: number | null, to: number | null, ...rest: unknown[]];

export const awardFact = (r: AwardRow & { id?: number }): AwardFact => [r.id ?? 0, r.form_code, r.award_type, r.decision_no, r.decision_date, r.period_from, r.period_to];

/** An award as the contract's prior award (`decisionNo` omitted when unknown). */
export function toPriorAward(a: AwardFact) {
  return { code: a[1], decisionDate: a[4], periodFrom: a[5], periodTo: a[6], type: a[2], ...(a[3] ? { decisionNo: a[3] } : {}) };
}

import type { Settings } from '../catalogue/settings.ts';
import type { SubjectKind } from '../rules/contract.ts';
import { rewardAmount } from '../rules/money.ts';

// The money owed to awardees (NĐ 152/2025 Art 49): the engine's `rewardAmount` with the stored rounding setting,
// for a person as an individual and for a unit as a collective, on the decision's date.

export interface AwardeeRef {
  personId: number | null;
  unitId: number | null;
  awardCode: string;
}

export interface Money {
  subjectKind: SubjectKind;
  coefficient: number | null;
  baseSalary: number | null;
  /** 0 when the catalogue gives no amount for the award (city titles, medals paid elsewhere). */
  amount: number;
  basis: string | null;
}

export const subjectKindOf = (a: AwardeeRef): SubjectKind => (a.personId !== null ? 'individual' : 'collective');

/** The money of one awardee of a decision dated `decidedOn`. */
export function moneyOf(a: AwardeeRef, decidedOn: string, settings: Settings): Money {
  const subjectKind = subjectKindOf(a);
  const r = rewardAmount({ award: a.awardCode, subjectKind, decisionDate: decidedOn }, { settings });
  if (!r) return { subjectKind, coefficient: null, baseSalary: null, amount: 0, basis: null };
  return { subjectKind, coefficient: r.coefficient, baseSalary: r.baseSalary, amount: r.amount, basis: r.basis };
}

/** The sum over awardees of one decision date. */
export const totalOf = (awardees: AwardeeRef[], decidedOn: string, settings: Settings): number =>
  awardees.reduce((sum, a) => sum + moneyOf(a, decidedOn, settings).amount, 0);

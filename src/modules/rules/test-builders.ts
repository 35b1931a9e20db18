/**
 * Builders and assertions shared by the rule-engine tests (articles, properties). Inputs follow
 * ../shared/domain/eligibility-input.md: facts a unit would record, nothing the engine computes.
 */
import { expect } from 'vitest';
import type { CriterionResult, EligibilityInputRaw, EligibilityResult } from './contract.ts';

type YearRaw = NonNullable<EligibilityInputRaw['years']>[number];
type AwardRaw = NonNullable<EligibilityInputRaw['awards']>[number];
type SubjectRaw = EligibilityInputRaw['subject'];
type Rating = 'excellent' | 'good' | 'completed' | 'not_completed' | null;

/** A civil servant in post for years, not under review: everything the freeze and recruit rules need. */
export function person(over: Partial<SubjectRaw> = {}): SubjectRaw {
  return { kind: 'individual', gender: 'female', category: 'civil_servant', isLeader: false, startedOn: '2010-01-01', underReview: false, ...over };
}

/** A collective founded long ago, not under review. */
export function collective(over: Partial<SubjectRaw> = {}): SubjectRaw {
  return { kind: 'collective', startedOn: '2005-01-01', underReview: false, ...over };
}

/** One year at work all year (monthsWorked 12), with the given rating and optional extra facts. */
export function yr(year: number, rating: Rating, extra: Partial<YearRaw> = {}): YearRaw {
  return { year, rating, monthsWorked: 12, titles: [], ...extra };
}

export const CSTDCS = 'grassroots_emulation_fighter';
export const LDTT = 'advanced_worker';
export const CSTD_TINH = 'ministerial_provincial_emulation_fighter';

/** A year in which the person held LĐTT and CSTĐCS, rated excellent (so CSTĐCS needed no initiative). */
export function cstdcsYear(year: number, extra: Partial<YearRaw> = {}): YearRaw {
  return yr(year, 'excellent', { titles: [LDTT, CSTDCS], ...extra });
}

/** A year rated good holding LĐTT only. */
export function ldttYear(year: number, extra: Partial<YearRaw> = {}): YearRaw {
  return yr(year, 'good', { titles: [LDTT], ...extra });
}

export function award(code: string, periodFrom: number, periodTo: number, extra: Partial<AwardRaw> = {}): AwardRaw {
  return { code, decisionDate: `${periodTo + 1}-04-15`, periodFrom, periodTo, type: 'merit', ...extra };
}

export function input(awardCode: string, asOf: string, subject: SubjectRaw, years: YearRaw[], extra: Partial<EligibilityInputRaw> = {}): EligibilityInputRaw {
  return { award: awardCode, asOf, subject, years, awards: [], ...extra };
}

/** Every criterion, depth first (groups and their children). */
export function allCriteria(r: EligibilityResult): CriterionResult[] {
  const out: CriterionResult[] = [];
  const walk = (cs: CriterionResult[] | undefined) => {
    for (const c of cs ?? []) {
      out.push(c);
      walk(c.children);
    }
  };
  walk(r.criteria);
  return out;
}

/** "Điều 24" but not "Điều 240". */
export function articleRe(article: number): RegExp {
  return new RegExp(`Điều ${article}(?!\\d)`);
}

export const ELIGIBLE_RANK = (e: boolean | 'needs_review'): number => (e === true ? 2 : e === 'needs_review' ? 1 : 0);

/** A comparable summary: the result, each criterion's status (recursively), what is missing. */
export function summary(r: EligibilityResult): unknown {
  const st = (cs: CriterionResult[] | undefined): unknown[] => (cs ?? []).map((c) => [c.id, c.status, st(c.children)]);
  return { eligible: r.eligible, year: r.year, ruleSet: r.ruleSet, criteria: st(r.criteria), missing: r.missing, missingEn: r.missingEn };
}

export interface Expect {
  eligible: boolean | 'needs_review';
  /** An article number some criterion's basis must cite ("Điều NN"). */
  article?: number;
  /** Text some criterion's Vietnamese reason must contain (e.g. the year). */
  reasonHas?: string;
  stepsAway?: number;
  /** The achievement year the engine must report. */
  year?: number;
  /** The result must carry a duplicate (Law Art 5(2)(c)) reason. */
  duplicate?: boolean;
  /** `missing` must be non-empty (something the subject can still do). */
  missing?: boolean;
  /** The freeze rule (NĐ 152 Art 4(4)) must be the reason. */
  freeze?: boolean;
}

/** Asserts what a row promises plus the contract's invariants for that outcome. */
export function assertResult(r: EligibilityResult, e: Expect, label = ''): void {
  const all = allCriteria(r);
  const dump = `${label}\n${JSON.stringify({ eligible: r.eligible, year: r.year, ruleSet: r.ruleSet, missing: r.missing, stepsAway: r.stepsAway, criteria: all.map((c) => `${c.id} [${c.status}] ${c.reason} | ${c.basis}`) }, null, 1)}`;
  expect(r.eligible, dump).toBe(e.eligible);
  for (const c of all) {
    expect(c.met, `${c.id}: met must agree with status ${c.status}`).toBe(c.status === 'met');
    expect([c.reason.length > 0, c.reasonEn.length > 0, c.basis.length > 0], `${c.id}: reason, reasonEn and basis are required`).toEqual([true, true, true]);
  }
  expect([r.reasonVi.length > 0, r.reasonEn.length > 0], 'reasonVi and reasonEn are required').toEqual([true, true]);
  if (e.eligible === true) {
    expect(r.missing, dump).toEqual([]);
    expect(r.criteria.every((c) => c.status === 'met'), dump).toBe(true);
  } else if (e.eligible === false) {
    expect(r.criteria.some((c) => c.status === 'unmet'), dump).toBe(true);
    // Something that can be done (a finite distance) must be said; a blocked case (duplicate, freeze) may say nothing.
    if (Number.isFinite(r.stepsAway) || e.missing) expect(r.missing.length, `missing must say what is lacking${dump}`).toBeGreaterThan(0);
    expect(r.missingEn.length, dump).toBe(r.missing.length);
  } else {
    expect(all.some((c) => c.status === 'review'), dump).toBe(true);
  }
  if (e.article !== undefined) expect(all.some((c) => articleRe(e.article!).test(c.basis)), `basis must cite Điều ${e.article}${dump}`).toBe(true);
  if (e.reasonHas !== undefined) expect(all.some((c) => c.reason.includes(e.reasonHas!)), `a reason must name "${e.reasonHas}"${dump}`).toBe(true);
  if (e.stepsAway !== undefined) expect(r.stepsAway, dump).toBe(e.stepsAway);
  if (e.year !== undefined) expect(r.year, dump).toBe(e.year);
  if (e.duplicate) {
    const dup = all.some((c) => c.status === 'unmet' && (articleRe(5).test(c.basis) || /already|duplicate|same achievement/i.test(c.reasonEn)));
    expect(dup, `an unmet criterion must cite Law Art 5(2)(c) / name the duplicate${dump}`).toBe(true);
  }
  if (e.freeze) {
    const fr = all.some((c) => c.status !== 'met' && articleRe(4).test(c.basis));
    expect(fr, `the freeze criterion (NĐ 152 Art 4(4)) must be the reason${dump}`).toBe(true);
  }
}

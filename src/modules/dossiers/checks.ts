/**
 * The engine's check of each nominee, through eligibility's published batch check: kept on the nominee as it was
 * at submission; a later read checks again and shows what changed, never writing it back silently.
 */
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import type { Scope } from '../auth/scope.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { batchCheck } from '../eligibility/service.ts';
import type { EligibilityResult } from '../rules/contract.ts';
import type { NomineeRow } from './repo-children.ts';

export interface SubjectRef { personId?: number; unitId?: number }

export interface SubjectCheck {
  name: string;
  result: EligibilityResult;
  eligible: 'true' | 'false' | 'needs_review';
}

const eligibleText = (r: EligibilityResult): SubjectCheck['eligible'] => (r.eligible === 'needs_review' ? 'needs_review' : r.eligible ? 'true' : 'false');

/**
 * Checks subjects for one award today (the engine picks the rule set in force), within a scope.
 * @throws AppError NOT_FOUND (a subject outside the scope) | UNKNOWN_AWARD
 */
export async function checkSubjects(q: Queryable, scope: Scope, award: string, year: number | null, subjects: SubjectRef[]): Promise<SubjectCheck[]> {
  if (subjects.length === 0) return [];
  const answer = await batchCheck(q, scope, cityToday(), year ?? undefined, subjects.map((s) => ({ ...s, award })), await currentSettings(q));
  return answer.items.map((it) => ({ name: it.name, result: it.result, eligible: eligibleText(it.result) }));
}

/** What differs between the check kept on a nominee and today's. */
export interface CheckDifference {
  changed: boolean;
  eligibleThen: string;
  eligibleNow: string;
  /** Criteria whose status moved (id: then → now). */
  criteria: { id: string; then: string | null; now: string | null }[];
}

type Crit = { id: string; status: string; children?: Crit[] };
const flatten = (cs: Crit[] | undefined, out = new Map<string, string>()): Map<string, string> => {
  for (const c of cs ?? []) {
    out.set(c.id, c.status);
    flatten(c.children, out);
  }
  return out;
};

export function differenceOf(kept: NomineeRow, now: SubjectCheck): CheckDifference {
  const then = flatten((kept.checkResult as { criteria?: Crit[] }).criteria);
  const current = flatten(now.result.criteria as unknown as Crit[]);
  const ids = [...new Set([...then.keys(), ...current.keys()])];
  const criteria = ids.filter((id) => then.get(id) !== current.get(id)).map((id) => ({ id, then: then.get(id) ?? null, now: current.get(id) ?? null }));
  return { changed: criteria.length > 0 || kept.eligible !== now.eligible, eligibleThen: kept.eligible, eligibleNow: now.eligible, criteria };
}

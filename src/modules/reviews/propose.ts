import type { Queryable } from '../../server/db.ts';
import type { Scope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { explainHits } from '../eligibility/discovery.ts';
import { discoverHits, subtreeInScope } from '../eligibility/service.ts';
import { type RegisteredTarget, registrationCheck } from './registration.ts';
import type { ReviewRuleSet } from './rules-data.ts';
import type { CandidateInput } from './types.ts';

/**
 * The candidates the engine proposes for a unit's review: discovery over the unit and the units under it (within
 * the scope) for the year, keeping what is eligible or needs the council's review and is not blocked by a
 * duplicate, each with the engine's reasons; then the registration check (an award that needs a registration
 * becomes `needs_review` without one, with the rule).
 */
export async function proposeCandidates(
  q: Queryable, scope: Scope, input: { unitId: number; year: number; asOf: string }, rs: ReviewRuleSet, registrations: RegisteredTarget[],
): Promise<CandidateInput[]> {
  const unitIds = await subtreeInScope(q, scope, input.unitId);
  const settings = await currentSettings(q);
  const filter = { unitIds, year: input.year, asOf: input.asOf, status: 'all' as const };
  const { hits } = await discoverHits(q, filter, settings);
  const kept = hits.filter((h) => (h.status === 'eligible' || h.status === 'needs_review') && h.duplicate === null);
  const rows = await explainHits(q, kept, filter, settings);
  const check = registrationCheck(rs, registrations);
  return rows.map((r): CandidateInput => {
    const subject = r.subjectKind === 'individual' ? { kind: 'individual' as const, id: r.personId as number } : { kind: 'collective' as const, id: r.unitId as number };
    const reg = check(subject, r.award, catalogue().byCode.get(r.award)?.nameVi ?? r.award);
    const engineStatus = r.status as 'eligible' | 'needs_review';
    return {
      subjectKind: subject.kind, personId: subject.kind === 'individual' ? subject.id : null, unitId: r.unitId, name: r.name, awardCode: r.award,
      engineStatus, status: reg.registration === 'missing' ? 'needs_review' : engineStatus, registration: reg.registration, registrationRule: reg.rule,
      reason: { vi: r.reasonVi, en: r.reasonEn, missing: r.missing, missingEn: r.missingEn },
    };
  });
}

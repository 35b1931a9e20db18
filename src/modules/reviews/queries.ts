import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { councilResult } from '../councils/result.ts';
import { latestUnitNames } from '../org/names.ts';
import * as repo from './repo.ts';

const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));

async function summaries(q: Queryable, rows: repo.ReviewRow[]) {
  const names = await latestUnitNames(q, rows.map((r) => r.org_unit_id));
  return rows.map((r) => ({
    id: Number(r.id), orgUnitId: Number(r.org_unit_id), unitName: names.get(Number(r.org_unit_id)) ?? '', year: r.year, asOf: r.as_of, ruleSetId: r.rule_set_id,
    status: r.status, councilSessionId: r.council_session_id === null ? null : Number(r.council_session_id), version: r.version, concludedAt: iso(r.concluded_at),
  }));
}

/** The reviews of the units in the scope (optionally one year), newest first. */
export async function listReviews(q: Queryable, scope: Scope, year: number | undefined) {
  return { items: await summaries(q, await repo.listReviews(q, scope.all ? null : scope.unitIds, year ?? null)) };
}

/**
 * A review with its candidates: the engine's reasons, the registration check and, once the council has voted,
 * each candidate's counts and the rule that decided it; after conclusion, the decision or dossier it became.
 * @throws AppError NOT_FOUND when missing or outside the scope
 */
export async function reviewDetail(q: Queryable, scope: Scope, id: number, manageScope: Scope) {
  const r = await repo.findReview(q, id);
  if (!r || !inScope(scope, Number(r.org_unit_id))) throw new AppError('NOT_FOUND');
  const [summary] = await summaries(q, [r]);
  const council = r.council_session_id === null ? null : await councilResult(q, Number(r.council_session_id));
  const votes = new Map((council?.candidates ?? []).map((c) => [c.refId, c]));
  const candidates = (await repo.candidatesOf(q, id)).map((c) => {
    const v = votes.get(Number(c.id));
    return {
      id: Number(c.id), subjectKind: c.subject_kind, personId: c.person_id === null ? null : Number(c.person_id), unitId: c.unit_id === null ? null : Number(c.unit_id),
      name: c.name, awardCode: c.award_code, awardName: catalogue().byCode.get(c.award_code)?.nameVi ?? c.award_code,
      engineStatus: c.engine_status, status: c.status, registration: c.registration, registrationRule: c.registration_rule, reason: c.reason, included: c.included,
      vote: v ? { yes: v.yes, no: v.no, blank: v.blank, passed: v.passed, ruleVi: v.ruleVi, ruleEn: v.ruleEn, basis: v.basis } : null,
      outcome: c.outcome, decisionId: c.decision_id === null ? null : Number(c.decision_id), dossierId: c.dossier_id === null ? null : Number(c.dossier_id),
    };
  });
  return { ...summary, councilStatus: council?.status ?? null, candidates, actions: { canManage: inScope(manageScope, Number(r.org_unit_id)) && r.status !== 'concluded' } };
}

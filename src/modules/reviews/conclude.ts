import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { councilResult } from '../councils/result.ts';
import { createDecisionDraft } from '../decisions/commands.ts';
import type { UnitAsOf } from '../org/types.ts';
import { sendUp } from './dossier-bridge.ts';
import * as repo from './repo.ts';
import { conferral, reviewRules } from './rules-data.ts';
import type { CandidateOutcome } from './types.ts';

export interface Conclusion {
  rows: { id: number; outcome: CandidateOutcome; councilCandidateId: number | null; decisionId: number | null; dossierId: number | null }[];
  decisionIds: number[];
  dossierIds: number[];
}

type Awardee = { candidateId: number; councilCandidateId: number; personId: number | null; unitId: number | null };

/** Groups by a key, keeping first-seen order. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What becomes of each candidate once the council has voted (in the caller's transaction): passed and conferred by
 * the unit itself (review-rules.yaml `confers`) → one draft decision of the unit per award; passed and beyond the
 * unit → one dossier per award to the level above; not passed → recorded as such; not chosen → left out.
 * @throws AppError REVIEW_STATE when the council's vote is not closed
 */
export async function conclusionOf(q: Queryable, actor: Actor, scope: Scope, r: repo.ReviewRow, unit: UnitAsOf): Promise<Conclusion> {
  const result = await councilResult(q, r.council_session_id as number);
  if (result.status !== 'closed') throw new AppError('REVIEW_STATE', { status: r.status, reason: 'Hội đồng chưa kết thúc biểu quyết', reviewId: r.id });
  const voted = new Map(result.candidates.filter((c) => c.refId !== null).map((c) => [c.refId as number, c]));
  const rs = reviewRules().find((x) => x.id === r.rule_set_id);
  if (!rs) throw new Error(`review rule set ${r.rule_set_id} is no longer in data/review-rules.yaml`);
  const rows: Conclusion['rows'] = [];
  const toDecide = new Map<string, Awardee[]>();
  const toSend = new Map<string, Awardee[]>();
  for (const c of await repo.candidatesOf(q, r.id)) {
    const id = Number(c.id);
    const vote = voted.get(id);
    if (!c.included || !vote) { rows.push({ id, outcome: 'left_out', councilCandidateId: null, decisionId: null, dossierId: null }); continue; }
    if (!vote.passed) { rows.push({ id, outcome: 'not_passed', councilCandidateId: vote.candidateId, decisionId: null, dossierId: null }); continue; }
    const awardee = { candidateId: id, councilCandidateId: vote.candidateId, personId: c.person_id, unitId: c.subject_kind === 'collective' ? c.unit_id : null };
    push(conferral(rs, unit.kind, c.award_code) ? toDecide : toSend, c.award_code, awardee);
  }
  const decisionIds: number[] = [];
  for (const [award, list] of toDecide) {
    const how = conferral(rs, unit.kind, award) as { decisionKind: string; basis: string };
    const d = await createDecisionDraft(q, actor, scope, {
      authorityUnitId: unit.id, kind: how.decisionKind, awardCode: award, awardType: 'merit', periodFrom: r.year, periodTo: r.year,
      summary: `Bình xét thi đua, khen thưởng năm ${r.year} (${how.basis})`,
      awardees: list.map((a) => ({ personId: a.personId, unitId: a.unitId })),
    });
    decisionIds.push(d.id);
    for (const a of list) rows.push({ id: a.candidateId, outcome: 'unit_decision', councilCandidateId: a.councilCandidateId, decisionId: d.id, dossierId: null });
  }
  const sent = await sendUp(q, actor, scope, { reviewId: r.id, year: r.year, senderUnitId: unit.id, receiverUnitId: unit.parentId, groups: [...toSend].map(([awardCode, list]) => ({ awardCode, nominees: list.map((a) => ({ personId: a.personId, unitId: a.unitId })) })) });
  const dossierOf = new Map(sent.map((s) => [s.awardCode, s.dossierId]));
  for (const [award, list] of toSend) for (const a of list) rows.push({ id: a.candidateId, outcome: 'sent_up', councilCandidateId: a.councilCandidateId, decisionId: null, dossierId: dossierOf.get(award) ?? null });
  return { rows, decisionIds, dossierIds: sent.map((s) => s.dossierId) };
}

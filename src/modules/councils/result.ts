import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import * as repo from './repo.ts';
import { councilRulesOn, thresholdOf, votesNeeded } from './rules.ts';

export interface CandidateResult {
  candidateId: number;
  personId: number | null;
  unitId: number | null;
  awardCode: string;
  awardName: string;
  refId: number | null;
  /** Null until the vote closes (nobody sees a count while members still vote). */
  yes: number | null;
  no: number | null;
  blank: number | null;
  thresholdPct: number;
  strict: boolean;
  votesNeeded: number;
  passed: boolean;
  /** The rule as applied: "Tán thành ≥ 80% tổng số thành viên Hội đồng (8/10)". */
  ruleVi: string;
  ruleEn: string;
  basis: string;
  uncertain: boolean;
}

export interface CouncilResult {
  sessionId: number;
  orgUnitId: number;
  purpose: repo.Purpose;
  refId: number | null;
  status: 'open' | 'closed';
  ballot: 'paper' | 'app';
  membersTotal: number;
  present: number;
  /** Absent members whose vote in writing was received (or who voted in the app while absent). */
  writtenVotes: number;
  /** Members who have voted in the app so far (who, never what). */
  ballotsCast: number;
  quorum: { requiredPct: number; required: number; met: boolean; basis: string; uncertain: boolean };
  writtenVotesBasis: string;
  candidates: CandidateResult[];
}

const percent = (n: number) => `${n}%`;

/**
 * The result of a session: per candidate the counts (once closed), the award's threshold as a share of ALL members
 * (not of those present: NĐ 98/2023 Art 30(7)), whether it passed and on which basis; and the quorum.
 * @throws AppError NOT_FOUND
 */
export async function councilResult(q: Queryable, id: number): Promise<CouncilResult> {
  const s = await repo.findSession(q, id);
  if (!s) throw new AppError('NOT_FOUND');
  const rules = councilRulesOn(s.meets_on);
  const members = await repo.membersOf(q, id);
  const candidates = await repo.candidatesOf(q, id);
  const voted = new Set(await repo.votedMemberIds(q, id));
  const closed = s.status === 'closed';
  const total = members.length;
  const present = members.filter((m) => m.attendance === 'present').length;
  const written = members.filter((m) => m.attendance === 'absent' && (m.written_vote || voted.has(m.id))).length;
  const quorumNeeded = votesNeeded({ pct: rules.quorum.present_pct_of_all_members, strict: false }, total);
  const quorumMet = total > 0 && present >= quorumNeeded;
  const counts = closed && s.ballot === 'app' ? await repo.ballotCounts(q, id) : null;
  return {
    sessionId: s.id, orgUnitId: s.org_unit_id, purpose: s.purpose, refId: s.ref_id, status: s.status, ballot: s.ballot,
    membersTotal: total, present, writtenVotes: written, ballotsCast: voted.size,
    quorum: { requiredPct: rules.quorum.present_pct_of_all_members, required: quorumNeeded, met: quorumMet, basis: rules.quorum.basis, uncertain: rules.quorum.uncertain === true },
    writtenVotesBasis: rules.written_votes_of_absent_members.basis,
    candidates: candidates.map((c) => {
      const t = thresholdOf(c.award_code, rules);
      const need = votesNeeded(t, total);
      const n = !closed ? null : s.ballot === 'app' ? (counts?.get(c.id) ?? { yes: 0, no: 0, blank: 0 }) : { yes: c.yes_count ?? 0, no: c.no_count ?? 0, blank: c.blank_count ?? 0 };
      const sign = t.strict ? '>' : '≥';
      return {
        candidateId: c.id, personId: c.person_id, unitId: c.unit_id, awardCode: c.award_code, awardName: catalogue().byCode.get(c.award_code)?.nameVi ?? c.award_code, refId: c.ref_id,
        yes: n?.yes ?? null, no: n?.no ?? null, blank: n?.blank ?? null,
        thresholdPct: t.pct, strict: t.strict, votesNeeded: need,
        passed: n !== null && quorumMet && n.yes >= need,
        ruleVi: `Tán thành ${sign} ${percent(t.pct)} tổng số thành viên Hội đồng (cần ${need}/${total} phiếu; thành viên vắng mặt bỏ phiếu bằng văn bản)`,
        ruleEn: `Agreed by ${sign} ${percent(t.pct)} of all council members (${need} of ${total} votes needed; absent members vote in writing)`,
        basis: t.basis, uncertain: t.uncertain,
      };
    }),
  };
}

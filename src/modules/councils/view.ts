import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import * as repo from './repo.ts';
import { type CouncilResult, councilResult } from './result.ts';

export interface SessionView {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  purpose: repo.Purpose;
  refId: number | null;
  title: string;
  meetsOn: string;
  ballot: 'paper' | 'app';
  status: 'open' | 'closed';
  version: number;
  members: { id: number; name: string; role: repo.MemberRole; userId: number | null; personId: number | null; attendance: 'present' | 'absent'; writtenVote: boolean; votedInApp: boolean }[];
  candidates: { id: number; personId: number | null; unitId: number | null; name: string; awardCode: string; refId: number | null }[];
  result: CouncilResult;
  me: { member: boolean; voted: boolean; canManage: boolean };
}

/**
 * A session for someone who runs it (its unit in their council.manage scope) or sits on it.
 * @throws AppError NOT_FOUND otherwise
 */
export async function sessionView(q: Queryable, manageScope: Scope, userId: number, id: number): Promise<SessionView> {
  const s = await repo.findSession(q, id);
  const members = s ? await repo.membersOf(q, id) : [];
  const mine = members.find((m) => m.user_id === userId);
  const canManage = s !== null && inScope(manageScope, s.org_unit_id);
  if (!s || (!canManage && !mine)) throw new AppError('NOT_FOUND');
  const candidates = await repo.candidatesOf(q, id);
  const voted = new Set(await repo.votedMemberIds(q, id));
  const people = new Map((await peopleWithOpenEmployment(q, candidates.flatMap((c) => (c.person_id ? [c.person_id] : [])))).map((p) => [p.id, p.full_name]));
  const units = await latestUnitNames(q, [s.org_unit_id, ...candidates.map((c) => c.unit_id)]);
  return {
    id: s.id, orgUnitId: s.org_unit_id, orgUnitName: units.get(s.org_unit_id) ?? '', purpose: s.purpose, refId: s.ref_id, title: s.title, meetsOn: s.meets_on,
    ballot: s.ballot, status: s.status, version: s.version,
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, userId: m.user_id, personId: m.person_id, attendance: m.attendance, writtenVote: m.written_vote, votedInApp: voted.has(m.id) })),
    candidates: candidates.map((c) => ({ id: c.id, personId: c.person_id, unitId: c.unit_id, name: (c.person_id ? people.get(c.person_id) : units.get(c.unit_id as number)) ?? '', awardCode: c.award_code, refId: c.ref_id })),
    result: await councilResult(q, id),
    me: { member: mine !== undefined, voted: mine !== undefined && voted.has(mine.id), canManage },
  };
}

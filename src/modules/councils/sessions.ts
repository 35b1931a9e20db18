import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import * as repo from './repo.ts';
import { type CouncilResult, councilResult } from './result.ts';
import { councilRulesOn } from './rules.ts';

// A council session's use cases, each in the caller's transaction (`q`): the annual review opens a session in the
// same transaction as its own rows. Routes open the transaction.

export interface OpenSessionInput {
  orgUnitId: number;
  purpose: repo.Purpose;
  refId: number | null;
  title: string;
  meetsOn: string;
  ballot: 'paper' | 'app';
  members: { name: string; role: repo.MemberRole; userId?: number | null; personId?: number | null }[];
  candidates: { personId?: number | null; unitId?: number | null; awardCode: string; refId?: number | null }[];
}

const invalid = (field: string, reason: string) => new AppError('COUNCIL_INVALID', { field, reason });

async function checkCandidates(q: Queryable, scope: Scope, input: OpenSessionInput['candidates']): Promise<void> {
  const people = new Map((await peopleWithOpenEmployment(q, input.flatMap((c) => (c.personId ? [c.personId] : [])))).map((p) => [p.id, p]));
  const units = await latestUnitNames(q, input.map((c) => c.unitId));
  const seen = new Set<string>();
  input.forEach((c, i) => {
    const field = `candidates.${i}`;
    if ((c.personId == null) === (c.unitId == null)) throw invalid(field, 'mỗi dòng là một cá nhân hoặc một tập thể');
    const def = catalogue().byCode.get(c.awardCode);
    if (!def) throw new AppError('UNKNOWN_AWARD', { award: c.awardCode, field: `${field}.awardCode` });
    const kind = c.personId != null ? 'individual' : 'collective';
    if (!def.subjects.includes(kind)) throw invalid(`${field}.awardCode`, `"${def.nameVi}" không xét cho ${kind === 'individual' ? 'cá nhân' : 'tập thể'}`);
    const unitOf = c.personId != null ? people.get(c.personId)?.current_unit_id : units.has(c.unitId as number) ? c.unitId : undefined;
    if (unitOf === undefined || !inScope(scope, unitOf)) throw new AppError('NOT_FOUND', { field: `${field}.${c.personId != null ? 'personId' : 'unitId'}` });
    const key = `${c.personId ?? ''}|${c.unitId ?? ''}|${c.awardCode}`;
    if (seen.has(key)) throw invalid(field, 'đối tượng được ghi hai lần cho cùng danh hiệu, hình thức');
    seen.add(key);
  });
}

function checkMembers(members: OpenSessionInput['members']): void {
  if (members.length === 0) throw invalid('members', 'Hội đồng cần ít nhất một thành viên');
  if (members.filter((m) => m.role === 'chair').length > 1) throw invalid('members', 'Hội đồng chỉ có một Chủ tịch');
  const users = members.flatMap((m) => (m.userId ? [m.userId] : []));
  if (new Set(users).size !== users.length) throw invalid('members', 'một tài khoản chỉ là một thành viên');
}

/**
 * Opens a session with its members (all present until attendance says otherwise) and candidates.
 * @throws AppError NOT_FOUND (unit or a candidate outside the scope) | UNKNOWN_AWARD | COUNCIL_INVALID
 */
export async function openCouncilSession(q: Queryable, actor: Actor, scope: Scope, input: OpenSessionInput): Promise<{ id: number; version: number }> {
  if (!inScope(scope, input.orgUnitId)) throw new AppError('NOT_FOUND', { field: 'orgUnitId' });
  checkMembers(input.members);
  if (input.candidates.length === 0) throw invalid('candidates', 'phiên họp cần ít nhất một đối tượng được xét');
  await checkCandidates(q, scope, input.candidates);
  const id = await repo.insertSession(q, { ...input, title: nfc(input.title.trim()) }, actor.id);
  await repo.insertMembers(q, id, input.members.map((m) => ({ name: nfc(m.name.trim()), role: m.role, userId: m.userId ?? null, personId: m.personId ?? null })));
  await repo.insertCandidates(q, id, input.candidates.map((c) => ({ personId: c.personId ?? null, unitId: c.unitId ?? null, awardCode: c.awardCode, refId: c.refId ?? null })));
  await audit(q, actor, [{ action: 'council.open', entity: 'council_session', entityId: id, orgUnitId: input.orgUnitId, before: null, after: { ...input, version: 1 } }]);
  return { id, version: 1 };
}

/** The session in scope, locked, still open, at the version the client saw. */
async function openForWrite(q: Queryable, scope: Scope, id: number, version: number): Promise<repo.SessionRow> {
  const s = await repo.findSession(q, id, true);
  if (!s || !inScope(scope, s.org_unit_id)) throw new AppError('NOT_FOUND');
  if (s.status !== 'open') throw new AppError('COUNCIL_STATE', { status: s.status, sessionId: id });
  await assertVersion(q, 'council_session', id, s.version, version);
  return s;
}

/**
 * Records who attended and which absent members' written votes arrived.
 * @throws AppError NOT_FOUND | COUNCIL_STATE | VERSION_CONFLICT | COUNCIL_INVALID
 */
export async function setAttendance(q: Queryable, actor: Actor, scope: Scope, id: number, input: { version: number; members: { memberId: number; attendance: 'present' | 'absent'; writtenVote?: boolean }[] }): Promise<void> {
  const s = await openForWrite(q, scope, id, input.version);
  const known = new Set((await repo.membersOf(q, id)).map((m) => m.id));
  input.members.forEach((m, i) => {
    if (!known.has(m.memberId)) throw invalid(`members.${i}.memberId`, 'không phải thành viên của phiên họp này');
    if (m.attendance === 'present' && m.writtenVote) throw invalid(`members.${i}.writtenVote`, 'chỉ thành viên vắng mặt mới bỏ phiếu bằng văn bản');
  });
  await repo.setAttendance(q, id, input.members.map((m) => ({ ...m, writtenVote: m.writtenVote ?? false })));
  await repo.bumpVersion(q, id);
  await audit(q, actor, [{ action: 'council.attendance', entity: 'council_session', entityId: id, orgUnitId: s.org_unit_id, before: { version: s.version }, after: { members: input.members, version: s.version + 1 } }]);
}

/**
 * Enters a paper ballot's counts per candidate (written votes of absent members included). Never more ballots than
 * members who could vote.
 * @throws AppError NOT_FOUND | COUNCIL_STATE | VERSION_CONFLICT | COUNCIL_INVALID
 */
export async function enterCounts(q: Queryable, actor: Actor, scope: Scope, id: number, input: { version: number; counts: { candidateId: number; yes: number; no: number; blank: number }[] }): Promise<void> {
  const s = await openForWrite(q, scope, id, input.version);
  if (s.ballot !== 'paper') throw invalid('ballot', 'phiên họp bỏ phiếu trên hệ thống: số phiếu do thành viên bỏ, không nhập tay');
  const members = await repo.membersOf(q, id);
  const rules = councilRulesOn(s.meets_on);
  const mayVote = members.filter((m) => m.attendance === 'present' || (m.written_vote && rules.written_votes_of_absent_members.count)).length;
  const known = new Set((await repo.candidatesOf(q, id)).map((c) => c.id));
  input.counts.forEach((c, i) => {
    if (!known.has(c.candidateId)) throw invalid(`counts.${i}.candidateId`, 'không phải đối tượng được xét trong phiên họp này');
    if (c.yes + c.no + c.blank > mayVote) throw invalid(`counts.${i}`, `tổng số phiếu ${c.yes + c.no + c.blank} vượt số thành viên được bỏ phiếu (${mayVote}: có mặt và vắng mặt có phiếu bằng văn bản)`);
  });
  await repo.setCounts(q, id, input.counts);
  await repo.bumpVersion(q, id);
  await audit(q, actor, [{ action: 'council.counts', entity: 'council_session', entityId: id, orgUnitId: s.org_unit_id, before: { version: s.version }, after: { counts: input.counts, version: s.version + 1 } }]);
}

/**
 * A member's secret ballot in the app: who voted goes to council_voter, what was voted to council_ballot, with
 * nothing that links them; the audit entry says that the member voted, not how. One ballot per member.
 * @throws AppError NOT_FOUND | COUNCIL_NOT_MEMBER (a manager of the session who is not a member) | COUNCIL_STATE | COUNCIL_ALREADY_VOTED | COUNCIL_INVALID
 */
export async function castBallot(q: Queryable, actor: Actor, userId: number, manageScope: Scope, id: number, choices: Record<string, repo.Choice>): Promise<void> {
  const s = await repo.findSession(q, id, true);
  const member = s ? (await repo.membersOf(q, id)).find((m) => m.user_id === userId) : undefined;
  // Someone who runs the session but does not sit on it is told so; anyone else learns nothing of it.
  if (s && !member && inScope(manageScope, s.org_unit_id)) throw new AppError('COUNCIL_NOT_MEMBER', { sessionId: id });
  if (!s || !member) throw new AppError('NOT_FOUND');
  if (s.status !== 'open') throw new AppError('COUNCIL_STATE', { status: s.status, sessionId: id });
  if (s.ballot !== 'app') throw invalid('ballot', 'phiên họp bỏ phiếu giấy: kết quả do thư ký nhập');
  const known = new Set((await repo.candidatesOf(q, id)).map((c) => String(c.id)));
  for (const key of Object.keys(choices)) if (!known.has(key)) throw invalid(`choices.${key}`, 'không phải đối tượng được xét trong phiên họp này');
  if (!(await repo.markVoted(q, id, member.id))) throw new AppError('COUNCIL_ALREADY_VOTED', { sessionId: id });
  await repo.insertBallot(q, id, choices);
  await audit(q, actor, [{ action: 'council.vote', entity: 'council_session', entityId: id, orgUnitId: s.org_unit_id, before: null, after: { voted: true } }]);
}

/**
 * Closes the vote: from now on the counts and the result show, and nothing changes.
 * @throws AppError NOT_FOUND | COUNCIL_STATE | VERSION_CONFLICT | COUNCIL_INVALID (paper counts missing)
 */
export async function closeVote(q: Queryable, actor: Actor, scope: Scope, id: number, version: number): Promise<CouncilResult> {
  const s = await openForWrite(q, scope, id, version);
  if (s.ballot === 'paper') {
    const missing = (await repo.candidatesOf(q, id)).findIndex((c) => c.yes_count === null);
    if (missing >= 0) throw invalid(`counts.${missing}`, 'chưa nhập kết quả kiểm phiếu cho đối tượng này');
  }
  await repo.bumpVersion(q, id, true);
  const result = await councilResult(q, id);
  await audit(q, actor, [{ action: 'council.close', entity: 'council_session', entityId: id, orgUnitId: s.org_unit_id, before: { status: 'open', version: s.version }, after: { status: 'closed', version: s.version + 1, result } }]);
  return result;
}

import type { Queryable } from '../../server/db.ts';

export type Purpose = 'annual_review' | 'dossier' | 'other';
export type MemberRole = 'chair' | 'vice_chair' | 'member' | 'secretary';
export type Choice = 'yes' | 'no' | 'blank';

export interface SessionRow {
  id: number;
  org_unit_id: number;
  purpose: Purpose;
  ref_id: number | null;
  title: string;
  meets_on: string;
  ballot: 'paper' | 'app';
  status: 'open' | 'closed';
  version: number;
  created_at: string;
  closed_at: string | null;
}

export interface MemberRow {
  id: number;
  session_id: number;
  name: string;
  role: MemberRole;
  user_id: number | null;
  person_id: number | null;
  attendance: 'present' | 'absent';
  written_vote: boolean;
}

export interface CandidateRow {
  id: number;
  session_id: number;
  person_id: number | null;
  unit_id: number | null;
  award_code: string;
  ref_id: number | null;
  yes_count: number | null;
  no_count: number | null;
  blank_count: number | null;
}

export async function findSession(q: Queryable, id: number, lock = false): Promise<SessionRow | null> {
  const rows = await q.query<SessionRow>(
    `select id, org_unit_id, purpose, ref_id, title, meets_on::text, ballot, status, version, created_at, closed_at from council_session where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertSession(q: Queryable, s: { orgUnitId: number; purpose: Purpose; refId: number | null; title: string; meetsOn: string; ballot: 'paper' | 'app' }, actorId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'insert into council_session (org_unit_id, purpose, ref_id, title, meets_on, ballot, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [s.orgUnitId, s.purpose, s.refId, s.title, s.meetsOn, s.ballot, actorId],
  );
  return row.id;
}

export async function insertMembers(q: Queryable, sessionId: number, m: { name: string; role: MemberRole; userId: number | null; personId: number | null }[]): Promise<void> {
  await q.query(
    `insert into council_session_member (session_id, name, role, user_id, person_id)
     select $1, * from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[])`,
    [sessionId, m.map((x) => x.name), m.map((x) => x.role), m.map((x) => x.userId), m.map((x) => x.personId)],
  );
}

export async function insertCandidates(q: Queryable, sessionId: number, c: { personId: number | null; unitId: number | null; awardCode: string; refId: number | null }[]): Promise<void> {
  await q.query(
    `insert into council_candidate (session_id, person_id, unit_id, award_code, ref_id)
     select $1, * from unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[])`,
    [sessionId, c.map((x) => x.personId), c.map((x) => x.unitId), c.map((x) => x.awardCode), c.map((x) => x.refId)],
  );
}

export function membersOf(q: Queryable, sessionId: number): Promise<MemberRow[]> {
  return q.query<MemberRow>('select id, session_id, name, role, user_id, person_id, attendance, written_vote from council_session_member where session_id = $1 order by id', [sessionId]);
}

export function candidatesOf(q: Queryable, sessionId: number): Promise<CandidateRow[]> {
  return q.query<CandidateRow>('select id, session_id, person_id, unit_id, award_code, ref_id, yes_count, no_count, blank_count from council_candidate where session_id = $1 order by id', [sessionId]);
}

export async function bumpVersion(q: Queryable, id: number, close = false): Promise<void> {
  await q.query(`update council_session set version = version + 1${close ? ", status = 'closed', closed_at = now()" : ''} where id = $1`, [id]);
}

export async function setAttendance(q: Queryable, sessionId: number, rows: { memberId: number; attendance: 'present' | 'absent'; writtenVote: boolean }[]): Promise<void> {
  await q.query(
    `update council_session_member m set attendance = u.attendance, written_vote = u.written_vote
       from unnest($2::bigint[], $3::text[], $4::boolean[]) as u(id, attendance, written_vote)
      where m.id = u.id and m.session_id = $1`,
    [sessionId, rows.map((r) => r.memberId), rows.map((r) => r.attendance), rows.map((r) => r.writtenVote)],
  );
}

export async function setCounts(q: Queryable, sessionId: number, rows: { candidateId: number; yes: number; no: number; blank: number }[]): Promise<void> {
  await q.query(
    `update council_candidate c set yes_count = u.y, no_count = u.n, blank_count = u.b
       from unnest($2::bigint[], $3::int[], $4::int[], $5::int[]) as u(id, y, n, b)
      where c.id = u.id and c.session_id = $1`,
    [sessionId, rows.map((r) => r.candidateId), rows.map((r) => r.yes), rows.map((r) => r.no), rows.map((r) => r.blank)],
  );
}

/** Records that a member voted; false when they already had (the primary key refuses a second row). */
export async function markVoted(q: Queryable, sessionId: number, memberId: number): Promise<boolean> {
  const rows = await q.query('insert into council_voter (session_id, member_id) values ($1, $2) on conflict do nothing returning member_id', [sessionId, memberId]);
  return rows.length === 1;
}

/** One anonymous ballot: the session and the choices only. */
export async function insertBallot(q: Queryable, sessionId: number, choices: Record<string, Choice>): Promise<void> {
  await q.query('insert into council_ballot (session_id, choices) values ($1, $2::jsonb)', [sessionId, JSON.stringify(choices)]);
}

export async function votersCount(q: Queryable, sessionId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from council_voter where session_id = $1', [sessionId]);
  return row.n;
}

/** The members who voted in the app (who, never what). */
export async function votedMemberIds(q: Queryable, sessionId: number): Promise<number[]> {
  return (await q.query<{ member_id: number }>('select member_id from council_voter where session_id = $1', [sessionId])).map((r) => r.member_id);
}

/** Counts per candidate from the app's ballots (a candidate a ballot leaves out counts as blank). */
export async function ballotCounts(q: Queryable, sessionId: number): Promise<Map<number, { yes: number; no: number; blank: number }>> {
  const rows = await q.query<{ candidate_id: number; yes: number; no: number; blank: number }>(
    `select c.id as candidate_id,
            count(*) filter (where b.choices ->> c.id::text = 'yes')::int as yes,
            count(*) filter (where b.choices ->> c.id::text = 'no')::int as no,
            count(*) filter (where coalesce(b.choices ->> c.id::text, 'blank') = 'blank')::int as blank
       from council_candidate c join council_ballot b on b.session_id = c.session_id
      where c.session_id = $1 group by c.id`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.candidate_id, { yes: r.yes, no: r.no, blank: r.blank }]));
}

/** Sessions whose unit is in `unitIds` (null: all) or that the user sits on, newest first. */
export function listSessions(q: Queryable, unitIds: number[] | null, userId: number, limit: number, offset: number): Promise<(SessionRow & { members: number; candidates: number })[]> {
  return q.query<SessionRow & { members: number; candidates: number }>(
    `select s.id, s.org_unit_id, s.purpose, s.ref_id, s.title, s.meets_on::text, s.ballot, s.status, s.version, s.created_at, s.closed_at,
            (select count(*)::int from council_session_member m where m.session_id = s.id) as members,
            (select count(*)::int from council_candidate c where c.session_id = s.id) as candidates
       from council_session s
      where ($1::bigint[] is null or s.org_unit_id = any($1::bigint[]))
         or exists (select 1 from council_session_member m where m.session_id = s.id and m.user_id = $2)
      order by s.meets_on desc, s.id desc limit ${limit} offset ${offset}`,
    [unitIds, userId],
  );
}

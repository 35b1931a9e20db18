import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { councilResult } from './result.ts';
import { openCouncilSession } from './sessions.ts';

let ctx: TestContext;
let ward: number;
let officer: string;
let outsiderOfficer: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử' });
  ward = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Hội Đồng' });
  const other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Khác' });
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: ward }])).cookie;
  outsiderOfficer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const put = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'PUT', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

const members = (n: number, userIds: number[] = []) => Array.from({ length: n }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: i === 0 ? 'chair' : i === n - 1 ? 'secretary' : 'member', userId: userIds[i] ?? null }));

type Session = { id: number; version: number; members: { id: number }[]; candidates: { id: number; personId: number; awardCode: string }[]; result: { candidates: Record<string, unknown>[] } & Record<string, unknown> };

async function open(body: object): Promise<Session> {
  const res = await post(officer, '/councils', { orgUnitId: ward, purpose: 'annual_review', refId: null, title: 'Họp Hội đồng TĐKT bình xét năm 2025', meetsOn: '2025-12-20', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('catalogue thresholds', () => {
  it('the catalogue exposes each award council vote: 80 % or 90 % of all members, with its basis', () => {
    expect(catalogue().byCode.get('grassroots_emulation_fighter')?.councilVote).toEqual({ method: 'secret_ballot', thresholdPctOfAllMembers: 80, basis: 'NĐ 98 Art 30(7)', uncertain: true, absentMembersVoteInWriting: true });
    expect(catalogue().byCode.get('ministerial_provincial_emulation_fighter')?.councilVote?.thresholdPctOfAllMembers).toBe(90);
    expect(catalogue().byCode.get('advanced_worker')?.councilVote).toBeNull();
  });
});

describe('paper ballot', () => {
  it('decides on ALL members, counts absent members’ written votes, and shows counts only once closed', async () => {
    const people = await Promise.all(['An', 'Bình', 'Chi', 'Dũng', 'Giang'].map((n) => makePerson(ctx.db, { unitId: ward, fullName: `Nguyễn Văn ${n}` })));
    const s = await open({
      ballot: 'paper', members: members(10),
      candidates: [
        { personId: people[0].id, awardCode: 'grassroots_emulation_fighter' }, // 80 %: 8 of 10 needed
        { personId: people[1].id, awardCode: 'ministerial_provincial_emulation_fighter' }, // 90 %: 9 of 10 needed
        { personId: people[2].id, awardCode: 'grassroots_emulation_fighter' }, // 7 yes: 7/8 present = 87.5 %, but 70 % of all
        { personId: people[3].id, awardCode: 'ministerial_provincial_emulation_fighter' }, // 9 yes with the written vote
        { personId: people[4].id, awardCode: 'advanced_worker' }, // no threshold in the catalogue: more than half
      ],
    });
    // Two absent; one sent a written vote: 8 present + 1 written = at most 9 ballots.
    const att = await put(officer, `/councils/${s.id}/attendance`, { version: s.version, members: [{ memberId: s.members[8].id, attendance: 'absent', writtenVote: true }, { memberId: s.members[9].id, attendance: 'absent' }] });
    expect(att.statusCode, att.body).toBe(200);
    let v = att.json().version;
    const c = s.candidates.map((x) => x.id);
    const tooMany = await put(officer, `/councils/${s.id}/counts`, { version: v, counts: [{ candidateId: c[0], yes: 8, no: 1, blank: 1 }] });
    expect(tooMany.json().error).toMatchObject({ code: 'COUNCIL_INVALID', details: { field: 'counts.0' } });
    const counts = await put(officer, `/councils/${s.id}/counts`, { version: v, counts: [
      { candidateId: c[0], yes: 8, no: 1, blank: 0 }, { candidateId: c[1], yes: 8, no: 0, blank: 1 }, { candidateId: c[2], yes: 7, no: 1, blank: 0 },
      { candidateId: c[3], yes: 9, no: 0, blank: 0 }, { candidateId: c[4], yes: 6, no: 3, blank: 0 },
    ] });
    expect(counts.statusCode, counts.body).toBe(200);
    const before = counts.json().result;
    expect(before).toMatchObject({ status: 'open', membersTotal: 10, present: 8, writtenVotes: 1, quorum: { requiredPct: 80, required: 8, met: true } });
    expect(before.candidates.every((x: { yes: number | null; passed: boolean }) => x.yes === null && !x.passed)).toBe(true);
    v = counts.json().version;

    const closed = await post(officer, `/councils/${s.id}/close`, { version: v });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = closed.json().result.candidates;
    expect(r.map((x: { yes: number; votesNeeded: number; passed: boolean }) => [x.yes, x.votesNeeded, x.passed])).toEqual([[8, 8, true], [8, 9, false], [7, 8, false], [9, 9, true], [6, 6, true]]);
    expect(r[0]).toMatchObject({ thresholdPct: 80, strict: false, basis: 'NĐ 98 Art 30(7)', uncertain: true });
    expect(r[0].ruleVi).toContain('≥ 80% tổng số thành viên Hội đồng (cần 8/10 phiếu');
    expect(r[1].ruleVi).toContain('≥ 90%');
    expect(r[4]).toMatchObject({ thresholdPct: 50, strict: true });
    expect(r[4].ruleVi).toContain('> 50%');

    // Closed: nothing changes any more.
    expect((await post(officer, `/councils/${s.id}/close`, { version: closed.json().version })).json().error.code).toBe('COUNCIL_STATE');
    expect((await put(officer, `/councils/${s.id}/counts`, { version: closed.json().version, counts: [{ candidateId: c[0], yes: 9, no: 0, blank: 0 }] })).json().error.code).toBe('COUNCIL_STATE');
  });

  it('without quorum nothing passes, and closing needs every count', async () => {
    const p = await makePerson(ctx.db, { unitId: ward });
    const s = await open({ ballot: 'paper', members: members(10), candidates: [{ personId: p.id, awardCode: 'grassroots_emulation_fighter' }] });
    const att = await put(officer, `/councils/${s.id}/attendance`, { version: s.version, members: [7, 8, 9].map((i) => ({ memberId: s.members[i].id, attendance: 'absent', writtenVote: true })) });
    const early = await post(officer, `/councils/${s.id}/close`, { version: att.json().version });
    expect(early.json().error).toMatchObject({ code: 'COUNCIL_INVALID', details: { field: 'counts.0' } });
    const counts = await put(officer, `/councils/${s.id}/counts`, { version: att.json().version, counts: [{ candidateId: s.candidates[0].id, yes: 10, no: 0, blank: 0 }] });
    expect(counts.statusCode, counts.body).toBe(200);
    const closed = (await post(officer, `/councils/${s.id}/close`, { version: counts.json().version })).json();
    expect(closed.result.quorum).toMatchObject({ met: false, required: 8 });
    expect(closed.result.present).toBe(7);
    expect(closed.result.candidates[0]).toMatchObject({ yes: 10, passed: false });
  });

  it('refuses a stale version, an outsider, and a ballot cast in the app', async () => {
    const p = await makePerson(ctx.db, { unitId: ward });
    const s = await open({ ballot: 'paper', members: members(3), candidates: [{ personId: p.id, awardCode: 'advanced_worker' }] });
    await put(officer, `/councils/${s.id}/attendance`, { version: s.version, members: [{ memberId: s.members[0].id, attendance: 'present' }] });
    const stale = await put(officer, `/councils/${s.id}/attendance`, { version: s.version, members: [{ memberId: s.members[0].id, attendance: 'present' }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await get(outsiderOfficer, `/councils/${s.id}`)).statusCode).toBe(404);
    expect((await post(outsiderOfficer, '/councils', { orgUnitId: ward, purpose: 'other', refId: null, title: 'x', meetsOn: '2025-12-20', ballot: 'paper', members: members(1), candidates: [{ personId: p.id, awardCode: 'advanced_worker' }] })).statusCode).toBe(404);
  });
});

describe('secret ballot in the app', () => {
  it('one anonymous vote per member, counts hidden until closed, no table links a ballot to its member', async () => {
    const voters = await Promise.all([0, 1, 2].map(() => makeUser(ctx.db, [{ role: 'council_member', orgUnitId: ward }])));
    const stranger = await makeUser(ctx.db, [{ role: 'council_member', orgUnitId: ward }]);
    const [p, q] = await Promise.all([makePerson(ctx.db, { unitId: ward }), makePerson(ctx.db, { unitId: ward })]);
    const s = await open({ ballot: 'app', members: members(3, voters.map((u) => u.id)), candidates: [{ personId: p.id, awardCode: 'grassroots_emulation_fighter' }, { personId: q.id, awardCode: 'advanced_worker' }] });
    const [cp, cq] = s.candidates.map((x) => String(x.id));

    const vote = (cookie: string, choices: object) => post(cookie, `/councils/${s.id}/ballots`, { choices });
    expect((await vote(voters[0].cookie, { [cp]: 'yes', [cq]: 'yes' })).statusCode).toBe(201);
    const twice = await vote(voters[0].cookie, { [cp]: 'no' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('COUNCIL_ALREADY_VOTED');
    expect((await vote(stranger.cookie, { [cp]: 'yes' })).statusCode).toBe(404);
    expect((await vote(officer, { [cp]: 'yes' })).statusCode).toBe(403); // runs the session, holds no vote
    expect((await put(officer, `/councils/${s.id}/counts`, { version: s.version, counts: [{ candidateId: Number(cp), yes: 3, no: 0, blank: 0 }] })).json().error).toMatchObject({ code: 'COUNCIL_INVALID', details: { field: 'ballot' } });

    // While open, a member sees who voted but no count.
    const seen = (await get(voters[1].cookie, `/councils/${s.id}`)).json();
    expect(seen.me).toEqual({ member: true, voted: false, canManage: false });
    expect(seen.result.ballotsCast).toBe(1);
    expect(seen.result.candidates.map((x: { yes: number | null }) => x.yes)).toEqual([null, null]);

    expect((await vote(voters[1].cookie, { [cp]: 'yes', [cq]: 'no' })).statusCode).toBe(201);
    expect((await vote(voters[2].cookie, { [cp]: 'no' })).statusCode).toBe(201); // cq left out: blank
    const closed = await post(officer, `/councils/${s.id}/close`, { version: (await get(officer, `/councils/${s.id}`)).json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = closed.json().result.candidates;
    expect(r.map((x: { yes: number; no: number; blank: number; passed: boolean }) => [x.yes, x.no, x.blank, x.passed])).toEqual([[2, 1, 0, false], [1, 1, 1, false]]);
    expect((await vote(voters[2].cookie, { [cp]: 'yes' })).json().error.code).toBe('COUNCIL_STATE');

    // Anonymity: the ballot table holds the session and the choices only; the voter table holds no choice and no
    // time; no foreign key points at a ballot; the audit log says who voted, never how.
    const columns = async (table: string) => (await ctx.db.query<{ column_name: string }>('select column_name from information_schema.columns where table_name = $1 order by column_name', [table])).map((x) => x.column_name);
    expect(await columns('council_ballot')).toEqual(['choices', 'id', 'session_id']);
    expect(await columns('council_voter')).toEqual(['member_id', 'session_id']);
    const refs = await ctx.db.query(`select 1 from information_schema.constraint_column_usage u join information_schema.table_constraints t on t.constraint_name = u.constraint_name
                                       where u.table_name = 'council_ballot' and t.constraint_type = 'FOREIGN KEY'`);
    expect(refs).toEqual([]);
    const ballots = await ctx.db.query<{ id: string; choices: Record<string, string> }>('select id::text, choices from council_ballot where session_id = $1', [s.id]);
    expect(ballots).toHaveLength(3);
    expect(ballots.every((b) => /^[0-9a-f-]{36}$/.test(b.id) && Object.keys(b.choices).every((k) => k === cp || k === cq))).toBe(true);
    const logged = await ctx.db.query<{ after: unknown }>("select after from audit_log where action = 'council.vote' and entity_id = $1", [String(s.id)]);
    expect(logged).toEqual([{ after: { voted: true } }, { after: { voted: true } }, { after: { voted: true } }]);
  });
});

describe('published functions', () => {
  it('openCouncilSession and councilResult run in the caller’s transaction', async () => {
    const p = await makePerson(ctx.db, { unitId: ward });
    const { id } = await ctx.db.tx((q) => openCouncilSession(q, { id: null, name: 'test' }, { all: true }, {
      orgUnitId: ward, purpose: 'dossier', refId: 77, title: 'Hội đồng xét hồ sơ', meetsOn: '2026-03-01', ballot: 'paper',
      members: [{ name: 'Chủ tịch', role: 'chair' }, { name: 'Ủy viên', role: 'member' }], candidates: [{ personId: p.id, awardCode: 'ministerial_provincial_certificate_of_merit', refId: 5 }],
    }));
    const r = await councilResult(ctx.db, id);
    expect(r).toMatchObject({ purpose: 'dossier', refId: 77, status: 'open', membersTotal: 2, candidates: [{ personId: p.id, refId: 5, yes: null, passed: false, thresholdPct: 50, strict: true, votesNeeded: 2 }] });
    await expect(ctx.db.tx((q) => openCouncilSession(q, { id: null, name: 'test' }, { all: true }, {
      orgUnitId: ward, purpose: 'other', refId: null, title: 'x', meetsOn: '2026-03-01', ballot: 'paper',
      members: [{ name: 'A', role: 'chair' }, { name: 'B', role: 'chair' }], candidates: [{ personId: p.id, awardCode: 'advanced_worker' }],
    }))).rejects.toMatchObject({ code: 'COUNCIL_INVALID', details: { field: 'members' } });
  });
});

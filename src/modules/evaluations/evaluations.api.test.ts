import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFixedClock, useSystemClock } from '../../shared/clock.ts';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { lockPeerGroup } from './decide.ts';

let ctx: TestContext;
let top: number;
let board: { cookie: string };
beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử đánh giá' });
  board = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }]);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });
const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown) => call(ctx.app, cookie, { method, url: `/api/v1${url}`, payload: payload as object });
const SHEET_95 = { scores: { 'I.1': 10, 'I.2': 9, 'I.3': 9, 'II.1': 27, 'II.2': 20, 'II.3': 20 }, vetoes: [] };

/** A ward with `n` staff, its officer (enters ratings) and its head (decides). */
async function ward(n: number, name = 'Phường Đánh Giá') {
  const unit = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name });
  const people = [];
  for (let i = 0; i < n; i++) people.push(await makePerson(ctx.db, { unitId: unit, fullName: `Cán bộ ${name} ${i + 1}`, fromDate: '2018-01-01' }));
  const officer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: unit }]);
  const head = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: unit }]);
  return { unit, people, officer, head };
}

async function openAll(w: Awaited<ReturnType<typeof ward>>, year = 2026) {
  const res = await send(w.officer.cookie, 'POST', '/evaluations/open', { unitId: w.unit, year });
  expect(res.statusCode, res.body).toBe(200);
  const list = (await get(w.officer.cookie, `/evaluations?unitId=${w.unit}&year=${year}`)).json();
  return list.items as { id: number; personId: number; version: number; status: string }[];
}

describe('yearly evaluation: self-assessment → proposal → decision', () => {
  it('scores a sheet, proposes, decides, and the rating becomes the person\'s for the year at once (discovery sees it)', async () => {
    const w = await ward(1);
    const [e] = await openAll(w);
    expect(e).toMatchObject({ status: 'open', schemeId: 'nd335-2025', peerGroup: 'staff' });
    const discovery = async () => {
      const res = await get(w.officer.cookie, `/discovery?unitId=${w.unit}&year=2026&asOf=2027-01-10&award=advanced_worker`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows.find((r: { personId: number }) => r.personId === w.people[0].id)?.status ?? null;
    };
    expect(await discovery()).not.toBe('eligible');

    const self = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/self`, { version: e.version, sheet: SHEET_95 });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json()).toMatchObject({ status: 'self_assessed', selfRating: 'excellent', selfScore: 95 });
    const proposal = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/proposal`, { version: self.json().version, rating: 'good', note: 'Chưa vượt 30% nhiệm vụ' });
    expect(proposal.json()).toMatchObject({ status: 'proposed', proposedRating: 'good', proposedScore: null });

    // The proposal waits in the head's inbox, counted per unit and year.
    const inbox = async (cookie: string) => ((await get(cookie, '/inbox')).json().groups as { kind: string; count: number; overdue: number; items: { entityId: number; dueOn: string | null; overdue: boolean }[] }[]).find((g) => g.kind === 'evaluation.to_decide');
    // Due by 5 December of the year (setting ratings_due_day_in_december); overdue the day after.
    useFixedClock('2026-12-05T10:00:00+07:00');
    expect(await inbox(w.head.cookie)).toMatchObject({ count: 1, overdue: 0, items: [{ entityId: w.unit, dueOn: '2026-12-05', overdue: false }] });
    useFixedClock('2026-12-06T08:00:00+07:00');
    expect(await inbox(w.head.cookie)).toMatchObject({ count: 1, overdue: 1, items: [{ entityId: w.unit, dueOn: '2026-12-05', overdue: true }] });
    useSystemClock();
    expect(await inbox(w.officer.cookie)).toBeUndefined();
    // The officer cannot decide; the head can.
    const byOfficer = await send(w.officer.cookie, 'POST', '/evaluations/decisions', { items: [{ id: e.id, version: proposal.json().version }] });
    expect(byOfficer.statusCode).toBe(403);
    const decided = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: e.id, version: proposal.json().version }] });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().items[0]).toMatchObject({ status: 'decided', decidedRating: 'good' });
    expect(await inbox(w.head.cookie)).toBeUndefined();

    const person = (await get(board.cookie, `/people/${w.people[0].id}`)).json();
    expect(person.years.find((y: { year: number }) => y.year === 2026)?.rating).toBe('good');
    expect(await discovery()).toBe('eligible');
    const panel = (await get(w.officer.cookie, `/people/${w.people[0].id}/eligibility?year=2026&asOf=2027-01-10`)).json();
    expect(panel.results.find((r: { award: string }) => r.award === 'advanced_worker').eligible).toBe(true);
  });

  it('a new decision on a decided rating is a correction row, and the person\'s rating follows it', async () => {
    const w = await ward(1, 'Phường Sửa Xếp Loại');
    const [e] = await openAll(w);
    const first = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: e.id, version: e.version, rating: 'good' }] });
    expect(first.statusCode, first.body).toBe(200);
    const again = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: e.id, version: first.json().items[0].version, rating: 'not_completed' }] });
    expect(again.statusCode, again.body).toBe(200);
    const rows = await ctx.db.query<{ id: number; rating: string; corrects_id: number | null }>('select id, rating, corrects_id from person_year_rating where person_id = $1 order by id', [w.people[0].id]);
    expect(rows.map((r) => r.rating)).toEqual(['good', 'not_completed']);
    expect(rows[1].corrects_id).toBe(rows[0].id);
    const person = (await get(board.cookie, `/people/${w.people[0].id}`)).json();
    expect(person.years.find((y: { year: number }) => y.year === 2026)?.rating).toBe('not_completed');
    const log = await ctx.db.query<{ action: string }>("select action from audit_log where entity = 'person' and entity_id = $1 and action like 'person.rating%' order by id", [String(w.people[0].id)]);
    expect(log.map((l) => l.action)).toEqual(['person.rating', 'person.rating_correct']);
  });

  it('refuses a sheet with a score out of range, and a rating that is not the sheet\'s band', async () => {
    const w = await ward(1, 'Phường Chấm Sai');
    const [e] = await openAll(w);
    const bad = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/self`, { version: e.version, sheet: { ...SHEET_95, scores: { ...SHEET_95.scores, 'II.1': 40 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('điểm phải từ 0 đến 28');
    const mismatch = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/self`, { version: e.version, sheet: SHEET_95, rating: 'good' });
    expect(mismatch.json().error.details.issues[0]).toMatchObject({ field: 'rating', rule: 'rating_not_band', params: { score: 95, band: 'excellent' } });
    const veto = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/self`, { version: e.version, sheet: { ...SHEET_95, vetoes: ['discipline_reprimand_plus'] } });
    expect(veto.json()).toMatchObject({ selfRating: 'not_completed', selfScore: 95 });
    const stale = await send(w.officer.cookie, 'PUT', `/evaluations/${e.id}/proposal`, { version: e.version, rating: 'good' });
    expect(stale.statusCode).toBe(409);
  });

  it('hides another unit\'s evaluations (404) and refuses a viewer (403)', async () => {
    const w = await ward(1, 'Phường Riêng');
    const other = await ward(0, 'Phường Khác');
    const [e] = await openAll(w);
    expect((await get(other.officer.cookie, `/evaluations/${e.id}`)).statusCode).toBe(404);
    expect((await send(other.officer.cookie, 'PUT', `/evaluations/${e.id}/self`, { version: e.version, rating: 'good' })).statusCode).toBe(404);
    const viewer = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.unit }]);
    expect((await get(viewer.cookie, `/evaluations?unitId=${w.unit}&year=2026`)).statusCode).toBe(403);
  });
});

describe('the excellent cap per peer group', () => {
  it('refuses at decision time with the numbers and the rule, and counts each peer group apart', async () => {
    // 6 staff: 5 good allow 1 excellent (20 % of 5); a second excellent is refused.
    const w = await ward(7, 'Phường Trần Xuất Sắc');
    const leader = await makePerson(ctx.db, { unitId: w.unit, fullName: 'Trưởng phòng Xuất Sắc', isLeader: true, fromDate: '2018-01-01' });
    const items = await openAll(w);
    const staff = items.filter((i) => i.personId !== leader.id);
    const boss = items.find((i) => i.personId === leader.id) as (typeof items)[number];
    const ratings = ['excellent', 'good', 'good', 'good', 'good', 'good', 'completed'];
    const first = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: staff.map((e, i) => ({ id: e.id, version: e.version, rating: ratings[i] })) });
    expect(first.statusCode, first.body).toBe(200);
    const page = (await get(w.head.cookie, `/evaluations?unitId=${w.unit}&year=2026`)).json();
    expect(page.caps.find((c: { peerGroup: string }) => c.peerGroup === 'staff')).toMatchObject({ excellent: 1, good: 5, base: 5, max: 1, over: false });
    const seventh = first.json().items.find((x: { id: number }) => x.id === staff[6].id);
    const refused = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: seventh.id, version: seventh.version, rating: 'excellent' }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'EVALUATION_CAP_EXCEEDED', details: { peerGroup: 'staff', excellent: 2, base: 5, pct: 20, max: 1 } });
    expect(refused.json().error.message).toContain('20% của 5 người/đơn vị xếp loại Hoàn thành tốt');
    expect(refused.json().error.message).toContain('QĐ 366-QĐ/TW Điều 11');
    // The leader is in another peer group: alone, with nobody good, excellent is over the cap there.
    const alone = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: boss.id, version: boss.version, rating: 'excellent' }] });
    expect(alone.json().error.details).toMatchObject({ peerGroup: 'leaders', excellent: 1, base: 0, max: 0 });
    // An outstanding organisation gets 25 % on the competent level's decision (the level above, not the unit's own head).
    const boardLeader = await makeUser(ctx.db, [{ role: 'board_leader', orgUnitId: top }]);
    expect((await send(w.head.cookie, 'POST', '/evaluations/cap-exceptions', { groupUnitId: w.unit, year: 2026, basis: 'Tự nâng trần' })).statusCode).toBe(403);
    const exception = await send(boardLeader.cookie, 'POST', '/evaluations/cap-exceptions', { groupUnitId: w.unit, year: 2026, basis: 'QĐ 12/QĐ-UBND ngày 05/01/2027' });
    expect(exception.statusCode, exception.body).toBe(201);
    const raised = (await get(w.head.cookie, `/evaluations?unitId=${w.unit}&year=2026`)).json().caps.find((c: { peerGroup: string }) => c.peerGroup === 'staff');
    expect(raised).toMatchObject({ outstanding: true, pct: 25, max: 1 });
  });

  // On PostgreSQL two heads may decide in one peer group at once: each decision holds the group's lock while it
  // counts, so the second counts the first (on PGlite one connection serialises them anyway).
  it.runIf(process.env.DB_TARGET === 'postgres')('a decision waits for another one counting the same peer group', async () => {
    const w = await ward(2, 'Phường Quyết Định Song Song');
    const [e] = await openAll(w);
    let settled = false;
    await ctx.db.tx(async (q) => {
      await lockPeerGroup(q, { groupUnitId: w.unit, year: 2026, subjectKind: 'individual', peerGroup: 'staff' });
      const decision = send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: e.id, version: e.version, rating: 'good' }] }).then((r) => { settled = true; return r; });
      await new Promise((r) => setTimeout(r, 500));
      expect(settled).toBe(false);
      void decision;
    });
    for (let i = 0; i < 100 && !settled; i++) await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(true);
  });

  it('evaluates a collective in its superior\'s peer group, decided by the superior\'s head', async () => {
    const w = await ward(0, 'Phường Có Trường');
    const school = await makeUnit(ctx.db, { parentId: w.unit, kind: 'public_service_unit', name: 'Trường Tiểu học Đánh Giá' });
    const clinic = await makeUnit(ctx.db, { parentId: w.unit, kind: 'public_service_unit', name: 'Trạm Y tế Đánh Giá' });
    const created = await send(w.officer.cookie, 'POST', '/evaluations', { year: 2026, unitId: school });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ subjectKind: 'collective', groupUnitId: w.unit, peerGroup: 'public_service_unit', schemeId: 'qd366-2025' });
    expect((await send(w.officer.cookie, 'POST', '/evaluations', { year: 2026, unitId: school })).json().error.code).toBe('EVALUATION_EXISTS');
    // Opening the sub-units adds the one not yet evaluated.
    expect((await send(w.officer.cookie, 'POST', '/evaluations/open', { unitId: w.unit, year: 2026, subjects: 'units' })).json()).toEqual({ created: 1 });
    const page = (await get(w.head.cookie, `/evaluations?unitId=${w.unit}&year=2026`)).json();
    expect(page.items.map((i: { subjectName: string }) => i.subjectName).sort()).toEqual(['Trường Tiểu học Đánh Giá', 'Trạm Y tế Đánh Giá'].sort());
    expect(page.items.find((i: { unitId: number }) => i.unitId === clinic)).toMatchObject({ subjectKind: 'collective', status: 'open' });
    const schoolHead = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: school }]);
    expect((await send(schoolHead.cookie, 'POST', '/evaluations/decisions', { items: [{ id: created.json().id, version: 1, rating: 'good' }] })).statusCode).toBe(404);
    const decided = await send(w.head.cookie, 'POST', '/evaluations/decisions', { items: [{ id: created.json().id, version: 1, rating: 'good' }] });
    expect(decided.statusCode, decided.body).toBe(200);
    const [row] = await ctx.db.query<{ rating: string }>('select rating from unit_year_rating where unit_id = $1 and year = 2026', [school]);
    expect(row.rating).toBe('good');
  });
});

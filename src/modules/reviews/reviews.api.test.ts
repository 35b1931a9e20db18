import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import type { Db } from '../../server/db.ts';

let ctx: TestContext;
let top: number;
let officer: string;
let viewer: string;
let outsider: string;
let leader: string;

/** Ratings and titles for a person, one row per year. */
async function history(db: Db, personId: number, unitId: number, years: Record<number, { rating: string; titles?: string[] }>) {
  for (const [year, v] of Object.entries(years)) {
    await db.query('insert into person_year_rating (person_id, year, rating, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), v.rating, unitId]);
    for (const t of v.titles ?? []) await db.query('insert into person_title (person_id, year, title_code, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), t, unitId]);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử' });
  const other = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Khác' });
  outsider = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

type Candidate = { id: number; included: boolean; dossierId: number | null; personId: number | null; unitId: number | null; name: string; awardCode: string; status: string; engineStatus: string; registration: string; registrationRule: { vi: string; basis: string } | null; reason: { vi: string }; outcome: string | null; decisionId: number | null; vote: { passed: boolean; ruleVi: string } | null };

/** A ward with its people and their ratings; its officer, viewer and leader. */
async function ward(name: string) {
  const unit = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name, establishedOn: '2015-01-01' });
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: unit }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: unit }])).cookie;
  leader = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: unit }])).cookie;
  const good = await makePerson(ctx.db, { unitId: unit, fullName: 'Lê Văn Hoàn Thành', fromDate: '2018-01-01' });
  const star = await makePerson(ctx.db, { unitId: unit, fullName: 'Trần Thị Xuất Sắc', gender: 'female', fromDate: '2015-01-01' });
  const weak = await makePerson(ctx.db, { unitId: unit, fullName: 'Phạm Văn Chưa Đạt', fromDate: '2018-01-01' });
  await history(ctx.db, good.id, unit, { 2025: { rating: 'good' } });
  await history(ctx.db, star.id, unit, { 2023: { rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'] }, 2024: { rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'] }, 2025: { rating: 'excellent' } });
  await history(ctx.db, weak.id, unit, { 2025: { rating: 'not_completed' } });
  for (const [year, name] of [[2024, 'Sáng kiến số hoá hồ sơ'], [2025, 'Sáng kiến một cửa điện tử'], [2025, 'Sáng kiến tra cứu thủ tục']] as const) {
    await ctx.db.query("insert into person_initiative (person_id, year, name, scope, recognised_on) values ($1, $2, $3, 'grassroots', $4)", [star.id, year, name, `${year}-11-01`]);
  }
  return { unit, good, star, weak };
}

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

const pick = (list: Candidate[], personId: number, award: string) => list.find((c) => c.personId === personId && c.awardCode === award) as Candidate;
const MEMBERS = [{ name: 'Nguyễn Văn Chủ Tịch', role: 'chair' }, { name: 'Lê Thị Phó', role: 'vice_chair' }, { name: 'Đỗ Văn Uỷ Viên', role: 'member' }, { name: 'Hà Thị Thư Ký', role: 'secretary' }, { name: 'Vũ Văn Thành Viên', role: 'member' }];

describe('annual review', () => {
  it('proposes the engine candidates of the unit with reasons; an award that needs registration is needs_review without one, with the rule', async () => {
    const w = await ward('Phường Bình Xét Một');
    const res = await post(officer, '/reviews', { orgUnitId: w.unit, year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json();
    expect(review).toMatchObject({ orgUnitId: w.unit, unitName: 'Phường Bình Xét Một', year: 2025, status: 'draft', ruleSetId: 'law-2022', version: 1 });
    const list: Candidate[] = review.candidates;
    expect(list.map((c) => `${c.name}/${c.awardCode}`).sort()).toEqual([
      'Lê Văn Hoàn Thành/advanced_worker', 'Trần Thị Xuất Sắc/advanced_worker', 'Trần Thị Xuất Sắc/grassroots_emulation_fighter', 'Trần Thị Xuất Sắc/ministerial_provincial_certificate_of_merit',
    ]);
    expect(list.some((c) => c.personId === w.weak.id)).toBe(false);
    const lđtt = pick(list, w.good.id, 'advanced_worker');
    expect(lđtt).toMatchObject({ engineStatus: 'eligible', status: 'eligible', registration: 'not_required', registrationRule: null });
    expect(lđtt.reason.vi.length).toBeGreaterThan(0);
    const cstđcs = pick(list, w.star.id, 'grassroots_emulation_fighter');
    expect(cstđcs).toMatchObject({ engineStatus: 'eligible', status: 'needs_review', registration: 'missing' });
    expect(cstđcs.registrationRule?.vi).toContain('đăng ký thi đua');
    expect(cstđcs.registrationRule?.basis).toContain('Điều 8');
    const again = await post(officer, '/reviews', { orgUnitId: w.unit, year: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'REVIEW_EXISTS', details: { reviewId: review.id } });
    const [log] = await ctx.db.query<{ after: { candidates: unknown[] } }>("select after from audit_log where action = 'review.create' and entity_id = $1", [String(review.id)]);
    expect(log.after.candidates).toHaveLength(4);
  });

  it('an approved registration keeps the engine status; one not yet approved does not count', async () => {
    const w = await ward('Phường Có Đăng Ký');
    const other = await makePerson(ctx.db, { unitId: w.unit, fullName: 'Ngô Thị Đăng Ký Nháp', gender: 'female', fromDate: '2015-01-01' });
    await history(ctx.db, other.id, w.unit, { 2025: { rating: 'excellent' } });
    await ctx.db.query("insert into person_initiative (person_id, year, name, scope, recognised_on) values ($1, 2025, 'Sáng kiến lưu trữ', 'grassroots', '2025-10-01')", [other.id]);
    const register = async (status: string, personId: number) => {
      const [r] = await ctx.db.query<{ id: number }>('insert into emulation_registration (unit_id, year, status) values ($1, 2025, $2) returning id', [w.unit, status]);
      await ctx.db.query("insert into emulation_registration_item (registration_id, subject_kind, person_id, award_code) values ($1, 'individual', $2, 'grassroots_emulation_fighter')", [r.id, personId]);
    };
    await register('approved', w.star.id);
    const sub = await makeUnit(ctx.db, { parentId: w.unit, kind: 'public_service_unit', establishedOn: '2015-01-01' });
    await ctx.db.query('update employment set unit_id = $2 where person_id = $1', [other.id, sub]);
    await ctx.db.query('update person set current_unit_id = $2 where id = $1', [other.id, sub]);
    const [r2] = await ctx.db.query<{ id: number }>("insert into emulation_registration (unit_id, year, status) values ($1, 2025, 'submitted') returning id", [sub]);
    await ctx.db.query("insert into emulation_registration_item (registration_id, subject_kind, person_id, award_code) values ($1, 'individual', $2, 'grassroots_emulation_fighter')", [r2.id, other.id]);
    const review = (await post(officer, '/reviews', { orgUnitId: w.unit, year: 2025 })).json();
    expect(pick(review.candidates, w.star.id, 'grassroots_emulation_fighter')).toMatchObject({ engineStatus: 'eligible', status: 'eligible', registration: 'registered', registrationRule: null });
    expect(pick(review.candidates, other.id, 'grassroots_emulation_fighter')).toMatchObject({ status: 'needs_review', registration: 'missing' });
  });

  it('is refused without review.manage (403) and outside the scope (404)', async () => {
    const w = await ward('Phường Bình Xét Hai');
    expect((await post(viewer, '/reviews', { orgUnitId: w.unit, year: 2025 })).statusCode).toBe(403);
    expect((await post(outsider, '/reviews', { orgUnitId: w.unit, year: 2025 })).statusCode).toBe(404);
    const made = (await post(officer, '/reviews', { orgUnitId: w.unit, year: 2025 })).json();
    expect((await get(outsider, `/reviews/${made.id}`)).statusCode).toBe(404);
    expect((await get(outsider, '/reviews?year=2025')).json().items.map((r: { id: number }) => r.id)).not.toContain(made.id);
    expect((await get(officer, '/reviews?year=2025')).json().items.map((r: { id: number }) => r.id)).toContain(made.id);
  });

  it('records the council vote, then in one step: what the unit confers becomes its draft decision, the rest goes up, failures and left-outs are recorded', async () => {
    const w = await ward('Phường Bình Xét Ba');
    let review = (await post(officer, '/reviews', { orgUnitId: w.unit, year: 2025 })).json();
    const goodLđtt = pick(review.candidates, w.good.id, 'advanced_worker');
    review = (await post(officer, `/reviews/${review.id}/candidates`, { version: review.version, exclude: [goodLđtt.id] })).json();
    expect(pick(review.candidates, w.good.id, 'advanced_worker').included).toBe(false);
    const early = await post(officer, `/reviews/${review.id}/conclude`, { version: review.version });
    expect(early.json().error.code).toBe('REVIEW_STATE');
    const opened = await post(officer, `/reviews/${review.id}/council`, { version: review.version, title: 'Hội đồng TĐKT phường họp bình xét năm 2025', meetsOn: '2026-12-05', ballot: 'paper', members: MEMBERS });
    expect(opened.statusCode, opened.body).toBe(200);
    review = opened.json();
    expect(review.status).toBe('council');
    const session = (await get(officer, `/councils/${review.councilSessionId}`)).json();
    expect(session.candidates).toHaveLength(3);
    const cand = (personId: number, award: string) => session.candidates.find((c: { personId: number; awardCode: string }) => c.personId === personId && c.awardCode === award).id;
    const counts = [
      { candidateId: cand(w.star.id, 'advanced_worker'), yes: 5, no: 0, blank: 0 },
      { candidateId: cand(w.star.id, 'grassroots_emulation_fighter'), yes: 2, no: 3, blank: 0 },
      { candidateId: cand(w.star.id, 'ministerial_provincial_certificate_of_merit'), yes: 5, no: 0, blank: 0 },
    ];
    const entered = await call(ctx.app, officer, { method: 'PUT', url: `/api/v1/councils/${session.id}/counts`, payload: { version: session.version, counts } });
    expect(entered.statusCode, entered.body).toBe(200);
    const closed = await post(officer, `/councils/${session.id}/close`, { version: entered.json().version });
    expect(closed.statusCode, closed.body).toBe(200);

    const stale = await post(officer, `/reviews/${review.id}/conclude`, { version: review.version - 1 });
    expect(stale.statusCode).toBe(409);
    const done = await post(officer, `/reviews/${review.id}/conclude`, { version: review.version });
    expect(done.statusCode, done.body).toBe(200);
    const after = done.json();
    expect(after.status).toBe('concluded');
    const starLđtt = pick(after.candidates, w.star.id, 'advanced_worker');
    expect(starLđtt).toMatchObject({ outcome: 'unit_decision', vote: { passed: true } });
    expect(pick(after.candidates, w.star.id, 'grassroots_emulation_fighter')).toMatchObject({ outcome: 'not_passed', decisionId: null, vote: { passed: false } });
    const up = pick(after.candidates, w.star.id, 'ministerial_provincial_certificate_of_merit');
    expect(up).toMatchObject({ outcome: 'sent_up', decisionId: null });
    expect(up.dossierId).not.toBeNull();
    const [dossier] = await ctx.db.query<{ sender_unit_id: number; receiver_unit_id: number; award_code: string; state: string; year: number }>('select sender_unit_id, receiver_unit_id, award_code, state, year from dossier where id = $1', [up.dossierId]);
    expect(dossier).toMatchObject({ sender_unit_id: w.unit, receiver_unit_id: top, award_code: 'ministerial_provincial_certificate_of_merit', state: 'draft', year: 2025 });
    const [nominee] = await ctx.db.query<{ person_id: number }>('select person_id from dossier_nominee where dossier_id = $1', [up.dossierId]);
    expect(Number(nominee.person_id)).toBe(w.star.id);
    expect(pick(after.candidates, w.good.id, 'advanced_worker')).toMatchObject({ outcome: 'left_out', vote: null });
    const decision = (await get(leader, `/decisions/${starLđtt.decisionId}`)).json();
    expect(decision).toMatchObject({ status: 'draft', authorityUnitId: w.unit, awardCode: 'advanced_worker', kind: 'QĐ-UBND', periodFrom: 2025, periodTo: 2025 });
    expect(decision.awardees.map((a: { personId: number }) => a.personId)).toEqual([w.star.id]);
    const again = await post(officer, `/reviews/${review.id}/conclude`, { version: after.version });
    expect(again.json().error.code).toBe('REVIEW_STATE');
    const [log] = await ctx.db.query<{ after: { decisions: number[] } }>("select after from audit_log where action = 'review.conclude' and entity_id = $1", [String(review.id)]);
    expect(log.after.decisions).toEqual([starLđtt.decisionId]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { useFixedClock, useSystemClock } from '../../shared/clock.ts';

let ctx: TestContext;
let city: number;
let wardA: number;
let wardB: number;
let farWard: number;
let specialist: string;
let officerA: string;
let officerB: string;
let outsider: string;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố Phong Trào' });
  wardA = await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: 'Phường Xanh' });
  wardB = await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: 'Phường Sạch' });
  const otherCity = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND tỉnh Khác' });
  farWard = await makeUnit(ctx.db, { parentId: otherCity, kind: 'commune', name: 'Xã Ngoài Phạm Vi' });
  specialist = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: city }])).cookie;
  officerA = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: wardA }])).cookie;
  officerB = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: wardB }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: farWard }])).cookie;
});
afterEach(() => useSystemClock());
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload, headers: { 'accept-language': 'vi' } });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

const criteria = () => [
  { field: 'Đầu tư công', name: 'Tiết kiệm so với dự toán', measure: 'Tỷ lệ tiết kiệm so với dự toán được duyệt', unitOfMeasure: '%', target: 5, direction: 'at_least', weight: 40, evidenceRequired: 'Quyết định phê duyệt quyết toán', leadUnitId: city, minValue: 0, maxValue: 100 },
  { field: 'Môi trường', name: 'Hộ phân loại rác', measure: 'Tỷ lệ hộ gia đình phân loại rác tại nguồn', unitOfMeasure: '%', target: 80, direction: 'at_least', weight: 30, leadUnitId: city, minValue: 0, maxValue: 100 },
  { field: 'Chuyển đổi số', name: 'Hoàn thành số hóa hồ sơ', measure: 'Phần trăm hồ sơ đã số hóa', unitOfMeasure: '%', target: 100, direction: 'done_by_date', dueOn: '2026-06-30', weight: 30, leadUnitId: city, minValue: 0, maxValue: 100 },
];
const launchBody = (over: object = {}) => ({
  title: 'Phong trào thử nghiệm 2026', kind: 'thematic', authorityUnitId: city, planDocNumber: '190/KH-UBND', planDocDate: '2025-12-20',
  startsOn: '2026-01-01', endsOn: '2026-12-31', scopeUnitId: city, goals: 'Tiết kiệm, xanh, số hóa', awardCode: 'ministerial_provincial_certificate_of_merit',
  candidateThreshold: 90, phases: [{ name: 'Giai đoạn 1', startsOn: '2026-01-01', endsOn: '2026-06-30' }, { name: 'Giai đoạn 2', startsOn: '2026-07-01', endsOn: '2026-12-31' }],
  criteria: criteria(), ...over,
});
type Movement = { id: number; version: number; periods: { id: number; label: string; deadline: string }[]; criteria: { id: number; name: string }[] };
async function launch(over: object = {}): Promise<Movement> {
  const res = await post(specialist, '/movements', launchBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const figures = (m: Movement, v: number[]) => m.criteria.map((c, i) => ({ criterionId: c.id, value: v[i] }));

describe('launching a movement', () => {
  it('refuses criteria whose weights do not add up to 100, naming the field in Vietnamese', async () => {
    const cs = criteria();
    cs[2].weight = 25;
    const res = await post(specialist, '/movements', launchBody({ criteria: cs }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'MOVEMENT_WEIGHTS', details: { field: 'criteria', total: 95 } });
    expect(res.json().error.message).toContain('Tổng trọng số các tiêu chí (trường criteria) phải bằng 100, hiện là 95');
  });

  it('keeps the criteria, phases and monthly periods; only the Board may launch, a unit officer may not', async () => {
    const m = await launch();
    expect(m.criteria.map((c) => c.name)).toEqual(['Tiết kiệm so với dự toán', 'Hộ phân loại rác', 'Hoàn thành số hóa hồ sơ']);
    expect(m.periods).toHaveLength(12);
    expect(m.periods[0]).toMatchObject({ label: 'Tháng 01/2026', deadline: '2026-02-05' });
    const refused = await post(officerA, '/movements', launchBody());
    expect(refused.statusCode).toBe(403);
    const dueless = criteria();
    delete (dueless[2] as { dueOn?: string }).dueOn;
    const noDue = await post(specialist, '/movements', launchBody({ criteria: dueless }));
    expect(noDue.json().error).toMatchObject({ code: 'MOVEMENT_INVALID', details: { field: 'criteria.2.dueOn' } });
  });

  it('is seen by units under its scope node, not by a unit elsewhere', async () => {
    const m = await launch({ title: 'Phong trào chỉ trong thành phố' });
    expect((await get(officerA, `/movements/${m.id}`)).statusCode).toBe(200);
    expect((await get(officerA, '/movements')).json().items.map((x: { id: number }) => x.id)).toContain(m.id);
    expect((await get(outsider, `/movements/${m.id}`)).statusCode).toBe(404);
    expect((await get(outsider, '/movements')).json().items.map((x: { id: number }) => x.id)).not.toContain(m.id);
    const reg = await post(outsider, `/movements/${m.id}/registrations`, { unitId: farWard, commitments: [] });
    expect(reg.json().error).toMatchObject({ code: 'MOVEMENT_INVALID', details: { field: 'unitId' } });
  });
});

describe('registration and progress reports', () => {
  it('a unit registers its own commitments only, and must register before reporting', async () => {
    const m = await launch();
    expect((await post(officerA, `/movements/${m.id}/registrations`, { unitId: wardB, commitments: [] })).statusCode).toBe(403);
    const early = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, figures: figures(m, [5, 80, 50]) });
    expect(early.json().error).toMatchObject({ code: 'MOVEMENT_STATE' });
    const reg = await post(officerA, `/movements/${m.id}/registrations`, { unitId: wardA, commitments: [{ criterionId: m.criteria[0].id, committed: 6 }] });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json().commitments).toEqual([{ criterionId: m.criteria[0].id, committed: 6 }]);
  });

  it('refuses a figure outside the range, flags a report after the deadline as late, and corrects by version', async () => {
    const m = await launch();
    await post(officerA, `/movements/${m.id}/registrations`, { unitId: wardA, commitments: [] });
    useFixedClock('2026-02-03T03:00:00Z');
    const out = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, figures: figures(m, [5, 120, 50]) });
    expect(out.statusCode).toBe(400);
    expect(out.json().error).toMatchObject({ code: 'MOVEMENT_FIGURE_OUT_OF_RANGE', details: { field: 'figures.1.value', value: 120, max: 100 } });
    expect(out.json().error.message).toContain('nằm ngoài khoảng cho phép');
    const onTime = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, note: 'Tháng 1', figures: figures(m, [5, 80, 50]) });
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json()).toMatchObject({ late: false, version: 1, score: 85 });
    useFixedClock('2026-03-10T03:00:00Z');
    const late = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[1].id, figures: figures(m, [2.5, 40, 60]) });
    expect(late.json()).toMatchObject({ late: true, version: 1, score: 53 });
    const stale = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, figures: figures(m, [6, 80, 50]) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const fixed = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, version: 1, figures: figures(m, [6, 80, 50]) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ version: 2, late: true });
  });

  it('computes on track, behind and missing per criterion and unit from the latest reports', async () => {
    const m = await launch();
    for (const [cookie, unit] of [[officerA, wardA], [officerB, wardB]] as const) await post(cookie, `/movements/${m.id}/registrations`, { unitId: unit, commitments: [] });
    useFixedClock('2026-02-03T03:00:00Z');
    await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, figures: figures(m, [6, 70, 40]) });
    await post(officerB, `/movements/${m.id}/reports`, { unitId: wardB, periodId: m.periods[0].id, figures: figures(m, [5, 90, 10]) });
    useFixedClock('2026-03-03T03:00:00Z');
    await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[1].id, figures: [{ criterionId: m.criteria[0].id, value: 4 }] });
    const st = await get(specialist, `/movements/${m.id}/status?asOf=2026-03-08`);
    expect(st.statusCode, st.body).toBe(200);
    const table = Object.fromEntries(st.json().units.map((u: { unitId: number; criteria: { status: string }[] }) => [u.unitId, u.criteria.map((c) => c.status)]));
    // February is due by 8 Mar: A reported saving only (4 % < 5 %: behind), B nothing.
    expect(table[wardA]).toEqual(['behind', 'missing', 'missing']);
    expect(table[wardB]).toEqual(['missing', 'missing', 'missing']);
    const jan = await get(specialist, `/movements/${m.id}/status?asOf=2026-02-08`);
    const t2 = Object.fromEntries(jan.json().units.map((u: { unitId: number; criteria: { status: string }[] }) => [u.unitId, u.criteria.map((c) => c.status)]));
    // Digitising is due 30 Jun: 40 % in January is still on track.
    expect(t2[wardA]).toEqual(['on_track', 'behind', 'on_track']);
    expect(t2[wardB]).toEqual(['on_track', 'on_track', 'on_track']);
    // A unit officer sees only its own unit.
    const own = await get(officerB, `/movements/${m.id}/status?asOf=2026-03-08`);
    expect(own.json().units.map((u: { unitId: number }) => u.unitId)).toEqual([wardB]);
  });
});

describe('dashboard and final review', () => {
  it('shows progress per criterion and unit per period and names the laggards', async () => {
    const m = await launch();
    for (const [cookie, unit] of [[officerA, wardA], [officerB, wardB]] as const) await post(cookie, `/movements/${m.id}/registrations`, { unitId: unit, commitments: [] });
    useFixedClock('2026-02-03T03:00:00Z');
    await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[0].id, figures: figures(m, [5, 80, 100]) });
    await post(officerB, `/movements/${m.id}/reports`, { unitId: wardB, periodId: m.periods[0].id, figures: figures(m, [2.5, 80, 50]) });
    const d = await get(specialist, `/movements/${m.id}/dashboard?asOf=2026-02-10`);
    expect(d.statusCode, d.body).toBe(200);
    const body = d.json();
    expect(body.units).toBe(2);
    expect(body.periods[0]).toMatchObject({ reports: 2, late: 0, avgScore: 82.5 });
    expect(body.criteria[0].byPeriod[0]).toMatchObject({ reported: 2, onTarget: 1, avgAttainment: 0.75 });
    expect(body.unitRows.map((r: { unitName: string; latestScore: number }) => [r.unitName, r.latestScore])).toEqual([['Phường Sạch', 65], ['Phường Xanh', 100]]);
    expect(body.laggards.map((r: { unitId: number }) => r.unitId)).toEqual([wardB]);
    const own = await get(officerA, `/movements/${m.id}/dashboard?asOf=2026-02-10`);
    expect(own.json().unitRows.map((r: { unitId: number }) => r.unitId)).toEqual([wardA]);
    expect(own.json().criteria[0].byPeriod[0]).toMatchObject({ reported: 1, onTarget: 1, avgAttainment: 1 });
    // A correction replaces the unit's figures in the totals, it does not add to them.
    const fixed = await post(officerB, `/movements/${m.id}/reports`, { unitId: wardB, periodId: m.periods[0].id, version: 1, figures: figures(m, [5, 80, 50]) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = (await get(specialist, `/movements/${m.id}/dashboard?asOf=2026-02-10`)).json();
    expect(again.criteria[0].byPeriod[0]).toMatchObject({ reported: 2, onTarget: 2, avgAttainment: 1 });
    expect(again.periods[0]).toMatchObject({ reports: 2, avgScore: 92.5 });
  });

  it('computes a weighted result per unit and sends the candidates into one dossier of type movement', async () => {
    const m = await launch({ title: 'Phong trào tổng kết' });
    for (const [cookie, unit] of [[officerA, wardA], [officerB, wardB]] as const) await post(cookie, `/movements/${m.id}/registrations`, { unitId: unit, commitments: [] });
    useFixedClock('2026-06-03T03:00:00Z');
    await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[4].id, figures: figures(m, [6, 85, 100]) });
    await post(officerB, `/movements/${m.id}/reports`, { unitId: wardB, periodId: m.periods[4].id, figures: figures(m, [5, 40, 100]) });
    expect((await post(officerA, `/movements/${m.id}/conclude`, { version: m.version, senderUnitId: city, receiverUnitId: city })).statusCode).toBe(403);
    const res = await post(specialist, `/movements/${m.id}/conclude`, { version: m.version, senderUnitId: city, receiverUnitId: city });
    expect(res.statusCode, res.body).toBe(200);
    const { results, dossierIds } = res.json();
    expect(results.map((r: { unitId: number; score: number; candidate: boolean }) => [r.unitId, r.score, r.candidate])).toEqual([[wardA, 100, true], [wardB, 85, false]]);
    expect(results[1].reasons).toContain('Chưa đạt: Hộ phân loại rác (50%)');
    expect(dossierIds).toHaveLength(1);
    const dossier = await get(specialist, `/dossiers/${dossierIds[0]}`);
    expect(dossier.statusCode, dossier.body).toBe(200);
    expect(dossier.json()).toMatchObject({ awardType: 'movement', awardCode: 'ministerial_provincial_certificate_of_merit' });
    expect(dossier.json().nominees.map((n: { unitId: number }) => n.unitId)).toEqual([wardA]);
    // Concluded: no more reports, no second review.
    const after = await post(officerA, `/movements/${m.id}/reports`, { unitId: wardA, periodId: m.periods[5].id, figures: figures(m, [6, 85, 100]) });
    expect(after.json().error.code).toBe('MOVEMENT_STATE');
    const twice = await post(specialist, `/movements/${m.id}/conclude`, { version: m.version + 1, senderUnitId: city, receiverUnitId: city });
    expect(twice.json().error.code).toBe('MOVEMENT_STATE');
    expect((await get(officerB, `/movements/${m.id}/results`)).json().results.map((r: { unitId: number }) => r.unitId)).toEqual([wardB]);
  });
});

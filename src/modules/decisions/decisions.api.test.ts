import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { onDecisionIssued } from './hooks.ts';
import type { IssuedDecision } from './types.ts';

let ctx: TestContext;
let top: number;
let ward: number;
let other: number;
let board: string;
let wardLeader: string;
let viewer: string;
let outsider: string;

const issuedSeen: IssuedDecision[] = [];
// A module above (dossiers) follows issues in the same transaction; a handler that throws undoes the issue.
onDecisionIssued(async (_q, issued) => {
  if (issued.awardees.some((a) => a.dossierId === 999_999)) throw new Error('dossier handler failed');
  issuedSeen.push(issued);
});

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử' });
  ward = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Quyết Định' });
  other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Bên Cạnh' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }])).cookie;
  wardLeader = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: ward }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

/** A unit of its own for a test: its number series starts at 01. */
const authority = (name = 'Phòng cấp số') => makeUnit(ctx.db, { parentId: ward, kind: 'other', name });

function draft(authorityUnitId: number, awardees: object[], more: object = {}) {
  return { authorityUnitId, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Nguyễn Văn Chủ', signerTitle: 'CHỦ TỊCH', awardees, ...more };
}

async function create(cookie: string, body: object) {
  const res = await post(cookie, '/decisions', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; status: string; numberText: string | null };
}

async function issue(cookie: string, d: { id: number; version: number }, more: object = {}) {
  return post(cookie, `/decisions/${d.id}/issue`, { version: d.version, decidedOn: '2026-01-15', ...more });
}

describe('decision numbers', () => {
  it('are given at issue only, gap-free, and a discarded draft never takes one', async () => {
    const unit = await authority();
    const people = await Promise.all([1, 2, 3, 4].map((i) => makePerson(ctx.db, { unitId: unit, fullName: `Người Số ${i}` })));
    const drafts = [];
    for (const p of people) drafts.push(await create(board, draft(unit, [{ personId: p.id }])));
    expect(drafts.every((x) => x.status === 'draft' && x.numberText === null)).toBe(true);

    const discarded = await post(board, `/decisions/${drafts[1].id}/discard`, { version: drafts[1].version });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json()).toMatchObject({ status: 'discarded', number: null });

    const first = await issue(board, drafts[0]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'issued', number: 1, numberText: '01/QĐ-UBND', year: 2026, decidedOn: '2026-01-15' });
    expect((await issue(board, drafts[2])).json()).toMatchObject({ number: 2, numberText: '02/QĐ-UBND' });
    // A discarded draft cannot be issued later (it would need a number out of order).
    const late = await issue(board, { id: drafts[1].id, version: drafts[1].version + 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('DECISION_STATE');
    expect((await issue(board, drafts[3])).json()).toMatchObject({ number: 3 });

    // Another kind and another year are other series.
    const p5 = await makePerson(ctx.db, { unitId: unit });
    const ct = await create(board, draft(unit, [{ personId: p5.id }], { kind: 'QĐ-CTUBND' }));
    expect((await issue(board, ct)).json()).toMatchObject({ numberText: '01/QĐ-CTUBND' });
    const p6 = await makePerson(ctx.db, { unitId: unit });
    const next = await create(board, draft(unit, [{ personId: p6.id }]));
    expect((await issue(board, next, { decidedOn: '2025-12-30' })).json()).toMatchObject({ numberText: '01/QĐ-UBND', year: 2025 });
    // A date to come, or before the achievements it rewards, is refused.
    const p7 = await makePerson(ctx.db, { unitId: unit });
    const odd = await create(board, draft(unit, [{ personId: p7.id }]));
    expect((await issue(board, odd, { decidedOn: '2099-01-05' })).json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'decidedOn' } });
    expect((await issue(board, odd, { decidedOn: '2024-06-01' })).json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'decidedOn' } });

    const list = await get(board, `/decisions?status=issued&year=2026`);
    const ours = list.json().items.filter((x: { authorityUnitId: number; kind: string }) => x.authorityUnitId === unit && x.kind === 'QĐ-UBND');
    expect(ours.map((x: { number: number }) => x.number).sort()).toEqual([1, 2, 3]);
  });

  it('refuses to issue twice, and a stale version of a draft answers 409 with what changed', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const d = await create(board, draft(unit, [{ personId: p.id }]));
    const edited = await call(ctx.app, board, { method: 'PUT', url: `/api/v1/decisions/${d.id}`, payload: { ...draft(unit, [{ personId: p.id }], { summary: 'Về việc tặng danh hiệu Lao động tiên tiến năm 2025' }), version: d.version } });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await call(ctx.app, board, { method: 'PUT', url: `/api/v1/decisions/${d.id}`, payload: { ...draft(unit, []), version: d.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { fields: expect.arrayContaining(['summary']) } });

    const v = edited.json().version;
    expect((await issue(board, { id: d.id, version: v })).statusCode).toBe(200);
    const again = await issue(board, { id: d.id, version: v + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DECISION_STATE');
    const edit = await call(ctx.app, board, { method: 'PUT', url: `/api/v1/decisions/${d.id}`, payload: { ...draft(unit, []), version: v + 1 } });
    expect(edit.json().error.code).toBe('DECISION_STATE');
    const discard = await post(board, `/decisions/${d.id}/discard`, { version: v + 1 });
    expect(discard.json().error.code).toBe('DECISION_STATE');
  });

  it('a failed issue gives its number back: the next issue takes it', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const q = await makePerson(ctx.db, { unitId: unit });
    // The dossiers handler fails for this awardee: the whole issue is undone, number included.
    const failing = await create(board, draft(unit, [{ personId: p.id, dossierId: 999_999, nomineeId: 1 }]));
    const res = await issue(board, failing);
    expect(res.statusCode).toBe(500);
    expect((await get(board, `/decisions/${failing.id}`)).json()).toMatchObject({ status: 'draft', number: null });
    const ok = await create(board, draft(unit, [{ personId: q.id, dossierId: 41, nomineeId: 7 }]));
    expect((await issue(board, ok)).json()).toMatchObject({ number: 1 });
    expect(issuedSeen.find((x) => x.decisionId === ok.id)).toMatchObject({ number: '01/QĐ-UBND', awardees: [{ personId: q.id, dossierId: 41, nomineeId: 7, awardCode: 'advanced_worker' }] });
  });

  it('a decision made elsewhere keeps its own number and takes none of the series', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const ext = await create(board, draft(unit, [{ personId: p.id }], { awardCode: 'prime_minister_certificate_of_merit', periodFrom: 2021, periodTo: 2025, signerName: null, external: { authority: 'Thủ tướng Chính phủ', number: `${unit}/QĐ-TTg` } }));
    const res = await issue(board, ext);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', number: null, numberText: `${unit}/QĐ-TTg`, externalAuthority: 'Thủ tướng Chính phủ' });
    const twice = await post(board, '/decisions', draft(unit, [{ personId: p.id }], { external: { authority: 'Thủ tướng Chính phủ', number: `${unit}/QĐ-TTg` } }));
    expect(twice.json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'external.number' } });
    const p2 = await makePerson(ctx.db, { unitId: unit });
    const own = await create(board, draft(unit, [{ personId: p2.id }]));
    expect((await issue(board, own)).json()).toMatchObject({ number: 1 });
  });
});

describe('issuing writes history', () => {
  it('titles and awards reach the person and the collective; discovery no longer proposes them', async () => {
    const unit = await authority('Tổ Khen Thưởng');
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Lê Thị Được Khen', gender: 'female', fromDate: '2018-01-01' });
    await ctx.db.query("insert into person_year_rating (person_id, year, rating, unit_id) values ($1, 2025, 'good', $2)", [p.id, unit]);
    const discovered = async () => (await get(wardLeader, `/discovery?unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker&status=eligible`)).json().rows.map((r: { personId: number }) => r.personId);
    expect(await discovered()).toContain(p.id);

    const title = await create(wardLeader, draft(unit, [{ personId: p.id }]));
    const issued = await issue(wardLeader, title);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(await discovered()).not.toContain(p.id);
    const page = (await get(wardLeader, `/people/${p.id}`)).json();
    expect(page.years.find((y: { year: number }) => y.year === 2025).titles).toContain('advanced_worker');

    const form = await create(wardLeader, draft(unit, [{ personId: p.id }, { unitId: unit }], { awardCode: 'certificate_of_commendation', kind: 'QĐ-CT', periodFrom: 2024, periodTo: 2025 }));
    expect((await issue(wardLeader, form)).statusCode).toBe(200);
    const awards = (await get(wardLeader, `/people/${p.id}`)).json().awards;
    expect(awards).toContainEqual(expect.objectContaining({ formCode: 'certificate_of_commendation', decisionNo: '01/QĐ-CT', decisionDate: '2026-01-15', periodFrom: 2024, periodTo: 2025, awardType: 'merit' }));
    const records = (await get(wardLeader, `/units/${unit}/records`)).json();
    expect(records.awards).toContainEqual(expect.objectContaining({ formCode: 'certificate_of_commendation', decisionNo: '01/QĐ-CT' }));

    // The same title for the same year again is refused, and nothing of that issue remains.
    const dup = await create(wardLeader, draft(unit, [{ personId: p.id }]));
    const res = await issue(wardLeader, dup);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'AWARD_ALREADY_RECORDED', details: { personId: p.id, award: 'advanced_worker', period: '2025', field: 'awardees.0' } });
    expect(res.json().error.message).toBe('Lê Thị Được Khen đã có "Lao động tiên tiến" cho thời kỳ 2025; không ghi trùng.');
    expect((await get(wardLeader, `/decisions/${dup.id}`)).json()).toMatchObject({ status: 'draft', number: null });
  });

  it('refuses an award for the wrong kind of subject, a title over several years, and unknown awards', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const collectiveTitle = await post(board, '/decisions', draft(unit, [{ personId: p.id }], { awardCode: 'advanced_labor_collective' }));
    expect(collectiveTitle.json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'awardees.0.awardCode' } });
    const years = await post(board, '/decisions', draft(unit, [{ personId: p.id }], { periodFrom: 2024 }));
    expect(years.json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'periodTo' } });
    const unknown = await post(board, '/decisions', draft(unit, [{ personId: p.id }], { awardCode: 'nobel_prize' }));
    expect(unknown.json().error.code).toBe('UNKNOWN_AWARD');
    const kind = await post(board, '/decisions', draft(unit, [{ personId: p.id }], { kind: 'quyết định' }));
    expect(kind.json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'kind' } });
    const empty = await create(board, draft(unit, []));
    expect((await issue(board, empty)).json().error).toMatchObject({ code: 'DECISION_INVALID', details: { field: 'awardees' } });
  });
});

describe('scope and permissions', () => {
  it('reads and writes within the scope only; a viewer reads but does not issue', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const d = await create(wardLeader, draft(unit, [{ personId: p.id }]));
    expect((await get(viewer, `/decisions/${d.id}`)).json()).toMatchObject({ id: d.id, actions: { canIssue: false } });
    expect((await get(wardLeader, `/decisions/${d.id}`)).json()).toMatchObject({ actions: { canIssue: true } });
    expect((await post(viewer, '/decisions', draft(unit, [{ personId: p.id }]))).statusCode).toBe(403);
    expect((await get(outsider, `/decisions/${d.id}`)).statusCode).toBe(404);
    expect((await issue(outsider, d)).statusCode).toBe(404);
    expect((await get(outsider, '/decisions')).json().items.map((x: { id: number }) => x.id)).not.toContain(d.id);
    // The city's decision on this ward's person: hidden from the ward while a draft, readable once issued.
    const city = await create(board, draft(top, [{ personId: p.id }], { awardCode: 'certificate_of_commendation' }));
    expect((await get(viewer, `/decisions/${city.id}`)).statusCode).toBe(404);
    expect((await issue(board, city)).statusCode).toBe(200);
    expect((await get(viewer, `/decisions/${city.id}`)).json()).toMatchObject({ id: city.id, status: 'issued', actions: { canIssue: false } });
    expect((await get(viewer, '/decisions?status=issued&limit=200')).json().items.map((x: { id: number }) => x.id)).toContain(city.id);
    expect((await get(outsider, `/decisions/${city.id}`)).statusCode).toBe(404);
    // An awardee outside the actor's scope is not found, named by its row.
    const stranger = await makePerson(ctx.db, { unitId: other });
    const far = await post(wardLeader, '/decisions', draft(unit, [{ personId: p.id }, { personId: stranger.id }]));
    expect(far.json().error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'awardees.1.personId' } });
  });
});

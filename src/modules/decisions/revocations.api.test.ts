import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import type { Actor } from '../audit/audit.ts';
import { AppError } from '../../shared/errors.ts';
import { type AwardeesRevoked, awardeeRevocations, onAwardeesRevoked } from './revocations.ts';
import { revokeAwards } from './revocations-commands.ts';

// Revocation of awards (Law Art 93): a numbered decision of the register that strips some or all awardees of an
// issued decision; the engine, discovery and the person's history see it at once, and modules above follow.

let ctx: TestContext;
let top: number;
let ward: number;
let other: number;
let board: string;
let wardLeader: string;
let viewer: string;
let outsider: string;

const revokedSeen: AwardeesRevoked[] = [];
// A module above (certificates) follows a revocation in the same transaction; a handler that throws undoes it.
onAwardeesRevoked(async (_q, revoked) => {
  if (revoked.reason === 'handler fails') throw new Error('certificates handler failed');
  revokedSeen.push(revoked);
});

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thu hồi' });
  ward = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Hủy Bỏ' });
  other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Bên Ngoài' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }])).cookie;
  wardLeader = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: ward }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const put = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'PUT', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

/** A unit of its own for a test: its number series starts at 01. */
const authority = (name = 'Phòng Thu Hồi') => makeUnit(ctx.db, { parentId: ward, kind: 'other', name });

function draft(authorityUnitId: number, awardees: object[], more: object = {}) {
  return { authorityUnitId, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Nguyễn Văn Chủ', signerTitle: 'CHỦ TỊCH', awardees, ...more };
}

interface Decision { id: number; version: number; status: string; numberText: string | null; awardees: { id: number; personId: number | null; unitId: number | null }[] }

async function issued(cookie: string, body: object, decidedOn = '2026-01-15'): Promise<Decision> {
  const made = await post(cookie, '/decisions', body);
  expect(made.statusCode, made.body).toBe(201);
  const res = await post(cookie, `/decisions/${made.json().id}/issue`, { version: made.json().version, decidedOn });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const revocation = (d: { version: number }, more: object = {}) => ({
  version: d.version, ground: 'false_documents', reason: 'Hồ sơ khai không đúng thành tích', legalBasis: 'Điều 93 Luật Thi đua, khen thưởng 2022',
  decidedOn: '2026-02-01', signerName: 'Trần Văn Hủy', signerTitle: 'CHỦ TỊCH', ...more,
});

const revoke = (cookie: string, d: { id: number; version: number }, more: object = {}) => post(cookie, `/decisions/${d.id}/revocations`, revocation(d, more));
const versionOf = async (id: number) => (await get(board, `/decisions/${id}`)).json().version as number;

describe('revoking an award', () => {
  it('takes the next number of the register; the engine, discovery and the person page no longer count the award', async () => {
    const unit = await authority('Tổ Bị Thu Hồi');
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Phạm Thị Bị Hủy', gender: 'female', fromDate: '2018-01-01' });
    const kept = await makePerson(ctx.db, { unitId: unit, fullName: 'Đỗ Văn Giữ Nguyên', fromDate: '2018-01-01' });
    for (const x of [p, kept]) await ctx.db.query("insert into person_year_rating (person_id, year, rating, unit_id) values ($1, 2025, 'good', $2)", [x.id, unit]);
    const discovered = async (asOf: string) => (await get(wardLeader, `/discovery?unitId=${unit}&year=2025&asOf=${asOf}&award=advanced_worker&status=eligible`)).json().rows.map((r: { personId: number }) => r.personId);
    const alreadyAwarded = async (asOf: string) => {
      const panel = await get(wardLeader, `/people/${p.id}/eligibility?asOf=${asOf}&year=2025`);
      expect(panel.statusCode, panel.body).toBe(200);
      return panel.json().results.find((r: { award: string }) => r.award === 'advanced_worker').criteria.find((c: { id: string }) => c.id === 'not_already_awarded');
    };

    const d = await issued(wardLeader, draft(unit, [{ personId: p.id }, { personId: kept.id }]));
    expect(d.numberText).toBe('01/QĐ-UBND');
    expect(await discovered('2026-02-10')).not.toContain(p.id);
    expect((await alreadyAwarded('2026-02-10')).met).toBe(false);
    const mine = d.awardees.find((a) => a.personId === p.id) as { id: number };
    const theirs = d.awardees.find((a) => a.personId === kept.id) as { id: number };

    const res = await revoke(wardLeader, d, { awardeeIds: [mine.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      decisionId: d.id, number: 2, numberText: '02/QĐ-UBND', year: 2026, decidedOn: '2026-02-01', ground: 'false_documents', signerName: 'Trần Văn Hủy',
      awardees: [{ awardeeId: mine.id, personId: p.id, name: 'Phạm Thị Bị Hủy', awardCode: 'advanced_worker', awardName: 'Lao động tiên tiến', certificateRecoveredOn: null, version: 1 }],
    });

    // The engine: from the revoking decision's date the title no longer counts; before it, it still did.
    expect((await alreadyAwarded('2026-02-10')).met).toBe(true);
    expect((await alreadyAwarded('2026-01-20')).met).toBe(false);
    // Discovery proposes the person again, not the one whose award stands.
    const found = await discovered('2026-02-10');
    expect(found).toContain(p.id);
    expect(found).not.toContain(kept.id);

    // The person page: the title is gone from the year, and listed as revoked with the date and the revoking decision.
    const page = (await get(wardLeader, `/people/${p.id}`)).json();
    expect(page.years.find((y: { year: number }) => y.year === 2025)?.titles ?? []).not.toContain('advanced_worker');
    const revoked = (await get(viewer, `/people/${p.id}/revoked-awards`)).json();
    expect(revoked.items).toEqual([expect.objectContaining({ decisionId: d.id, awardCode: 'advanced_worker', decisionNumber: '01/QĐ-UBND', revokingNumber: '02/QĐ-UBND', revokedOn: '2026-02-01', reason: 'Hồ sơ khai không đúng thành tích' })]);
    expect((await get(viewer, `/people/${kept.id}/revoked-awards`)).json().items).toEqual([]);
    expect((await get(outsider, `/people/${p.id}/revoked-awards`)).statusCode).toBe(404);
    expect((await get(wardLeader, `/people/${kept.id}`)).json().years.find((y: { year: number }) => y.year === 2025).titles).toContain('advanced_worker');

    // The decision: which awardee is revoked, by which revocation; the published read for certificates and rewards.
    const list = (await get(viewer, `/decisions/${d.id}/revocations`)).json();
    expect(list.items.map((r: { numberText: string }) => r.numberText)).toEqual(['02/QĐ-UBND']);
    expect(list.awardees).toEqual(expect.arrayContaining([
      expect.objectContaining({ awardeeId: mine.id, revocationId: res.json().id, revokedOn: '2026-02-01' }),
      expect.objectContaining({ awardeeId: theirs.id, revocationId: null, revokedOn: null }),
    ]));
    expect(list.actions.canRevoke).toBe(false); // a viewer
    expect((await get(wardLeader, `/decisions/${d.id}/revocations`)).json().actions.canRevoke).toBe(true);
    const map = await awardeeRevocations(ctx.db, [mine.id, theirs.id]);
    expect([...map.keys()]).toEqual([mine.id]);
    expect(map.get(mine.id)).toEqual({ revokedOn: '2026-02-01', revokingNumber: '02/QĐ-UBND', revokingDate: '2026-02-01', reason: 'Hồ sơ khai không đúng thành tích' });
    expect(revokedSeen.find((x) => x.decisionId === d.id)).toMatchObject({ numberText: '02/QĐ-UBND', revokedOn: '2026-02-01', awardees: [{ awardeeId: mine.id, personId: p.id, awardCode: 'advanced_worker' }] });
    const detail = await get(viewer, `/decisions/${d.id}/revocations/${res.json().id}`);
    expect(detail.json()).toMatchObject({ id: res.json().id, legalBasis: 'Điều 93 Luật Thi đua, khen thưởng 2022' });

    // Audited: the history row and the revocation.
    // Each entry by its entity and id: other files write to the shared PostgreSQL test database, where ids of other tables coincide.
    const actions = (await ctx.db.query<{ action: string }>(
      `select action from audit_log
        where (action = 'person.title.revoke' and entity = 'person_title' and after->>'decisionId' = $1)
           or (action = 'decision.revoke' and entity = 'decision' and entity_id = $1)
           or (action = 'decision.revocation.create' and entity = 'decision_revocation' and entity_id = $2)`,
      [String(d.id), String(res.json().id)],
    )).map((r) => r.action);
    expect(actions.sort()).toEqual(['decision.revocation.create', 'decision.revoke', 'person.title.revoke']);

    // Numbers stay consecutive: the next issue of the register takes 03.
    const p3 = await makePerson(ctx.db, { unitId: unit });
    expect((await issued(wardLeader, draft(unit, [{ personId: p3.id }]), '2026-02-03')).numberText).toBe('03/QĐ-UBND');
  });

  it('revokes all awardees of a form, the collective included: the records show the form revoked', async () => {
    const unit = await authority('Tổ Bằng Khen');
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Vũ Văn Bằng Khen' });
    const d = await issued(board, draft(unit, [{ personId: p.id }, { unitId: unit }], { awardCode: 'certificate_of_commendation', kind: 'QĐ-CT', periodFrom: 2024, periodTo: 2025 }));
    expect((await get(board, `/units/${unit}/records`)).json().awards).toContainEqual(expect.objectContaining({ formCode: 'certificate_of_commendation' }));
    const res = await revoke(board, d, { ground: 'later_violation', decidedOn: '2026-03-02' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().numberText).toBe('02/QĐ-CT');
    expect(res.json().awardees).toHaveLength(2);
    const awards = (await get(board, `/people/${p.id}`)).json().awards;
    expect(awards).toContainEqual(expect.objectContaining({ formCode: 'certificate_of_commendation', decisionNo: '01/QĐ-CT', revokedOn: '2026-03-02' }));
    expect((await get(board, `/units/${unit}/records`)).json().awards).not.toContainEqual(expect.objectContaining({ formCode: 'certificate_of_commendation' }));
    // Every awardee revoked: nothing left to revoke.
    const again = await revoke(board, { id: d.id, version: await versionOf(d.id) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('AWARD_ALREADY_REVOKED');
    expect((await get(board, `/decisions/${d.id}/revocations`)).json().actions.canRevoke).toBe(false);
  });

  it('records a decision made elsewhere revoked with the number it bears, taking none of the series', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const ext = await issued(board, draft(unit, [{ personId: p.id }], { awardCode: 'prime_minister_certificate_of_merit', periodFrom: 2021, periodTo: 2025, signerName: null, external: { authority: 'Thủ tướng Chính phủ', number: `${unit}/QĐ-TTg` } }));
    const own = await revoke(board, ext);
    expect(own.json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'external' } });
    const res = await revoke(board, ext, { external: { authority: 'Thủ tướng Chính phủ', number: `${unit}9/QĐ-TTg` } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: null, numberText: `${unit}9/QĐ-TTg`, externalAuthority: 'Thủ tướng Chính phủ' });
    expect((await get(board, `/people/${p.id}`)).json().awards).toContainEqual(expect.objectContaining({ formCode: 'prime_minister_certificate_of_merit', revokedOn: '2026-02-01' }));
    const p2 = await makePerson(ctx.db, { unitId: unit });
    expect((await issued(board, draft(unit, [{ personId: p2.id }]))).numberText).toBe('01/QĐ-UBND');
  });
});

describe('refusals', () => {
  it('refuses a draft, a second revocation, a stale version, a bad date, an unknown awardee; a failed revocation gives its number back', async () => {
    const unit = await authority();
    const [p, q] = await Promise.all([makePerson(ctx.db, { unitId: unit, fullName: 'Hoàng Văn Hai Lần' }), makePerson(ctx.db, { unitId: unit })]);
    const made = await post(board, '/decisions', draft(unit, [{ personId: p.id }, { personId: q.id }]));
    const draftRes = await revoke(board, made.json());
    expect(draftRes.statusCode).toBe(409);
    expect(draftRes.json().error).toMatchObject({ code: 'REVOCATION_STATE', details: { status: 'draft' } });

    const issuedRes = await post(board, `/decisions/${made.json().id}/issue`, { version: made.json().version, decidedOn: '2026-01-15' });
    const d = issuedRes.json() as Decision;
    const mine = d.awardees.find((a) => a.personId === p.id) as { id: number };
    // A version from before the issue: 409 with what changed.
    const stale = await revoke(board, { id: d.id, version: made.json().version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await revoke(board, d, { decidedOn: '2099-01-01' })).json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'decidedOn' } });
    expect((await revoke(board, d, { decidedOn: '2026-01-10' })).json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'decidedOn' } });
    expect((await revoke(board, d, { awardeeIds: [mine.id, 999_999_999] })).json().error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'awardeeIds.1' } });
    expect((await revoke(board, d, { kind: 'quyết định' })).json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'kind' } });
    expect((await revoke(board, d, { reason: '' })).statusCode).toBe(400);

    // A handler of a module above fails: everything is undone, the number included.
    const failed = await revoke(board, d, { awardeeIds: [mine.id], reason: 'handler fails' });
    expect(failed.statusCode).toBe(500);
    expect((await get(board, `/decisions/${d.id}/revocations`)).json().items).toEqual([]);
    expect((await get(board, `/people/${p.id}/revoked-awards`)).json().items).toEqual([]);
    expect(await versionOf(d.id)).toBe(d.version);

    const first = await revoke(board, d, { awardeeIds: [mine.id] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().numberText).toBe('02/QĐ-UBND');
    // The decision moved on: the version the user saw before is stale.
    expect((await revoke(board, d, { awardeeIds: [mine.id] })).json().error.code).toBe('VERSION_CONFLICT');
    const twice = await revoke(board, { id: d.id, version: await versionOf(d.id) }, { awardeeIds: [mine.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'AWARD_ALREADY_REVOKED', details: { awardeeId: mine.id, name: 'Hoàng Văn Hai Lần', revokingNumber: '02/QĐ-UBND', revokingDate: '01/02/2026' } });
    expect(twice.json().error.message).toContain('Hoàng Văn Hai Lần');
    // The rest (q) may still be revoked, and takes the next number.
    const rest = await revoke(board, { id: d.id, version: await versionOf(d.id) });
    expect(rest.json()).toMatchObject({ numberText: '03/QĐ-UBND', awardees: [{ personId: q.id }] });
  });

  it('revokes within the scope only, with decision.revoke', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const d = await issued(wardLeader, draft(unit, [{ personId: p.id }]));
    expect((await revoke(viewer, d)).statusCode).toBe(403);
    expect((await revoke(outsider, d)).statusCode).toBe(404);
    expect((await get(outsider, `/decisions/${d.id}/revocations`)).statusCode).toBe(404);
    // The city's decision on this ward's person: the ward reads it, but only the city revokes it.
    const city = await issued(board, draft(top, [{ personId: p.id }], { awardCode: 'certificate_of_commendation' }));
    expect((await get(wardLeader, `/decisions/${city.id}/revocations`)).json().actions.canRevoke).toBe(false);
    expect((await revoke(wardLeader, city)).statusCode).toBe(404);
    expect((await revoke(board, city)).statusCode).toBe(201);
  });
});

describe('recovery', () => {
  it('records the certificate and the money handed back, versioned and audited', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: unit });
    const d = await issued(board, draft(unit, [{ personId: p.id }], { awardCode: 'certificate_of_commendation' }));
    const r = (await revoke(board, d)).json();
    const awardeeId = r.awardees[0].awardeeId as number;
    const url = `/decisions/${d.id}/revocations/${r.id}/awardees/${awardeeId}/recovery`;

    const cert = await put(board, url, { version: 1, certificateRecoveredOn: '2026-02-10' });
    expect(cert.statusCode, cert.body).toBe(200);
    expect(cert.json().awardees[0]).toMatchObject({ certificateRecoveredOn: '2026-02-10', moneyAmount: null, version: 2 });
    const stale = await put(board, url, { version: 1, moneyAmount: 2_340_000, moneyRecoveredOn: '2026-02-12' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { fields: expect.arrayContaining(['certificateRecoveredOn']) } });
    expect((await put(board, url, { version: 2, moneyRecoveredOn: '2026-02-12' })).json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'moneyAmount' } });
    expect((await put(board, url, { version: 2, certificateRecoveredOn: '2026-01-20' })).json().error).toMatchObject({ code: 'REVOCATION_INVALID', details: { field: 'certificateRecoveredOn' } });
    const money = await put(board, url, { version: 2, certificateRecoveredOn: '2026-02-10', moneyAmount: 2_340_000, moneyRecoveredOn: '2026-02-12', note: 'Nộp tại Phòng Tài chính' });
    expect(money.json().awardees[0]).toMatchObject({ certificateRecoveredOn: '2026-02-10', moneyAmount: 2_340_000, moneyRecoveredOn: '2026-02-12', recoveryNote: 'Nộp tại Phòng Tài chính', version: 3 });
    expect((await put(viewer, url, { version: 3 })).statusCode).toBe(403);
    expect((await put(outsider, url, { version: 3 })).statusCode).toBe(404);
    expect((await put(board, `/decisions/${d.id}/revocations/${r.id}/awardees/999999999/recovery`, { version: 3 })).statusCode).toBe(404);
    const audited = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'decision.revocation.recovery' and after->>'revocationId' = $1", [String(r.id)]);
    expect(audited[0].n).toBe(2);
  });
});

describe('concurrency', () => {
  it('two revocations at once (separate connections on PostgreSQL): distinct consecutive numbers, and one awardee revoked once', async () => {
    const unit = await authority();
    const people = await Promise.all([1, 2, 3].map((i) => makePerson(ctx.db, { unitId: unit, fullName: `Người Đồng Thời ${i}` })));
    const a = await issued(board, draft(unit, [{ personId: people[0].id }]));
    const b = await issued(board, draft(unit, [{ personId: people[1].id }, { personId: people[2].id }]));
    const actor: Actor = { id: null, name: 'test' };
    const run = (d: Decision, more: object = {}) => ctx.db.tx((q) => revokeAwards(q, actor, { all: true }, d.id, { ...revocation(d), ...more } as Parameters<typeof revokeAwards>[4]));
    const both = await Promise.all([run(a), run(b, { awardeeIds: [b.awardees[0].id] })]);
    expect(both.map((r) => r.numberText).sort()).toEqual(['03/QĐ-UBND', '04/QĐ-UBND']);
    // The same awardee twice at once: the decision's row lock makes the second see the first (its version moved on).
    const bv = { ...b, version: await versionOf(b.id) };
    const race = await Promise.allSettled([run(bv, { awardeeIds: [b.awardees[1].id] }), run(bv, { awardeeIds: [b.awardees[1].id] })]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(['VERSION_CONFLICT', 'AWARD_ALREADY_REVOKED']).toContain((lost.reason as AppError).code);
    expect((await awardeeRevocations(ctx.db, [b.awardees[1].id])).get(b.awardees[1].id)?.revokingNumber).toBe('05/QĐ-UBND');
    const p = await makePerson(ctx.db, { unitId: unit });
    expect((await issued(board, draft(unit, [{ personId: p.id }]), '2026-02-03')).numberText).toBe('06/QĐ-UBND');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { openInLibreOffice } from '../../../tests/support/libreoffice.ts';
import { pdfText } from '../../../tests/support/pdf-text.ts';
import { decisionMoney } from './decision-money.ts';

let ctx: TestContext;
let top: number;
let ward: number;
let other: number;
let board: string;
let viewer: string;
let outsider: string;

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử tiền' });
  ward = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Tiền Thưởng' });
  other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Bên Ngoài' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const put = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'PUT', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });

/** An authority of its own per test: its fund and number series start empty. */
const authority = (name: string) => makeUnit(ctx.db, { parentId: ward, kind: 'other', name });

async function draft(unit: number, awardees: object[]): Promise<{ id: number; version: number; awardees: { id: number; name: string }[] }> {
  const res = await post(board, '/decisions', { authorityUnitId: unit, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Nguyễn Văn Chủ', signerTitle: 'CHỦ TỊCH', awardees });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const issue = (d: { id: number; version: number }, more: object = {}) => post(board, `/decisions/${d.id}/issue`, { version: d.version, decidedOn: '2026-01-15', ...more });

async function people(unit: number, names: string[]) {
  const out = [];
  for (const fullName of names) out.push(await makePerson(ctx.db, { unitId: unit, fullName }));
  return out;
}

// 0.3 × 2,340,000 (base salary on 15/01/2026) = 702,000, rounded up to tens of thousands: 710,000 (NĐ 152 Art 49).
// A collective's Tập thể lao động tiên tiến: 0.8 × 2,340,000 = 1,872,000 → 1,880,000.
describe('the money of a decision', () => {
  it('per awardee with the rounding setting, the total in words, and the payment list as .xlsx and PDF', async () => {
    const unit = await authority('Phòng Chi Trả Một');
    const team = await makeUnit(ctx.db, { parentId: unit, kind: 'other', name: 'Tổ Lao Động Tiên Tiến' });
    const [a, b] = await people(unit, ['Nguyễn Thị Ánh Tuyết', 'Đặng Quốc Hưng']);
    const d = await draft(unit, [{ personId: a.id }, { personId: b.id }, { unitId: team, awardCode: 'advanced_labor_collective' }]);

    const asDraft = await get(board, `/decisions/${d.id}/rewards?decidedOn=2026-01-15`);
    expect(asDraft.statusCode, asDraft.body).toBe(200);
    expect(asDraft.json()).toMatchObject({ status: 'draft', dateAssumed: true, decidedOn: '2026-01-15', total: 3_300_000, totalInWords: 'Ba triệu ba trăm nghìn đồng' });
    expect(asDraft.json().items.map((i: { name: string; amount: number; coefficient: number }) => [i.name, i.coefficient, i.amount])).toEqual([
      ['Nguyễn Thị Ánh Tuyết', 0.3, 710_000], ['Đặng Quốc Hưng', 0.3, 710_000], ['Tổ Lao Động Tiên Tiến', 0.8, 1_880_000],
    ]);
    // A draft has no payment list yet.
    expect((await get(board, `/decisions/${d.id}/rewards.xlsx`)).json().error.code).toBe('DECISION_STATE');

    expect((await issue(d)).statusCode).toBe(200);
    const money = (await get(board, `/decisions/${d.id}/rewards`)).json();
    expect(money).toMatchObject({ status: 'issued', numberText: '01/QĐ-UBND', dateAssumed: false, total: 3_300_000, canManage: true });

    const xlsx = await get(board, `/decisions/${d.id}/rewards.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('danh-sach-chi-tien-thuong-01-QD-UBND.xlsx');
    const csv = openInLibreOffice({ 'list.xlsx': xlsx.rawPayload })['list.xlsx'];
    const lines = csv.split('\n');
    expect(csv).toContain('DANH SÁCH CHI TIỀN THƯỞNG');
    expect(csv).toContain('Kèm theo Quyết định số 01/QĐ-UBND ngày 15 tháng 01 năm 2026 của Phòng Chi Trả Một');
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(line('Nguyễn Thị Ánh Tuyết')).toMatch(/^1,Nguyễn Thị Ánh Tuyết,Lao động tiên tiến,0.3,"2,340,000","710,000"/);
    expect(line('Tổ Lao Động Tiên Tiến')).toMatch(/^3,Tổ Lao Động Tiên Tiến,Tập thể lao động tiên tiến,0.8,"2,340,000","1,880,000"/);
    expect(line('Tổng cộng')).toContain('"3,300,000"');
    expect(csv).toContain('Bằng chữ: Ba triệu ba trăm nghìn đồng.');

    const pdf = await get(board, `/decisions/${d.id}/rewards.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    for (const s of ['DANH SÁCH CHI TIỀN THƯỞNG', 'Nguyễn Thị Ánh Tuyết', 'Đặng Quốc Hưng', 'Tổ Lao Động Tiên Tiến', '710.000', '1.880.000', '3.300.000', 'Bằng chữ: Ba triệu ba trăm nghìn đồng.', '01/QĐ-UBND']) expect(text).toContain(s);
  });

  it('follows the rounding setting: none gives 0.3 × 2,340,000 = 702,000', async () => {
    const unit = await authority('Phòng Không Làm Tròn');
    const [a] = await people(unit, ['Lê Văn Tròn']);
    const d = await draft(unit, [{ personId: a.id }]);
    // The stored setting, changed inside a transaction that is rolled back (other test files share the database).
    const rollback = new Error('rollback');
    await expect(ctx.db.tx(async (q) => {
      await q.query(`insert into catalogue_setting (key, value, version) values ('money_rounding', '"none"'::jsonb, 1) on conflict (key) do update set value = excluded.value`);
      const m = await decisionMoney(q, { all: true }, d.id, '2026-01-15');
      expect(m).toMatchObject({ rounding: 'none', total: 702_000, totalInWords: 'Bảy trăm linh hai nghìn đồng' });
      expect(m.items[0]).toMatchObject({ coefficient: 0.3, baseSalary: 2_340_000, amount: 702_000 });
      throw rollback;
    })).rejects.toBe(rollback);
    expect((await get(board, `/decisions/${d.id}/rewards?decidedOn=2026-01-15`)).json()).toMatchObject({ rounding: 'ceil_to_10000', total: 710_000 });
    // After 01/07/2026 the base salary is 2,530,000: 759,000 → 760,000.
    expect((await get(board, `/decisions/${d.id}/rewards?decidedOn=2026-07-01`)).json().total).toBe(760_000);
  });

  it('is read within the decision\'s visibility; payments only by reward.manage over its authority', async () => {
    const unit = await authority('Phòng Phạm Vi');
    const [a] = await people(unit, ['Trần Phạm Vi']);
    const d = await draft(unit, [{ personId: a.id }]);
    expect((await issue(d)).statusCode).toBe(200);
    expect((await get(outsider, `/decisions/${d.id}/rewards`)).statusCode).toBe(404);
    expect((await get(outsider, `/decisions/${d.id}/fund-check`)).statusCode).toBe(404);
    expect((await get(outsider, `/decisions/${d.id}/rewards.pdf`)).statusCode).toBe(404);
    expect((await get(outsider, `/rewards/funds/${unit}/2026`)).statusCode).toBe(404);
    const seen = await get(viewer, `/decisions/${d.id}/rewards`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
    const awardeeId = seen.json().items[0].awardeeId;
    const pay = { amount: 710_000, paidOn: '2026-02-01', version: 0 };
    expect((await put(viewer, `/decisions/${d.id}/rewards/payments/${awardeeId}`, pay)).statusCode).toBe(403);
    expect((await put(outsider, `/decisions/${d.id}/rewards/payments/${awardeeId}`, pay)).statusCode).toBe(404);
    expect((await put(viewer, `/rewards/funds/${unit}/2026`, { budget: 1, version: 0 })).statusCode).toBe(403);
    expect((await put(outsider, `/rewards/funds/${unit}/2026`, { budget: 1, version: 0 })).statusCode).toBe(404);
  });
});

describe('the fund ledger', () => {
  it('budget versioned and audited; committed by issued decisions less revoked awardees; paid; remaining', async () => {
    const unit = await authority('Phòng Quỹ Khen Thưởng');
    const url = `/rewards/funds/${unit}/2026`;
    expect((await get(board, url)).json()).toMatchObject({ budget: null, version: 0, committed: 0, remaining: null });
    const set = await put(board, url, { budget: 5_000_000, note: 'Dự toán năm 2026', version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ budget: 5_000_000, version: 1, remaining: 5_000_000 });
    const stale = await put(board, url, { budget: 6_000_000, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await put(board, url, { budget: 6_000_000, version: 1 })).json()).toMatchObject({ budget: 6_000_000, version: 2 });
    const log = await ctx.db.query<{ action: string; before: { budget: number } | null; after: { budget: number } }>("select action, before, after from audit_log where entity = 'reward_fund' and org_unit_id = $1 order by id", [unit]);
    expect(log.map((l) => [l.action, l.before?.budget ?? null, l.after.budget])).toEqual([['reward.fund.create', null, 5_000_000], ['reward.fund.update', 5_000_000, 6_000_000]]);

    const [a, b, c] = await people(unit, ['Hoàng Văn Một', 'Vũ Thị Hai', 'Phan Văn Ba']);
    const d = await draft(unit, [{ personId: a.id }, { personId: b.id }, { personId: c.id }]);
    const issued = await issue(d);
    expect(issued.statusCode, issued.body).toBe(200);
    const ids = issued.json().awardees.map((x: { id: number }) => x.id) as number[];
    expect((await get(board, url)).json()).toMatchObject({ committed: 2_130_000, paid: 0, remaining: 3_870_000, unpaid: 2_130_000, decisions: [{ decisionId: d.id, numberText: '01/QĐ-UBND', awardees: 3, amount: 2_130_000 }] });

    // A payment, then a correction at the version read; a stale correction is refused.
    const payUrl = `/decisions/${d.id}/rewards/payments/${ids[0]}`;
    const paid = await put(board, payUrl, { amount: 700_000, paidOn: '2026-02-01', version: 0 });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().items[0].payment).toMatchObject({ amount: 700_000, paidOn: '2026-02-01', version: 1 });
    expect((await put(board, payUrl, { amount: 710_000, paidOn: '2026-02-02', version: 1 })).statusCode).toBe(200);
    expect((await put(board, payUrl, { amount: 1, paidOn: '2026-02-02', version: 1 })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await put(board, `/decisions/${d.id}/rewards/payments/999999999`, { amount: 1, paidOn: '2026-02-02', version: 0 })).statusCode).toBe(404);
    const payLog = await ctx.db.query<{ action: string }>("select action from audit_log where entity = 'reward_payment' and org_unit_id = $1", [unit]);
    expect(payLog.map((l) => l.action)).toEqual(['reward.payment', 'reward.payment']);
    expect((await get(board, url)).json()).toMatchObject({ committed: 2_130_000, paid: 710_000, unpaid: 1_420_000 });

    // Revoking one awardee (Law Art 93) takes its money out of "committed".
    const version = (await get(board, `/decisions/${d.id}`)).json().version;
    const revoked = await post(board, `/decisions/${d.id}/revocations`, {
      version, awardeeIds: [ids[2]], ground: 'false_documents', reason: 'Khai không đúng thành tích', legalBasis: 'Điều 93 Luật Thi đua, khen thưởng', decidedOn: '2026-03-01', signerName: 'Trần Văn Hủy',
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    const after = (await get(board, url)).json();
    expect(after).toMatchObject({ committed: 1_420_000, remaining: 4_580_000, decisions: [{ awardees: 3, revoked: 1, amount: 1_420_000 }] });
    const money = (await get(board, `/decisions/${d.id}/rewards`)).json();
    expect(money.total).toBe(1_420_000);
    expect(money.items[2]).toMatchObject({ amount: 0, revoked: { revokedOn: '2026-03-01' } });

    // The year's list of funds within the scope.
    const list = (await get(board, '/rewards/funds?year=2026')).json();
    expect(list.items.find((f: { authorityUnitId: number }) => f.authorityUnitId === unit)).toMatchObject({ budget: 6_000_000, committed: 1_420_000 });
    expect((await get(outsider, '/rewards/funds?year=2026')).json().items.some((f: { authorityUnitId: number }) => f.authorityUnitId === unit)).toBe(false);
  });
});

describe('the fund warning before issue', () => {
  it('refuses a decision exceeding the fund with the figures, takes no number, and issues once the warning is accepted', async () => {
    const unit = await authority('Phòng Vượt Quỹ');
    await put(board, `/rewards/funds/${unit}/2026`, { budget: 2_000_000, version: 0 });
    const [a, b, c, e] = await people(unit, ['Người Trong Quỹ', 'Người Vượt Một', 'Người Vượt Hai', 'Người Vượt Ba']);
    const first = await draft(unit, [{ personId: a.id }]);
    expect((await issue(first)).json()).toMatchObject({ numberText: '01/QĐ-UBND' });

    const d = await draft(unit, [{ personId: b.id }, { personId: c.id }, { personId: e.id }]);
    const check = await get(board, `/decisions/${d.id}/fund-check?decidedOn=2026-01-15`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ year: 2026, budget: 2_000_000, committed: 710_000, thisDecision: 2_130_000, available: 1_290_000, remaining: -840_000, exceeds: true });

    const refused = await issue(d);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'FUND_EXCEEDED', details: { budget: 2_000_000, committed: 710_000, thisDecision: 2_130_000, available: 1_290_000, remaining: -840_000, year: 2026 } });
    expect(refused.json().error.message).toContain('2130000');
    expect((await get(board, `/decisions/${d.id}`)).json()).toMatchObject({ status: 'draft', number: null });

    const accepted = await issue(d, { acceptFundWarning: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'issued', numberText: '02/QĐ-UBND' });
    const [logged] = await ctx.db.query<{ after: { thisDecision: number; decisionId: number } }>("select after from audit_log where action = 'reward.fund.exceeded_accepted' and org_unit_id = $1", [unit]);
    expect(logged.after).toMatchObject({ decisionId: d.id, thisDecision: 2_130_000 });
    expect((await get(board, `/rewards/funds/${unit}/2026`)).json()).toMatchObject({ committed: 2_840_000, remaining: -840_000 });
    // Once issued, the check counts the others only.
    expect((await get(board, `/decisions/${d.id}/fund-check`)).json()).toMatchObject({ committed: 710_000, thisDecision: 2_130_000, exceeds: true });
  });

  it('checks two issues against one fund one after the other: only one fits', async () => {
    const unit = await authority('Phòng Hai Quyết Định');
    await put(board, `/rewards/funds/${unit}/2026`, { budget: 1_000_000, version: 0 });
    const [a, b] = await people(unit, ['Người Ban Hành Trước', 'Người Ban Hành Sau']);
    const d1 = await draft(unit, [{ personId: a.id }]);
    const d2 = await draft(unit, [{ personId: b.id }]);
    const answers = await Promise.all([issue(d1), issue(d2)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error).toMatchObject({ code: 'FUND_EXCEEDED', details: { committed: 710_000, thisDecision: 710_000, available: 290_000 } });
    expect((await get(board, `/rewards/funds/${unit}/2026`)).json()).toMatchObject({ committed: 710_000, remaining: 290_000 });
  });

  it('gives no warning without a budget for the year, nor within it', async () => {
    const unit = await authority('Phòng Chưa Có Dự Toán');
    const [a, b] = await people(unit, ['Người Không Dự Toán', 'Người Trong Dự Toán']);
    const d = await draft(unit, [{ personId: a.id }]);
    expect((await get(board, `/decisions/${d.id}/fund-check?decidedOn=2026-01-15`)).json()).toMatchObject({ budget: null, available: null, exceeds: false, thisDecision: 710_000 });
    expect((await issue(d)).statusCode).toBe(200);
    // A budget for another year does not apply; one that covers the decision gives no warning.
    await put(board, `/rewards/funds/${unit}/2025`, { budget: 0, version: 0 });
    await put(board, `/rewards/funds/${unit}/2026`, { budget: 1_420_000, version: 0 });
    const d2 = await draft(unit, [{ personId: b.id }]);
    expect((await get(board, `/decisions/${d2.id}/fund-check?decidedOn=2026-01-15`)).json()).toMatchObject({ available: 710_000, remaining: 0, exceeds: false });
    expect((await issue(d2)).statusCode).toBe(200);
  });
});

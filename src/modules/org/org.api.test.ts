import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeWorld, uniqueCode } from '../../../tests/support/factories.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: unknown) => call(ctx.app, cookie, { method, url, payload: payload as object });

describe('org tree as of a date', () => {
  it('shows a renamed unit under its old name before the change and the new name after', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trường Mầm non Hoa Sen' });
    const detail = (await get(w.board.cookie, `/api/v1/org/units/${unit}`)).json();
    const res = await send(w.board.cookie, 'PATCH', `/api/v1/org/units/${unit}`, { version: detail.unit.version, effectiveOn: '2025-07-01', name: 'Trường Mầm non Hoa Sen Ánh Dương' });
    expect(res.statusCode).toBe(200);
    const before = (await get(w.board.cookie, '/api/v1/org/tree?asOf=2024-06-01')).json();
    const after = (await get(w.board.cookie, '/api/v1/org/tree?asOf=2025-08-01')).json();
    expect(before.units.find((u: { id: number }) => u.id === unit).name).toBe('Trường Mầm non Hoa Sen');
    expect(after.units.find((u: { id: number }) => u.id === unit).name).toBe('Trường Mầm non Hoa Sen Ánh Dương');
  });

  it('leaves out units not yet established or already dissolved on the date', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, establishedOn: '2023-01-01' });
    const ids = async (asOf: string) => (await get(w.board.cookie, `/api/v1/org/tree?asOf=${asOf}`)).json().units.map((u: { id: number }) => u.id);
    expect(await ids('2022-12-31')).not.toContain(unit);
    expect(await ids('2023-01-01')).toContain(unit);
  });
});

describe('merge and split', () => {
  it('merges A + B into new C: sources dissolve, people follow, history stays reachable', async () => {
    const parent = await makeUnit(ctx.db, { parentId: w.top, kind: 'district', name: 'Quận Thử' });
    const a = await makeUnit(ctx.db, { parentId: parent, kind: 'ward', name: 'Phường Cũ Một' });
    const b = await makeUnit(ctx.db, { parentId: parent, kind: 'ward', name: 'Phường Cũ Hai' });
    const school = await makeUnit(ctx.db, { parentId: b, kind: 'public_service_unit', name: 'Trường Tiểu học Cũ Hai' });
    const person = await makePerson(ctx.db, { unitId: a, fullName: 'Lê Văn Cường' });
    const code = uniqueCode('M');
    const res = await send(w.board.cookie, 'POST', '/api/v1/org/merges', { sourceIds: [a, b], target: { code, kind: 'ward', name: 'Phường Mới Hợp Nhất', parentId: w.top }, effectiveOn: '2025-07-01' });
    expect(res.statusCode).toBe(201);
    const c = res.json().id;
    const tree2024 = (await get(w.board.cookie, '/api/v1/org/tree?asOf=2024-12-31')).json().units.map((u: { id: number }) => u.id);
    const tree2025 = (await get(w.board.cookie, '/api/v1/org/tree?asOf=2025-07-01')).json().units;
    expect(tree2024).toEqual(expect.arrayContaining([a, b]));
    expect(tree2024).not.toContain(c);
    expect(tree2025.map((u: { id: number }) => u.id)).not.toContain(a);
    expect(tree2025.find((u: { id: number }) => u.id === school).parentId).toBe(c);
    const detail = (await get(w.board.cookie, `/api/v1/org/units/${c}`)).json();
    expect(detail.predecessors.map((p: { unitId: number }) => p.unitId).sort()).toEqual([a, b].sort());
    expect(detail.lineageIds).toEqual(expect.arrayContaining([c, a, b]));
    const personRes = (await get(w.board.cookie, `/api/v1/people/${person.id}`)).json();
    expect(personRes.currentUnitId).toBe(c);
    expect(personRes.employments.map((e: { unitId: number; toDate: string | null }) => [e.unitId, e.toDate])).toEqual([[c, null], [a, '2025-07-01']]);
  });

  it('splits A into B + C; the chosen successor takes the people, both carry the history', async () => {
    const a = await makeUnit(ctx.db, { parentId: w.top, kind: 'commune', name: 'Xã Sẽ Tách' });
    const person = await makePerson(ctx.db, { unitId: a });
    const res = await send(w.board.cookie, 'POST', '/api/v1/org/splits', {
      sourceId: a, effectiveOn: '2025-07-01', peopleTo: 1,
      successors: [{ code: uniqueCode('S'), kind: 'commune', name: 'Xã Tách Một' }, { code: uniqueCode('S'), kind: 'commune', name: 'Xã Tách Hai' }],
    });
    expect(res.statusCode).toBe(201);
    const [first, second] = res.json().units;
    expect((await get(w.board.cookie, `/api/v1/people/${person.id}`)).json().currentUnitId).toBe(second.id);
    const d1 = (await get(w.board.cookie, `/api/v1/org/units/${first.id}`)).json();
    expect(d1.lineageIds).toContain(a);
  });

  it('refuses a merge effective before the last change of a source, and writes nothing', async () => {
    const a = await makeUnit(ctx.db, { parentId: w.top, establishedOn: '2024-01-01' });
    const b = await makeUnit(ctx.db, { parentId: w.top });
    const code = uniqueCode('X');
    const res = await send(w.board.cookie, 'POST', '/api/v1/org/merges', { sourceIds: [a, b], target: { code, kind: 'ward', name: 'Không được tạo' }, effectiveOn: '2023-06-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ORG_NOT_ACTIVE');
    const [{ n }] = await ctx.db.query<{ n: number }>('select count(*)::int as n from org_unit where code = $1', [code]);
    expect(n).toBe(0);
  });
});

describe('dissolve', () => {
  it('refuses a unit someone still works in (counted by the people module through org/hooks.ts), then dissolves it once they left', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.top, name: 'Tổ Sẽ Giải Thể' });
    const person = await makePerson(ctx.db, { unitId: unit, fromDate: '2024-01-01' });
    const version = async () => (await get(w.board.cookie, `/api/v1/org/units/${unit}`)).json().unit.version;
    const refused = await send(w.board.cookie, 'POST', `/api/v1/org/units/${unit}/dissolve`, { version: await version(), effectiveOn: '2025-06-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'ORG_NOT_EMPTY', details: { children: 0, people: 1 } });
    const detail = (await get(w.board.cookie, `/api/v1/people/${person.id}`)).json();
    const moved = await send(w.board.cookie, 'POST', `/api/v1/people/${person.id}/transfers`, { version: detail.version, unitId: w.a1, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2025-05-01' });
    expect(moved.statusCode).toBe(200);
    const done = await send(w.board.cookie, 'POST', `/api/v1/org/units/${unit}/dissolve`, { version: await version(), effectiveOn: '2025-06-01' });
    expect(done.statusCode).toBe(200);
    expect(done.json().dissolvedOn).toBe('2025-06-01');
  });
});

describe('bad input and concurrency', () => {
  it('refuses moving a unit under its own descendant (ORG_CYCLE)', async () => {
    const detail = (await get(w.board.cookie, `/api/v1/org/units/${w.a}`)).json();
    const res = await send(w.board.cookie, 'PATCH', `/api/v1/org/units/${w.a}`, { version: detail.unit.version, effectiveOn: '2026-01-02', parentId: w.a1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ORG_CYCLE');
    expect(res.json().error.message).toMatch(/đơn vị cấp dưới/);
  });

  it('answers a stale version with 409 and the fields someone else changed', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Tổ Một' });
    const v = (await get(w.board.cookie, `/api/v1/org/units/${unit}`)).json().unit.version;
    expect((await send(w.board.cookie, 'PATCH', `/api/v1/org/units/${unit}`, { version: v, effectiveOn: '2025-01-01', name: 'Tổ Hai' })).statusCode).toBe(200);
    const stale = await send(w.admin.cookie, 'PATCH', `/api/v1/org/units/${unit}`, { version: v, effectiveOn: '2025-02-01', name: 'Tổ Ba' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.fields).toContain('name');
    const now = (await get(w.board.cookie, `/api/v1/org/units/${unit}`)).json().unit;
    expect(now.name).toBe('Tổ Hai');
  });

  it('rejects unknown fields and wrong types with the field named', async () => {
    const res = await send(w.board.cookie, 'POST', '/api/v1/org/units', { code: 'ok1', kind: 'ward', name: 'X', parentId: w.a, establishedOn: '2025-13-01', colour: 'red' });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'colour', rule: 'unknown_field' }), expect.objectContaining({ field: 'establishedOn', rule: 'invalid_date' })]));
  });

  it('rejects a duplicate unit code', async () => {
    const code = uniqueCode('D');
    await makeUnit(ctx.db, { parentId: w.a, code });
    const res = await send(w.board.cookie, 'POST', '/api/v1/org/units', { code, kind: 'ward', name: 'Trùng mã', parentId: w.a, establishedOn: '2025-01-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_CODE');
  });
});

describe('scope', () => {
  it('a unit officer sees only their subtree in the tree', async () => {
    const ids = (await get(w.officerA.cookie, '/api/v1/org/tree')).json().units.map((u: { id: number }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.a, w.a1]));
    expect(ids).not.toContain(w.b);
    expect(ids).not.toContain(w.top);
  });

  it('a guessed id outside the subtree is 404, not 403', async () => {
    const res = await get(w.officerA.cookie, `/api/v1/org/units/${w.b1}`);
    expect(res.statusCode).toBe(404);
  });

  it('a unit officer cannot change the tree; a viewer neither', async () => {
    for (const user of [w.officerA, w.viewerA]) {
      const res = await send(user.cookie, 'POST', '/api/v1/org/units', { code: uniqueCode(), kind: 'other', name: 'Không được', parentId: w.a, establishedOn: '2025-01-01' });
      expect(res.statusCode).toBe(403);
    }
  });

  it('anonymous requests get 401', async () => {
    expect((await call(ctx.app, null, { method: 'GET', url: '/api/v1/org/tree' })).statusCode).toBe(401);
  });
});

describe('records follow the successor', () => {
  it('after A + B → C, C lists the titles and awards of A and B as inherited', async () => {
    const a = await makeUnit(ctx.db, { parentId: w.top, name: 'Trường Tiểu học Cũ A' });
    const b = await makeUnit(ctx.db, { parentId: w.top, name: 'Trường Tiểu học Cũ B' });
    await ctx.db.query("insert into unit_title (unit_id, year, title_code, decision_no) values ($1, 2023, 'excellent_labor_collective', '45/QĐ-UBND'), ($2, 2024, 'advanced_labor_collective', '9/QĐ-UBND')", [a, b]);
    await ctx.db.query("insert into award_record (unit_id, form_code, decision_date, period_from, period_to) values ($1, 'ministerial_provincial_certificate_of_merit', '2024-05-01', 2023, 2023)", [a]);
    const merged = await send(w.board.cookie, 'POST', '/api/v1/org/merges', { sourceIds: [a, b], target: { code: uniqueCode('C'), kind: 'public_service_unit', name: 'Trường Tiểu học Hợp Nhất' }, effectiveOn: '2025-07-01' });
    const c = merged.json().id;
    await ctx.db.query("insert into unit_title (unit_id, year, title_code) values ($1, 2025, 'advanced_labor_collective')", [c]);
    const records = (await get(w.board.cookie, `/api/v1/units/${c}/records`)).json();
    expect(records.titles.map((t: { year: number; unitId: number; inherited: boolean }) => [t.year, t.unitId, t.inherited])).toEqual([[2025, c, false], [2024, b, true], [2023, a, true]]);
    expect(records.awards).toEqual([expect.objectContaining({ unitId: a, unitName: 'Trường Tiểu học Cũ A', inherited: true, formCode: 'ministerial_provincial_certificate_of_merit' })]);
  });

  it('records of a unit outside the scope are 404', async () => {
    expect((await get(w.officerA.cookie, `/api/v1/units/${w.b1}/records`)).statusCode).toBe(404);
  });
});

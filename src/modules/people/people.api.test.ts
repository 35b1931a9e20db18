import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeWorld, uniqueCccd } from '../../../tests/support/factories.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: unknown) => call(ctx.app, cookie, { method, url, payload: payload as object });
const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((p) => p.fullName);

describe('people search', () => {
  let unit: number;
  let chau: { nationalId: string };
  // Every test reads the same seven people of its own unit, made here: none depends on another having run.
  beforeAll(async () => {
    unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Tổ tìm kiếm' });
    for (const [fullName, gender] of [['Nguyễn Văn An', 'male'], ['Đặng Thị Hoà', 'female'], ['Trần Văn Anh', 'male'], ['Lê Thị Bình', 'female'], ['Phạm Văn Dũng', 'male'], ['Phạm Văn Đức', 'male']] as const) {
      await makePerson(ctx.db, { unitId: unit, fullName, gender, birthDate: gender === 'female' ? '1990-01-01' : '1985-05-05' });
    }
    chau = await makePerson(ctx.db, { unitId: unit, fullName: 'Vũ Minh Châu' });
  });

  it('finds "Nguyễn Văn An" from "nguyen van an" and "NGUYEN an"', async () => {
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&q=nguyen%20van%20an`))).toEqual(['Nguyễn Văn An']);
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&q=NGUYEN%20an`))).toEqual(['Nguyễn Văn An']);
  });

  it('treats d and đ alike', async () => {
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&q=dang%20hoa`))).toEqual(['Đặng Thị Hoà']);
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&q=duc`))).toEqual(['Phạm Văn Đức']);
  });

  it('finds by CCCD', async () => {
    const res = await get(w.board.cookie, `/api/v1/people?q=${chau.nationalId}`);
    expect(names(res)).toEqual(['Vũ Minh Châu']);
  });

  it('sorts by given name in Vietnamese order, then family and middle names', async () => {
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}`))).toEqual(['Nguyễn Văn An', 'Trần Văn Anh', 'Lê Thị Bình', 'Vũ Minh Châu', 'Phạm Văn Dũng', 'Phạm Văn Đức', 'Đặng Thị Hoà']);
  });

  it('pages with hasMore', async () => {
    const first = (await get(w.board.cookie, `/api/v1/people?unitId=${unit}&limit=3`)).json();
    const second = (await get(w.board.cookie, `/api/v1/people?unitId=${unit}&limit=3&offset=3`)).json();
    expect(first.items).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    expect(second.items[0].fullName).toBe('Vũ Minh Châu');
  });

  it('a unit officer never sees people outside their subtree, even by name or CCCD', async () => {
    expect(names(await get(w.officerA.cookie, '/api/v1/people?q=binh'))).not.toContain('Trần Thị Bình');
    expect(names(await get(w.officerA.cookie, `/api/v1/people?q=${w.personB.nationalId}`))).toEqual([]);
    expect(names(await get(w.officerA.cookie, `/api/v1/people?unitId=${w.b1}`))).toEqual([]);
  });
});

describe('person detail and edits', () => {
  it('shows positions, yearly ratings/titles and awards', async () => {
    await ctx.db.query("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'good'), ($1, 2025, 'completed'), ($1, 2025, 'excellent')", [w.personA.id]);
    await ctx.db.query("insert into person_title (person_id, year, title_code) values ($1, 2025, 'advanced_worker')", [w.personA.id]);
    await ctx.db.query("insert into award_record (person_id, form_code, decision_no, decision_date, period_from, period_to) values ($1, 'certificate_of_commendation', '12/QĐ-UBND', '2025-12-20', 2025, 2025)", [w.personA.id]);
    const body = (await get(w.officerA.cookie, `/api/v1/people/${w.personA.id}`)).json();
    expect(body.employments[0]).toMatchObject({ unitId: w.a1, position: 'Chuyên viên', isLeader: false, toDate: null });
    expect(body.years).toEqual([{ year: 2025, rating: 'excellent', titles: ['advanced_worker'] }, { year: 2024, rating: 'good', titles: [] }]);
    expect(body.awards[0]).toMatchObject({ formCode: 'certificate_of_commendation', decisionNo: '12/QĐ-UBND' });
    expect(body.actions.canEdit).toBe(true);
  });

  it('a guessed person id outside the scope is 404 for read and write', async () => {
    expect((await get(w.officerA.cookie, `/api/v1/people/${w.personB.id}`)).statusCode).toBe(404);
    const res = await send(w.officerA.cookie, 'PATCH', `/api/v1/people/${w.personB.id}`, { version: 1, fullName: 'Bị sửa trộm' });
    expect(res.statusCode).toBe(404);
    expect((await get(w.board.cookie, `/api/v1/people/${w.personB.id}`)).json().fullName).toBe('Trần Thị Bình');
  });

  it('a viewer may read but not edit', async () => {
    expect((await get(w.viewerA.cookie, `/api/v1/people/${w.personA.id}`)).json().actions.canEdit).toBe(false);
    expect((await send(w.viewerA.cookie, 'PATCH', `/api/v1/people/${w.personA.id}`, { version: 1, fullName: 'X' })).statusCode).toBe(403);
  });

  it('creates a person with a first position and finds them without diacritics', async () => {
    const nationalId = uniqueCccd('female', 1992);
    const res = await send(w.officerA.cookie, 'POST', '/api/v1/people', { nationalId, fullName: 'Hoàng Thị Thu Hương', gender: 'female', birthDate: '1992-03-04', employment: { unitId: w.a1, position: 'Giáo viên', category: 'public_employee', isLeader: false, fromDate: '2021-09-01' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(names(await get(w.officerA.cookie, '/api/v1/people?q=hoang%20thi%20thu%20huong'))).toContain('Hoàng Thị Thu Hương');
  });

  it('rejects a CCCD already in use, and one with a bad province code, naming the field', async () => {
    const base = { fullName: 'Người Trùng', gender: 'male', birthDate: '1985-05-05', employment: { unitId: w.a1, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2020-01-01' } };
    const dup = await send(w.board.cookie, 'POST', '/api/v1/people', { ...base, nationalId: w.personA.nationalId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_NATIONAL_ID', details: { field: 'nationalId' } });
    expect(dup.json().error.message).toContain('đã được dùng');
    const bad = await send(w.board.cookie, 'POST', '/api/v1/people', { ...base, nationalId: '003085123456' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_NATIONAL_ID', details: { rule: 'cccd_province' } });
  });

  it('refuses to create a person in a unit outside the scope', async () => {
    const res = await send(w.officerA.cookie, 'POST', '/api/v1/people', { nationalId: uniqueCccd(), fullName: 'Ngoài Phạm Vi', gender: 'male', birthDate: '1985-05-05', employment: { unitId: w.b1, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2020-01-01' } });
    expect(res.statusCode).toBe(404);
  });

  it('second save with a stale version gets 409 with the changed fields; nothing is overwritten', async () => {
    const p = await makePerson(ctx.db, { unitId: w.a1, fullName: 'Bùi Văn Khải' });
    expect((await send(w.officerA.cookie, 'PATCH', `/api/v1/people/${p.id}`, { version: 1, fullName: 'Bùi Văn Khai' })).statusCode).toBe(200);
    const stale = await send(w.board.cookie, 'PATCH', `/api/v1/people/${p.id}`, { version: 1, birthDate: '1986-06-06' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.fields).toEqual(['fullName']);
    expect(stale.json().error.message).toContain('Họ và tên');
    const now = (await get(w.board.cookie, `/api/v1/people/${p.id}`)).json();
    expect(now).toMatchObject({ fullName: 'Bùi Văn Khai', version: 2 });
    // The page shows the birth year only; the full date comes from the (audited) personal-data read.
    expect((await get(w.board.cookie, `/api/v1/people/${p.id}/personal-data`)).json().birthDate).toBe('1985-05-05');
  });

  it('a transfer ends the current position and keeps it as history', async () => {
    const p = await makePerson(ctx.db, { unitId: w.a1, fullName: 'Đỗ Thị Lan', gender: 'female', birthDate: '1990-02-02' });
    const res = await send(w.board.cookie, 'POST', `/api/v1/people/${p.id}/transfers`, { version: 1, unitId: w.b1, position: 'Trưởng trạm', category: 'public_employee', isLeader: true, fromDate: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.currentUnitId).toBe(w.b1);
    expect(body.isLeader).toBe(true);
    expect(body.employments.map((e: { unitId: number; toDate: string | null }) => [e.unitId, e.toDate])).toEqual([[w.b1, null], [w.a1, '2026-01-01']]);
    // The former unit's officer keeps read access to the history but can no longer edit.
    const asOfficer = (await get(w.officerA.cookie, `/api/v1/people/${p.id}`)).json();
    expect(asOfficer.actions.canEdit).toBe(false);
  });
});

describe('malformed requests', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await call(ctx.app, w.board.cookie, { method: 'POST', url: '/api/v1/people', headers: { 'content-type': 'application/json' }, payload: '{"fullName": "Nguyễn' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
  });

  it('wrong types and unknown fields → 400 naming each field', async () => {
    const res = await send(w.board.cookie, 'POST', '/api/v1/people', { nationalId: 1, fullName: '', gender: 'x', birthDate: null, employment: { unitId: w.a1, position: 'A', category: 'civil_servant', isLeader: 'yes', fromDate: '2020-01-01' }, salary: 5 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['nationalId', 'fullName', 'gender', 'employment.isLeader', 'salary']));
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await send(w.board.cookie, 'POST', '/api/v1/people', { fullName: 'x'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a cross-site write (foreign Origin) is refused', async () => {
    const res = await call(ctx.app, w.board.cookie, { method: 'PATCH', url: `/api/v1/people/${w.personA.id}`, headers: { origin: 'https://evil.example' }, payload: { version: 1 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_MISMATCH');
  });
});

describe('people of a unit as of a date', () => {
  it('lists who worked in a unit on a past date, after they moved on', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Tổ lịch sử' });
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Ngô Văn Quyết', fromDate: '2021-01-01' });
    await send(w.board.cookie, 'POST', `/api/v1/people/${p.id}/transfers`, { version: 1, unitId: w.a1, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2025-07-01' });
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}`))).toEqual([]);
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&asOf=2024-12-31`))).toEqual(['Ngô Văn Quyết']);
    expect(names(await get(w.board.cookie, `/api/v1/people?unitId=${unit}&asOf=2025-07-01`))).toEqual([]);
  });
});

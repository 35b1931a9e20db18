import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeWorld } from '../../../tests/support/factories.ts';
import { PEOPLE_HEADER, UNIT_HEADER, importFile, readXlsx, xlsxOf } from './test-helpers.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });

describe('exports', () => {
  it('exports the scoped people list with the template columns, and the file imports back unchanged', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trường Mầm non Họa Mi', kind: 'public_service_unit' });
    await makePerson(ctx.db, { unitId: unit, fullName: 'Đặng Thị Hoà', gender: 'female', birthDate: '1992-12-31', fromDate: '2021-01-01' });
    await makePerson(ctx.db, { unitId: unit, fullName: 'Ngô Quốc Việt', isLeader: true, fromDate: '2021-01-01' });
    await makePerson(ctx.db, { unitId: unit, fullName: 'Bùi Thị Ánh Tuyết', gender: 'female', fromDate: '2021-01-01' });
    const res = await get(w.officerA.cookie, `/api/v1/exports/people?unitId=${unit}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="danh-sach-ca-nhan-\d{8}\.xlsx"; filename\*=UTF-8''Danh%20s%C3%A1ch/);
    const { header, rows } = await readXlsx(res.rawPayload);
    expect(header).toEqual([...PEOPLE_HEADER, 'Tên đơn vị']);
    // Vietnamese order: by given name (Hoà, Tuyết, Việt)
    expect(rows.map((r) => r[1])).toEqual(['Đặng Thị Hoà', 'Bùi Thị Ánh Tuyết', 'Ngô Quốc Việt']);
    expect(rows[0].slice(2, 3)).toEqual(['Nữ']);
    expect(rows[2].slice(5, 8)).toEqual(['Trưởng phòng', 'Cán bộ, công chức', 'Có']);
    expect(rows[0][10]).toBe('Trường Mầm non Họa Mi');
    const job = await importFile(ctx.app, w.officerA.cookie, 'people', res.rawPayload);
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, counts: { create: 0, update: 0, unchanged: 3 } });
  });

  it('exports someone no longer working with their last unit and end date, and the row imports back unchanged', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trường Mầm non Sơn Ca', kind: 'public_service_unit' });
    const person = await makePerson(ctx.db, { unitId: unit, fullName: 'Hà Thị Hưu Trí', gender: 'female', birthDate: '1965-05-05', fromDate: '2015-01-01' });
    await ctx.db.query("update employment set to_date = '2025-06-01', end_reason = 'retirement' where person_id = $1", [person.id]);
    const res = await get(w.officerA.cookie, `/api/v1/exports/people?q=${encodeURIComponent('Hà Thị Hưu Trí')}`);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(1);
    const unitCode = (await ctx.db.query<{ code: string }>('select code from org_unit where id = $1', [unit]))[0].code;
    expect(rows[0][4]).toBe(unitCode);
    expect(rows[0][10]).toBe('Trường Mầm non Sơn Ca');
    const job = await importFile(ctx.app, w.officerA.cookie, 'people', res.rawPayload);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, counts: { create: 0, update: 0, unchanged: 1 } });
  });

  it('refuses an end date that is not the stored last position, naming the column', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, kind: 'public_service_unit' });
    const person = await makePerson(ctx.db, { unitId: unit, fullName: 'Phan Văn Đang Làm', fromDate: '2015-01-01' });
    const res = await get(w.officerA.cookie, `/api/v1/exports/people?q=${encodeURIComponent('Phan Văn Đang Làm')}`);
    const { header, rows } = await readXlsx(res.rawPayload);
    expect(rows[0][9] ?? null).toBeNull();
    const edited = rows.map((r) => [...r.slice(0, 8), '01/01/2015', '01/06/2025']);
    const file = await xlsxOf(header.slice(0, 10) as string[], edited);
    const job = await importFile(ctx.app, w.officerA.cookie, 'people', file);
    expect(job.errors.map((e) => [e.column, e.rule])).toEqual([['Đến ngày', 'ended_employment_differs']]);
    expect(person.id).toBeGreaterThan(0);
  });

  it('keeps the scope: an officer of A exports nobody from B', async () => {
    const { rows } = await readXlsx((await get(w.officerA.cookie, '/api/v1/exports/people?q=Trần Thị Bình')).rawPayload);
    expect(rows).toEqual([]);
  });

  it('exports the org tree as of a date, and it imports back unchanged', async () => {
    const res = await get(w.board.cookie, '/api/v1/exports/org-units?asOf=2024-01-01');
    expect(res.statusCode).toBe(200);
    const { header, rows } = await readXlsx(res.rawPayload);
    expect(header).toEqual([...UNIT_HEADER, 'Ngày giải thể']);
    const row = rows.find((r) => r[1] === 'Phường Ánh Dương') as unknown[];
    expect(row[3]).toBe('Phường');
    expect(rows.findIndex((r) => r[1] === 'UBND thành phố thử')).toBeLessThan(rows.indexOf(row));
    const job = await importFile(ctx.app, w.board.cookie, 'org_units', res.rawPayload);
    expect(job.errors).toEqual([]);
    expect(job.counts?.create).toBe(0);
    expect(job.counts?.update).toBe(0);
  });

  it('exports the audit log in scope, filtered, for audit readers only', async () => {
    const person = await makePerson(ctx.db, { unitId: w.a1, fullName: 'Lý Thị Nhật Ký' });
    const res = await get(w.board.cookie, `/api/v1/exports/audit?entity=person&entityId=${person.id}`);
    expect(res.statusCode).toBe(200);
    const { header, rows } = await readXlsx(res.rawPayload);
    expect(header.slice(0, 3)).toEqual(['Thời điểm (giờ Việt Nam)', 'Người thực hiện', 'Thao tác']);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(2, 6)).toEqual(['person.create', 'person', String(person.id), 'Trường Tiểu học Ánh Dương']);
    expect(String(rows[0][0])).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect((await get(w.officerA.cookie, '/api/v1/exports/audit')).statusCode).toBe(403);
  });

  it('keeps the parent code of a scope\'s top unit, so the file does not move it on re-import', async () => {
    const [{ code: topCode }] = await ctx.db.query<{ code: string }>('select code from org_unit where id = $1', [w.top]);
    const { rows } = await readXlsx((await get(w.officerA.cookie, '/api/v1/exports/org-units')).rawPayload);
    expect(rows[0].slice(1, 2)).toEqual(['Phường Ánh Dương']);
    expect(rows[0][4]).toBe(topCode);
    expect(rows.some((r) => r[1] === 'Xã Bình Minh')).toBe(false);
  });

  it('exports user accounts for administrators only', async () => {
    const res = await get(w.admin.cookie, '/api/v1/exports/users');
    expect(res.statusCode).toBe(200);
    const { header, rows } = await readXlsx(res.rawPayload);
    expect(header).toEqual(['Tên đăng nhập', 'Tên hiển thị', 'Vai trò và đơn vị', 'Trạng thái', 'Đăng nhập gần nhất']);
    expect(rows.find((r) => r[0] === w.officerA.username)?.[2]).toBe('Cán bộ làm công tác thi đua, khen thưởng — Phường Ánh Dương');
    expect((await get(w.officerA.cookie, '/api/v1/exports/users')).statusCode).toBe(403);
  });
});

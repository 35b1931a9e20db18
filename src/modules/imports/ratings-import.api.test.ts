import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser, uniqueCccd } from '../../../tests/support/factories.ts';
import { readXlsx, upload, waitForJob, xlsxOf } from './test-helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
});
afterAll(() => ctx.close());

const HEADER = ['Số CCCD', 'Họ và tên', 'Năm', 'Xếp loại', 'Điểm'];
const apply = (cookie: string, id: number) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1/imports/${id}/apply` });
const ratingsOf = (personId: number) => ctx.db.query<{ year: number; rating: string; corrects_id: number | null; source: string }>('select year, rating, corrects_id, source from person_year_rating where person_id = $1 order by id', [personId]);

async function setup(name: string) {
  const top = await makeUnit(ctx.db, { kind: 'city_committee', name: `Thành phố ${name}` });
  const unit = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name });
  const other = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: `${name} bên cạnh` });
  const people = [];
  for (const n of ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba', 'Phạm Thị Bốn']) people.push(await makePerson(ctx.db, { unitId: unit, fullName: n, nationalId: uniqueCccd('male', 1985) }));
  const outsider = await makePerson(ctx.db, { unitId: other, fullName: 'Đỗ Văn Ngoài', nationalId: uniqueCccd('male', 1985) });
  const head = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: unit }]);
  const officer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: unit }]);
  return { unit, people, outsider, head, officer };
}

async function send(cookie: string, rows: unknown[][]) {
  const res = await upload(ctx.app, cookie, '/api/v1/imports/ratings', await xlsxOf(HEADER, rows));
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(ctx.app, cookie, res.json().id);
}

describe('ratings import (.xlsx): staged, all or nothing', () => {
  it('has its template, with the ratings as a drop-down', async () => {
    const s = await setup('Phường Mẫu Xếp Loại');
    const res = await call(ctx.app, s.head.cookie, { method: 'GET', url: '/api/v1/imports/templates/ratings' });
    expect(res.statusCode).toBe(200);
    const { header, workbook } = await readXlsx(res.rawPayload);
    expect(header).toEqual(HEADER);
    const values = (workbook.getWorksheet('Danh mục')?.getColumn(1).values as unknown[]).slice(2);
    expect(values).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
    expect((await call(ctx.app, s.officer.cookie, { method: 'GET', url: '/api/v1/imports/templates/ratings' })).statusCode).toBe(403);
  });

  it('previews, then writes new ratings, corrections and skips unchanged ones in one go', async () => {
    const s = await setup('Phường Nhập Xếp Loại');
    const [p1, p2, p3, p4] = s.people;
    await ctx.db.query("insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'good'), ($2, 2025, 'good')", [p3.id, p4.id]);
    const job = await send(s.head.cookie, [
      [p1.nationalId, 'Nguyễn Văn Một', 2026, 'Hoàn thành xuất sắc nhiệm vụ', 95],
      [p2.nationalId, 'TRẦN THỊ HAI', '2026', 'HTTNV', ''],
      [p3.nationalId, 'Lê Văn Ba', 2025, 'Hoàn thành nhiệm vụ', '65,5'],
      [p4.nationalId, 'Phạm Thị Bốn', 2025, 'hoàn thành tốt nhiệm vụ', null],
    ]);
    expect(job.status, JSON.stringify(job.errors)).toBe('validated');
    expect(job.counts).toEqual({ create: 2, update: 1, unchanged: 1 });
    expect(job.preview.find((p) => p.row === 4)).toMatchObject({ action: 'update', before: { year: 2025, rating: 'good' }, after: { rating: 'completed', score: 65.5 } });
    expect(await ratingsOf(p1.id)).toEqual([]);

    const res = await apply(s.head.cookie, job.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 1, unchanged: 1 });
    expect(await ratingsOf(p1.id)).toEqual([{ year: 2026, rating: 'excellent', corrects_id: null, source: 'import' }]);
    const corrected = await ratingsOf(p3.id);
    expect(corrected.map((r) => r.rating)).toEqual(['good', 'completed']);
    expect(corrected[1].corrects_id).not.toBeNull();
    expect(await ratingsOf(p4.id)).toHaveLength(1);
    // Each imported rating is also the person's decided evaluation of the year, its score kept (the ratings page
    // shows it beside those run in the app); the unchanged row writes none.
    const evaluation = (personId: number) => ctx.db.query<{ status: string; decided_rating: string; decided_score: string | null; source: string }>('select status, decided_rating, decided_score::text, source from evaluation where person_id = $1', [personId]);
    expect(await evaluation(p1.id)).toEqual([{ status: 'decided', decided_rating: 'excellent', decided_score: '95.00', source: 'import' }]);
    expect(await evaluation(p3.id)).toEqual([{ status: 'decided', decided_rating: 'completed', decided_score: '65.50', source: 'import' }]);
    expect(await evaluation(p4.id)).toEqual([]);
    const page = await call(ctx.app, s.head.cookie, { method: 'GET', url: `/api/v1/evaluations?unitId=${s.unit}&year=2026` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.find((i: { personId: number }) => i.personId === p1.id)).toMatchObject({ status: 'decided' });
    // Audited once per unit and year: each person's rating before and after, tagged with the import.
    const [entry] = await ctx.db.query<{ after: { year: number; importId: number; people: [number, string | null, string, number][] } }>("select after from audit_log where action = 'person.ratings' and entity_id = $1 and (after->>'year')::int = 2025", [String(s.unit)]);
    expect(entry.after.importId).toBe(job.id);
    expect(entry.after.people.map(([id, before, after]) => [id, before, after])).toEqual([[p3.id, 'good', 'completed']]);
  });

  it('names row, column and rule in Vietnamese for every bad row, and writes nothing', async () => {
    const s = await setup('Phường Nhập Sai');
    const [p1, p2] = s.people;
    const job = await send(s.head.cookie, [
      [p1.nationalId, 'Nguyễn Văn Mười', 2026, 'Hoàn thành tốt nhiệm vụ', null],
      ['001085999999', 'Không Có Ai', 2026, 'Hoàn thành tốt nhiệm vụ', null],
      [p2.nationalId, 'Trần Thị Hai', 2026, 'Khá', null],
      [p2.nationalId, 'Trần Thị Hai', 2026, 'Hoàn thành xuất sắc nhiệm vụ', 80],
      [p2.nationalId, 'Trần Thị Hai', 2026, 'Hoàn thành tốt nhiệm vụ', null],
      [s.outsider.nationalId, 'Đỗ Văn Ngoài', 2026, 'Hoàn thành tốt nhiệm vụ', null],
      [p1.nationalId, 'Nguyễn Văn Một', 2099, 'Hoàn thành tốt nhiệm vụ', null],
    ]);
    expect(job.status).toBe('invalid');
    const messages = job.errors.map((e) => e.message);
    expect(messages).toEqual([
      'Dòng 2, cột "Họ và tên": không khớp họ tên đã lưu của người mang số CCCD này (Nguyễn Văn Một)',
      'Dòng 3, cột "Số CCCD": không có người nào mang số CCCD này trong hệ thống',
      expect.stringMatching(/^Dòng 4, cột "Xếp loại": giá trị không hợp lệ: Hoàn thành xuất sắc nhiệm vụ/),
      'Dòng 5, cột "Xếp loại": không khớp điểm 80 (mức theo điểm: Hoàn thành tốt nhiệm vụ)',
      'Dòng 6, cột "Số CCCD": người này đã có xếp loại năm 2026 ở dòng 5 trong tệp',
      'Dòng 7, cột "Số CCCD": người này đang công tác tại đơn vị ngoài phạm vi quản lý của bạn',
      expect.stringMatching(/^Dòng 8, cột "Năm": năm phải từ 2000 đến 20\d\d$/),
    ]);
    const res = await apply(s.head.cookie, job.id);
    expect(res.statusCode).toBe(422);
    expect(await ratingsOf(p1.id)).toEqual([]);
  });
});

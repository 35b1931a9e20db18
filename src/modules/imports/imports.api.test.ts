import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUnit, makeWorld, uniqueCccd, uniqueCode } from '../../../tests/support/factories.ts';
import { startImport } from './run-import.ts';
import { PEOPLE_HEADER, importFile, readXlsx, upload, xlsxOf } from './test-helpers.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
let codes: Record<'a' | 'a1' | 'b1', string>;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
  w = await makeWorld(ctx.db);
  const rows = await ctx.db.query<{ id: number; code: string }>('select id, code from org_unit where id = any($1::bigint[])', [[w.a, w.a1, w.b1]]);
  const code = (id: number) => rows.find((r) => r.id === id)?.code as string;
  codes = { a: code(w.a), a1: code(w.a1), b1: code(w.b1) };
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
const apply = (cookie: string, id: number) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1/imports/${id}/apply` });
const countPeople = async (ids: string[]) => (await ctx.db.query<{ n: number }>('select count(*)::int as n from person where national_id = any($1::text[])', [ids]))[0].n;

describe('import template', () => {
  it('has the Vietnamese header, a hidden sheet of allowed values and drop-downs for fixed values', async () => {
    const res = await get(w.board.cookie, '/api/v1/imports/templates/people');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const { header, workbook } = await readXlsx(res.rawPayload);
    expect(header).toEqual(PEOPLE_HEADER);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh sách', 'Danh mục', 'Hướng dẫn']);
    expect(workbook.getWorksheet('Danh mục')?.state).toBe('hidden');
    const dv = (workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(dv.C2).toMatchObject({ type: 'list' }); // Giới tính
    expect(dv.G100).toMatchObject({ type: 'list' }); // Đối tượng
    expect(dv.H2).toMatchObject({ type: 'list' }); // Lãnh đạo, quản lý
    const values = workbook.getWorksheet('Danh mục');
    const list = (ref: string) => {
      const [, col, from, to] = /!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)/.exec(ref) as RegExpExecArray;
      return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => values?.getCell(`${col}${Number(from) + i}`).value);
    };
    expect(list(dv.C2.formulae[0])).toEqual(['Nam', 'Nữ']);
    expect(list(dv.G2.formulae[0])).toContain('Cán bộ, công chức');
    expect(list(dv.H2.formulae[0])).toEqual(['Có', 'Không']);
  });

  it('has a unit-kind drop-down in the org-unit template, without the historical district', async () => {
    const res = await get(w.board.cookie, '/api/v1/imports/templates/org_units');
    const { header, workbook } = await readXlsx(res.rawPayload);
    expect(header[0]).toBe('Mã đơn vị');
    const dv = (workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(dv.D2).toMatchObject({ type: 'list' });
    const values = workbook.getWorksheet('Danh mục');
    const kinds = (values?.getColumn(1).values as unknown[]).slice(2);
    expect(kinds).toContain('Phường');
    expect(kinds.join()).not.toMatch(/Quận/);
  });

  it('is refused to a viewer', async () => {
    expect((await get(w.viewerA.cookie, '/api/v1/imports/templates/people')).statusCode).toBe(403);
  });
});

describe('people import', () => {
  const ids = [uniqueCccd('male', 1985), uniqueCccd('female', 1990), uniqueCccd('male', 1979), uniqueCccd('female', 2001)];
  const good = () => [
    [ids[0], 'Nguyễn Văn Hùng', 'Nam', '15/03/1985', codes.a1, 'Giáo viên', 'Viên chức', 'Không', '01/09/2020'],
    [ids[1], 'Trần Thị Mai', 'Nữ', new Date(Date.UTC(1990, 6, 2)), codes.a1, 'Hiệu trưởng', 'Viên chức', 'Có', '2020-01-01'],
    [ids[2], 'Lê Đức Thắng', 'Nam', '1979-11-30', codes.a, 'Chuyên viên', 'Cán bộ, công chức', '', '01/01/2021'],
    [ids[3], 'Phạm Thu Hà', 'nữ', '05/05/2001', codes.a, 'Nhân viên', 'Người lao động', 'Không', '01/02/2024'],
  ];
  let jobId: number;

  it('reports exactly the bad rows with Vietnamese messages naming row and column, and stores nothing', async () => {
    const rows = good();
    rows[1] = [`999${ids[1].slice(3)}`, ...rows[1].slice(1)];
    rows[2] = [rows[2][0], '', ...rows[2].slice(2)];
    rows[3] = [...rows[3].slice(0, 4), 'KHONG-CO-MA', ...rows[3].slice(5)];
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(job.status).toBe('invalid');
    expect(job.errorCount).toBe(3);
    expect(job.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'Số CCCD', 'cccd_province'],
      [4, 'Họ và tên', 'required'],
      [5, 'Mã đơn vị', 'unit_unknown'],
    ]);
    expect(job.errors[0].message).toBe('Dòng 3, cột "Số CCCD": 3 số đầu không phải mã tỉnh hợp lệ');
    expect(job.errors[1].message).toBe('Dòng 4, cột "Họ và tên": bắt buộc nhập');
    expect(job.errors[2].message).toBe('Dòng 5, cột "Mã đơn vị": không tìm thấy đơn vị có mã KHONG-CO-MA');
    const res = await apply(w.board.cookie, job.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: { count: 3 } });
    expect(res.json().error.message).toContain('3 lỗi');
    expect(await countPeople(ids)).toBe(0);
  });

  it('after fixing, previews the changes and apply creates people, employments and audit rows', async () => {
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, good()));
    expect(job.status).toBe('validated');
    expect(job.progress).toBe(1);
    expect(job.totalRows).toBe(4);
    expect(job.counts).toEqual({ create: 4, update: 0, unchanged: 0 });
    expect(job.preview[0]).toMatchObject({ row: 2, action: 'create', key: ids[0], after: { fullName: 'Nguyễn Văn Hùng', gender: 'male', birthDate: '1985-03-15', category: 'public_employee' } });
    jobId = job.id;
    const res = await apply(w.board.cookie, job.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', created: 4, updated: 0, unchanged: 0 });
    const people = await ctx.db.query<{ id: number; national_id: string; full_name: string; birth_date: string; current_unit_id: number; search_text: string }>(
      'select id, national_id, full_name, birth_date, current_unit_id, search_text from person where national_id = any($1::text[]) order by national_id', [ids]);
    expect(people).toHaveLength(4);
    const mai = people.find((p) => p.national_id === ids[1]);
    expect(mai).toMatchObject({ full_name: 'Trần Thị Mai', birth_date: '1990-07-02', current_unit_id: w.a1, search_text: ' tran thi mai' });
    const employments = await ctx.db.query<{ position: string; is_leader: boolean; from_date: string }>('select position, is_leader, from_date from employment where person_id = $1', [mai?.id]);
    expect(employments).toEqual([{ position: 'Hiệu trưởng', is_leader: true, from_date: '2020-01-01' }]);
    const audits = await ctx.db.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where (entity = 'person' and entity_id = any($1::text[])) or (entity = 'import_job' and entity_id = $2) group by action order by action`,
      [people.map((p) => String(p.id)), String(job.id)]);
    expect(audits).toEqual([{ action: 'import.apply', n: 1 }, { action: 'person.create', n: 4 }]);
    // each new person's entry records their first employment too
    const [entry] = await ctx.db.query<{ after: Record<string, unknown> }>(`select after from audit_log where action = 'person.create' and entity_id = $1`, [String(mai?.id)]);
    const [employment] = await ctx.db.query<{ id: number }>('select id from employment where person_id = $1', [mai?.id]);
    expect(entry.after).toMatchObject({ nationalId: ids[1], fullName: 'Trần Thị Mai', employmentId: employment.id, unitId: w.a1, position: 'Hiệu trưởng', importId: job.id });
    expect((await apply(w.board.cookie, job.id)).json().error.code).toBe('IMPORT_STATE');
  });

  it('re-importing the same file changes nothing', async () => {
    // other test files share the database on PostgreSQL: count only this file's people
    const touched = async () => (await ctx.db.query<{ n: number; v: number }>(
      `select count(*)::int as n, coalesce(sum(p.version), 0)::int as v from audit_log a join person p on a.entity = 'person' and a.entity_id = p.id::text
        where p.national_id = any($1::text[])`, [ids]))[0];
    const before = await touched();
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, good()));
    expect(job.counts).toEqual({ create: 0, update: 0, unchanged: 4 });
    expect(job.preview).toEqual([]);
    const res = await apply(w.board.cookie, job.id);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await touched()).toEqual(before);
    const [{ n: employments }] = await ctx.db.query<{ n: number }>('select count(*)::int as n from employment e join person p on p.id = e.person_id where p.national_id = any($1::text[])', [ids]);
    expect(employments).toBe(4);
    expect(await countPeople(ids)).toBe(4);
    expect(jobId).toBeLessThan(job.id);
  });

  it('a changed name is one update; a new unit and date end the old position and start a new one', async () => {
    const rows = good();
    rows[0] = [rows[0][0], 'Nguyễn Văn Hùng Anh', ...rows[0].slice(2)];
    rows[2] = [...rows[2].slice(0, 4), codes.a1, 'Phó Hiệu trưởng', rows[2][6], 'Có', '01/12/2025'];
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(job.counts).toEqual({ create: 0, update: 2, unchanged: 2 });
    expect(job.preview.map((p) => [p.row, p.fields])).toEqual([[2, ['fullName']], [4, ['unitCode', 'position', 'isLeader', 'fromDate']]]);
    expect(job.preview[0].before).toMatchObject({ fullName: 'Nguyễn Văn Hùng' });
    expect((await apply(w.board.cookie, job.id)).json()).toMatchObject({ created: 0, updated: 2 });
    const [hung] = await ctx.db.query<{ full_name: string; version: number }>('select full_name, version from person where national_id = $1', [ids[0]]);
    expect(hung).toEqual({ full_name: 'Nguyễn Văn Hùng Anh', version: 2 });
    const history = await ctx.db.query<{ unit_id: number; from_date: string; to_date: string | null }>(
      'select e.unit_id, e.from_date, e.to_date from employment e join person p on p.id = e.person_id where p.national_id = $1 order by e.from_date', [ids[2]]);
    expect(history).toEqual([{ unit_id: w.a, from_date: '2021-01-01', to_date: '2025-12-01' }, { unit_id: w.a1, from_date: '2025-12-01', to_date: null }]);
    const [thang] = await ctx.db.query<{ current_unit_id: number }>('select current_unit_id from person where national_id = $1', [ids[2]]);
    expect(thang.current_unit_id).toBe(w.a1);
  });

  it('names the row when an officer of unit A imports people into unit B', async () => {
    const mine = uniqueCccd();
    const theirs = uniqueCccd();
    const rows = [
      [mine, 'Đỗ Văn Nam', 'Nam', '01/01/1985', codes.a1, 'Giáo viên', 'Viên chức', 'Không', '01/01/2020'],
      [theirs, 'Vũ Văn Bắc', 'Nam', '01/01/1985', codes.b1, 'Y sĩ', 'Viên chức', 'Không', '01/01/2020'],
    ];
    const job = await importFile(ctx.app, w.officerA.cookie, 'people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: 'Mã đơn vị', rule: 'unit_out_of_scope', message: `Dòng 3, cột "Mã đơn vị": đơn vị ${codes.b1} nằm ngoài phạm vi quản lý của bạn` })]);
    expect(await countPeople([mine, theirs])).toBe(0);
    // another user cannot see or apply the officer's job; the officer finds it in their list
    expect((await get(w.board.cookie, `/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await apply(w.board.cookie, job.id)).statusCode).toBe(404);
    const list = (await get(w.officerA.cookie, '/api/v1/imports?limit=5')).json();
    expect(list.items[0]).toMatchObject({ id: job.id, status: 'invalid', errorCount: 1, errors: [], preview: [] });
  });

  it('flags duplicates within the file, naming the other row, and CCCDs not matching gender/birth year', async () => {
    const id = uniqueCccd('male', 1985);
    const rows = [
      [id, 'Một', 'Nam', '01/01/1985', codes.a1, 'GV', 'Viên chức', '', '01/01/2020'],
      [id, 'Hai', 'Nam', '01/01/1985', codes.a1, 'GV', 'Viên chức', '', '01/01/2020'],
      [uniqueCccd('male', 1985), 'Ba', 'Nữ', '31/02/1985', codes.a1, 'GV', 'Nhân viên', 'Có', '01/01/2020'],
    ];
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(job.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'Số CCCD', 'cccd_duplicate_in_file'],
      [4, 'Số CCCD', 'cccd_gender_century'],
      [4, 'Ngày sinh', 'invalid_date'],
      [4, 'Đối tượng', 'invalid_value'],
    ]);
    expect(job.errors[0].message).toBe('Dòng 3, cột "Số CCCD": trùng với dòng 2 trong tệp');
    expect(job.errors[3].message).toBe('Dòng 4, cột "Đối tượng": giá trị không hợp lệ: Cán bộ, công chức, Viên chức, Người lao động, Nông dân, Lực lượng vũ trang, Khác');
  });

  it('rolls everything back when a write fails inside the transaction', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a });
    const [{ code }] = await ctx.db.query<{ code: string }>('select code from org_unit where id = $1', [unit]);
    const ok = uniqueCccd();
    const failing = uniqueCccd();
    const rows = [
      [ok, 'Người Hợp Lệ', 'Nam', '01/01/1985', code, 'Chuyên viên', 'Viên chức', '', '01/01/2020'],
      [failing, 'Người Gây Lỗi', 'Nam', '01/01/1985', code, 'VỊ TRÍ GÂY LỖI THỬ', 'Viên chức', '', '01/01/2020'],
    ];
    const job = await importFile(ctx.app, w.board.cookie, 'people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(job.status).toBe('validated');
    // A trigger makes the employment insert fail after the people rows were written in the same transaction.
    await ctx.db.exec(`create or replace function import_test_fail() returns trigger language plpgsql as $$
      begin if new.position = 'VỊ TRÍ GÂY LỖI THỬ' then raise exception 'lỗi thử'; end if; return new; end $$;
      create trigger import_test_fail before insert on employment for each row execute function import_test_fail();`);
    try {
      const res = await apply(w.board.cookie, job.id);
      expect(res.statusCode).toBe(500);
    } finally {
      await ctx.db.exec('drop trigger import_test_fail on employment; drop function import_test_fail();');
    }
    expect(await countPeople([ok, failing])).toBe(0);
    const [{ n }] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'import_job' and entity_id = $1`, [String(job.id)]);
    expect(n).toBe(0);
    expect((await get(w.board.cookie, `/api/v1/imports/${job.id}`)).json().status).toBe('validated');
  });
});

describe('progress', () => {
  it('reports the rows read and a growing share of the work while a long file is parsed', async () => {
    // Men born 1961 (CCCD 001061…): no factory makes them, so on the shared PostgreSQL test database no other test's
    // person can hold one of these 5,000 numbers (a clash would make this file "invalid", not "validated").
    const rows = Array.from({ length: 5_000 }, (_, i) => [`001061${String(i).padStart(6, '0')}`, `Người Thứ ${i}`, 'Nam', '01/01/1961', codes.a1, 'Chuyên viên', 'Viên chức', 'Không', '01/01/2022']);
    const file = await xlsxOf(PEOPLE_HEADER, rows);
    // Progress written at every 1,000 rows (not only a few times a second) and read through the API right after
    // each write, while parsing waits: what a user polling midway sees, whatever this machine's speed.
    const seen: { totalRows: number; processedRows: number; progress: number; status: string }[] = [];
    let jobId = 0;
    const started = await startImport(ctx.db, { id: w.board.id, name: w.board.username }, { all: true }, 'people', file, 'lon.xlsx', {
      here: {
        everyMs: 0,
        written: async () => {
          seen.push((await get(w.board.cookie, `/api/v1/imports/${jobId}`)).json());
        },
      },
    });
    jobId = started.jobId;
    await started.done;
    expect(seen.map((s) => s.processedRows)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(seen.every((s) => s.status === 'parsing' && s.totalRows === 5_001)).toBe(true);
    const shares = seen.map((s) => s.progress);
    expect(shares.every((p, i) => p > 0 && p < 0.85 && (i === 0 || p > shares[i - 1]))).toBe(true);
    const final = (await get(w.board.cookie, `/api/v1/imports/${jobId}`)).json();
    expect(final).toMatchObject({ status: 'validated', totalRows: 5_000, processedRows: 5_000, progress: 1 });
  });
});

describe('bad files', () => {
  it('a file that is not an .xlsx is IMPORT_FILE_UNREADABLE (400) and creates no job', async () => {
    const res = await upload(ctx.app, w.board.cookie, '/api/v1/imports/people', Buffer.from('Số CCCD;Họ và tên\n001;A\n'), 'nhap.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(res.json().error.message).toMatch(/^Không đọc được tệp Excel/);
  });

  it('a sheet without the template columns is IMPORT_INVALID naming the missing columns', async () => {
    const res = await upload(ctx.app, w.board.cookie, '/api/v1/imports/people', await xlsxOf(['Số CCCD', 'Tên'], [['001085000001', 'A']]));
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.details.issues.map((i: { column: string }) => i.column)).toEqual(['Họ và tên', 'Mã đơn vị', 'Chức vụ', 'Đối tượng', 'Từ ngày']);
  });

  it('finds the header below a title row', async () => {
    const file = await xlsxOf(['DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026'], [[], PEOPLE_HEADER, [uniqueCccd(), 'Hoàng Văn Tiêu Đề', 'Nam', '01/01/1985', codes.a1, 'Giáo viên', 'Viên chức', 'Không', '01/01/2022']]);
    const job = await importFile(ctx.app, w.board.cookie, 'people', file);
    expect(job).toMatchObject({ status: 'validated', totalRows: 1, counts: { create: 1 } });
    expect(job.preview[0].row).toBe(4);
  });

  it('needs import.run: a viewer gets 403', async () => {
    const res = await upload(ctx.app, w.viewerA.cookie, '/api/v1/imports/people', await xlsxOf(PEOPLE_HEADER, []));
    expect(res.statusCode).toBe(403);
  });

  it('accepts the template itself with no rows: nothing to apply', async () => {
    const template = (await get(w.board.cookie, '/api/v1/imports/templates/people')).rawPayload;
    const job = await importFile(ctx.app, w.board.cookie, 'people', template);
    expect(job).toMatchObject({ status: 'validated', totalRows: 0, counts: { create: 0, update: 0, unchanged: 0 } });
  });
});

describe('upload limit', () => {
  it('a file over UPLOAD_LIMIT_BYTES is PAYLOAD_TOO_LARGE (413) naming the limit', async () => {
    const small = await createTestContext({ UPLOAD_LIMIT_BYTES: String(1_048_576) });
    try {
      const world = await makeWorld(small.db);
      const rows = Array.from({ length: 25_000 }, (_, i) => [uniqueCccd(), `Người thứ ${i} ${Math.random()}`, 'Nam', '01/01/1985', uniqueCode(), 'Chuyên viên', 'Viên chức', 'Không', '01/01/2020']);
      const file = await xlsxOf(PEOPLE_HEADER, rows);
      expect(file.length).toBeGreaterThan(1_048_576);
      const res = await upload(small.app, world.board.cookie, '/api/v1/imports/people', file);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu hoặc tệp gửi lên quá lớn (tối đa 1 MB).' });
    } finally {
      await small.close();
    }
  });
});

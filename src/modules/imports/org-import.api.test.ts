import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeWorld, uniqueCode } from '../../../tests/support/factories.ts';
import { cityToday } from '../../shared/clock.ts';
import { UNIT_HEADER, importFile, upload, xlsxOf } from './test-helpers.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
let topCode: string;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
  w = await makeWorld(ctx.db);
  [{ code: topCode }] = await ctx.db.query<{ code: string }>('select code from org_unit where id = $1', [w.top]);
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
const apply = (cookie: string, id: number) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1/imports/${id}/apply` });
type TreeUnit = { id: number; code: string; name: string; parentId: number | null; kind: string };
const tree = async (asOf: string) => (await get(w.board.cookie, `/api/v1/org/tree?asOf=${asOf}`)).json().units as TreeUnit[];

describe('org-unit import', () => {
  const [x, y, z] = [uniqueCode('X'), uniqueCode('Y'), uniqueCode('Z')];
  // Children listed before their parent: the import places parents first.
  const rows = () => [
    [y, 'Trường Tiểu học Thăng Long', 'TH Thăng Long', 'Đơn vị sự nghiệp công lập', x, '01/09/2021'],
    [x, 'Phường Hoàn Kiếm', '', 'Phường', topCode, '01/01/2021'],
    [z, 'Trạm Y tế phường Hoàn Kiếm', '', 'public_service_unit', x, '2021-03-01'],
  ];

  it('creates a small tree with history events and audit entries', async () => {
    const job = await importFile(ctx.app, w.board.cookie, 'org_units', await xlsxOf(UNIT_HEADER, rows()));
    expect(job.status).toBe('validated');
    expect(job.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
    const res = await apply(w.board.cookie, job.id);
    expect(res.json()).toMatchObject({ status: 'applied', created: 3 });
    const units = await tree('2022-01-01');
    const byCode = (c: string) => units.find((u) => u.code === c) as TreeUnit;
    expect(byCode(x)).toMatchObject({ name: 'Phường Hoàn Kiếm', parentId: w.top, kind: 'ward' });
    expect(byCode(y)).toMatchObject({ parentId: byCode(x).id, kind: 'public_service_unit' });
    expect(byCode(z).parentId).toBe(byCode(x).id);
    expect((await tree('2021-02-01')).some((u) => u.code === y)).toBe(false);
    const [{ n }] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'org.create' and after->>'importId' = $1`, [String(job.id)]);
    expect(n).toBe(3);
  });

  it('re-importing the same file changes nothing', async () => {
    const job = await importFile(ctx.app, w.board.cookie, 'org_units', await xlsxOf(UNIT_HEADER, rows()));
    expect(job.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
    expect((await apply(w.board.cookie, job.id)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('a rename keeps the old name as history: the tree as of an earlier date shows it', async () => {
    const renamed = rows();
    renamed[0] = [y, 'Trường Tiểu học Thăng Long Hoàn Kiếm', ...renamed[0].slice(2)];
    const job = await importFile(ctx.app, w.board.cookie, 'org_units', await xlsxOf(UNIT_HEADER, renamed));
    expect(job.counts).toEqual({ create: 0, update: 1, unchanged: 2 });
    expect(job.preview).toEqual([expect.objectContaining({ row: 2, action: 'update', key: y, fields: ['name'], before: expect.objectContaining({ name: 'Trường Tiểu học Thăng Long' }) })]);
    expect((await apply(w.board.cookie, job.id)).json()).toMatchObject({ updated: 1 });
    const today = cityToday();
    expect((await tree('2022-01-01')).find((u) => u.code === y)?.name).toBe('Trường Tiểu học Thăng Long');
    expect((await tree(today)).find((u) => u.code === y)?.name).toBe('Trường Tiểu học Thăng Long Hoàn Kiếm');
    const id = (await tree(today)).find((u) => u.code === y)?.id;
    const detail = (await get(w.board.cookie, `/api/v1/org/units/${id}`)).json();
    expect(detail.versions.map((v: { name: string; validTo: string | null }) => [v.name, v.validTo])).toEqual([
      ['Trường Tiểu học Thăng Long', today],
      ['Trường Tiểu học Thăng Long Hoàn Kiếm', null],
    ]);
    // Written by the org module's batch command: the same snapshot of the unit as a rename on the org page.
    const [entry] = await ctx.db.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `select before, after from audit_log where action = 'org.rename' and entity = 'org_unit' and entity_id = $1 and after->>'importId' = $2`,
      [String(id), String(job.id)],
    );
    const snapshot = ['code', 'kind', 'name', 'shortName', 'parentId', 'establishedOn', 'dissolvedOn', 'version'];
    expect(Object.keys(entry.before).sort()).toEqual([...snapshot].sort());
    expect(Object.keys(entry.after).sort()).toEqual([...snapshot, 'effectiveOn', 'importId'].sort());
    expect(entry.after).toMatchObject({ name: 'Trường Tiểu học Thăng Long Hoàn Kiếm', version: detail.unit.version, effectiveOn: today, dissolvedOn: null });
    expect(entry.before).toMatchObject({ name: 'Trường Tiểu học Thăng Long', version: detail.unit.version - 1 });
  });

  it('refuses cycles, unknown parents and historical kinds, naming row and column', async () => {
    const [p, q] = [uniqueCode('P'), uniqueCode('Q')];
    const job = await importFile(ctx.app, w.board.cookie, 'org_units', await xlsxOf(UNIT_HEADER, [
      [p, 'Đơn vị P', '', 'Khác', q, '01/01/2022'],
      [q, 'Đơn vị Q', '', 'Khác', p, '01/01/2022'],
      [uniqueCode('R'), 'Đơn vị R', '', 'Khác', 'KHONG-CO', '01/01/2022'],
      [uniqueCode('S'), 'Quận S', '', 'district', topCode, '01/01/2022'],
      [x, 'Phường Hoàn Kiếm', '', 'Phường', z, '01/01/2021'],
    ]));
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'Mã đơn vị cấp trên', 'parent_cycle'],
      [3, 'Mã đơn vị cấp trên', 'parent_cycle'],
      [4, 'Mã đơn vị cấp trên', 'unit_unknown'],
      [5, 'Loại đơn vị', 'kind_historical'],
      [6, 'Mã đơn vị cấp trên', 'parent_cycle'],
    ]);
    expect(job.errors[0].message).toBe('Dòng 2, cột "Mã đơn vị cấp trên": đơn vị cấp trên tạo thành vòng lặp');
    const [{ n }] = await ctx.db.query<{ n: number }>('select count(*)::int as n from org_unit where code = any($1::text[])', [[p, q]]);
    expect(n).toBe(0);
  });

  it('needs org.write: a unit officer gets 403', async () => {
    const res = await upload(ctx.app, w.officerA.cookie, '/api/v1/imports/org_units', await xlsxOf(UNIT_HEADER, rows()));
    expect(res.statusCode).toBe(403);
  });
});

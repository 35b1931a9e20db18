import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeWorld } from '../../../tests/support/factories.ts';
import { openInLibreOffice } from '../../../tests/support/libreoffice.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

it('the import template and the exported lists open in LibreOffice with Vietnamese text and dd/mm/yyyy dates', async () => {
  const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trường Tiểu học Lê Quý Đôn', kind: 'public_service_unit' });
  await makePerson(ctx.db, { unitId: unit, fullName: 'Đỗ Thị Ngọc Ánh', gender: 'female', birthDate: '1991-12-31', fromDate: '2021-03-15' });
  const download = async (url: string) => {
    const res = await call(ctx.app, w.board.cookie, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };
  const sheets = openInLibreOffice({
    'template.xlsx': await download('/api/v1/imports/templates/people'),
    'people.xlsx': await download(`/api/v1/exports/people?unitId=${unit}`),
    'units.xlsx': await download('/api/v1/exports/org-units?asOf=2025-01-01'),
  });
  expect(sheets['template.xlsx']).toMatch(/^Số CCCD,Họ và tên,Giới tính,Ngày sinh,Mã đơn vị/);
  expect(sheets['people.xlsx']).toContain('Đỗ Thị Ngọc Ánh,Nữ,31/12/1991');
  expect(sheets['people.xlsx']).toContain('15/03/2021');
  expect(sheets['units.xlsx']).toContain('Trường Tiểu học Lê Quý Đôn');
}, 180_000);

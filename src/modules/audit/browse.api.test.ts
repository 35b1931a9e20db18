import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('shows each entry with its unit\'s latest name, only the reader\'s units, a page at a time', async () => {
  const top = await makeUnit(ctx.db, { name: 'Thành phố Nhật ký' });
  const ward = await makeUnit(ctx.db, { parentId: top, name: 'Phường Cũ' });
  const other = await makeUnit(ctx.db, { parentId: top, name: 'Phường Khác' });
  const mine = await makePerson(ctx.db, { unitId: ward, fullName: 'Lý Văn Nhật' });
  const theirs = await makePerson(ctx.db, { unitId: other, fullName: 'Lý Thị Ký' });
  // The ward is renamed later: the log shows the name it has now.
  await ctx.db.query("update org_unit_version set valid_to = '2025-01-01' where unit_id = $1 and valid_to is null", [ward]);
  await ctx.db.query("insert into org_unit_version (unit_id, name, parent_id, valid_from) values ($1, 'Phường Mới', $2, '2025-01-01')", [ward, top]);
  const reader = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: ward }]);

  const first = await call(ctx.app, reader.cookie, { method: 'GET', url: '/api/v1/audit?entity=person&limit=1' });
  expect(first.statusCode, first.body).toBe(200);
  const page = first.json();
  expect(page.items).toHaveLength(1);
  expect(page.items[0]).toMatchObject({ entityId: String(mine.id), orgUnitId: ward, unitName: 'Phường Mới', action: 'person.create' });
  const all = (await call(ctx.app, reader.cookie, { method: 'GET', url: '/api/v1/audit?entity=person&limit=500' })).json();
  expect(all.items.map((i: { entityId: string }) => i.entityId)).not.toContain(String(theirs.id));
  expect(all.items.every((i: { orgUnitId: number }) => i.orgUnitId === ward)).toBe(true);
  expect(page.nextBeforeId === null).toBe(all.items.length === 1);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makeUnit, makeUser, uniqueCode } from '../../tests/support/factories.ts';
import { seedDemoClusters } from './demo-clusters.ts';

let ctx: TestContext;
const unitIds = new Map<string, number>();

// The demo's unit codes are the map's keys; the units get unique codes (the PostgreSQL test database is shared with
// files that seed the whole demo city, whose units hold the real codes).
beforeAll(async () => {
  ctx = await createTestContext();
  const city = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố Hà Nội (thử)', code: uniqueCode('HN') });
  unitIds.set('HN', city);
  for (let i = 1; i <= 30; i++) { const c = `D${String(i).padStart(2, '0')}`; unitIds.set(c, await makeUnit(ctx.db, { parentId: city, kind: 'district', name: `Quận ${i}`, code: uniqueCode(c) })); }
  for (let i = 1; i <= 16; i++) { const c = `S${String(i).padStart(2, '0')}`; unitIds.set(c, await makeUnit(ctx.db, { parentId: city, kind: 'department', name: `Sở ${i}`, code: uniqueCode(c) })); }
  for (const [c, n] of [['00256', 'Phường Hai Bà Trưng'], ['00331', 'Phường Hoàng Mai'], ['00292', 'Phường Bạch Mai'], ['00283', 'Phường Vĩnh Tuy'], ['00301', 'Phường Vĩnh Hưng'], ['00322', 'Phường Tương Mai'], ['00337', 'Phường Hoàng Liệt'], ['00340', 'Phường Yên Sở'], ['00328', 'Phường Lĩnh Nam'], ['00316', 'Phường Định Công'], ['00643', 'Phường Thanh Liệt']]) {
    unitIds.set(c, await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: n, code: uniqueCode(c) }));
  }
});
afterAll(() => ctx.close());

describe('demo clusters and blocks', () => {
  it('writes 5 cụm and 22 khối before the reform and the 2025 ward cluster, with head and deputy', async () => {
    const ids = await seedDemoClusters(ctx.db, unitIds);
    expect(ids).toHaveLength(28);
    const board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: unitIds.get('HN') as number }])).cookie;
    const y2024 = (await call(ctx.app, board, { method: 'GET', url: '/api/v1/clusters?year=2024' })).json().items as { kind: string; members: number; invented: boolean }[];
    expect(y2024.filter((c) => c.kind === 'cluster' && c.members === 6)).toHaveLength(5);
    expect(y2024.filter((c) => c.kind === 'block')).toHaveLength(22);
    const cum2 = (await call(ctx.app, board, { method: 'GET', url: `/api/v1/clusters/${ids[27]}/years/2025` })).json();
    expect(cum2.cluster).toMatchObject({ name: 'Cụm thi đua số 2 (phường, từ 01/7/2025)', invented: false, members: 11 });
    expect(cum2.role).toMatchObject({ headName: 'Phường Hai Bà Trưng', deputyName: 'Phường Hoàng Mai' });
    const khoi9 = (await call(ctx.app, board, { method: 'GET', url: `/api/v1/clusters/${ids[5 + 8]}/years/2024` })).json();
    expect(khoi9.cluster).toMatchObject({ name: 'Khối thi đua số 9', invented: false, members: 5 });
    expect(khoi9.role.headUnitId).toBe(unitIds.get('S14'));
  });
});

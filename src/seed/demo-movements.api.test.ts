import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makeUnit, makeUser } from '../../tests/support/factories.ts';
import { DEMO_MOVEMENTS, seedDemoMovements } from './demo-movements.ts';

let ctx: TestContext;
let ids: number[];
let specialist: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const units = new Map<string, number>();
  const city = await makeUnit(ctx.db, { kind: 'city_committee', name: 'Thành phố Hà Nội (thử)', code: `HN-${Date.now()}` });
  units.set('HN', city);
  for (const code of ['00004', '00008', '00025', '00070']) units.set(code, await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: `Phường ${code}` }));
  for (const code of ['S03', 'S04', 'S05', 'S07', 'S08', 'S10', 'S14']) units.set(code, await makeUnit(ctx.db, { parentId: city, kind: 'department', name: `Sở ${code}` }));
  ids = await seedDemoMovements(ctx.db, units);
  specialist = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: city }])).cookie;
}, 120_000);
afterAll(() => ctx.close());

describe('demo movements', () => {
  it('writes the four 2025 Hà Nội movements with weighted criteria, registrations and monthly reports', async () => {
    expect(ids).toHaveLength(4);
    const m = (await call(ctx.app, specialist, { method: 'GET', url: `/api/v1/movements/${ids[3]}` })).json();
    expect(m.planDocNumber).toBe('190/KH-UBND');
    expect(m.criteria.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBe(100);
    const d = (await call(ctx.app, specialist, { method: 'GET', url: `/api/v1/movements/${ids[1]}/dashboard?asOf=2025-12-31` })).json();
    expect(d.units).toBe(DEMO_MOVEMENTS[1].units.length);
    expect(d.periods.slice(0, 8).every((p: { reports: number }) => p.reports === DEMO_MOVEMENTS[1].units.length)).toBe(true);
    expect(d.periods.some((p: { late: number }) => p.late > 0)).toBe(true);
    expect(d.laggards.length).toBeGreaterThan(0);
  });
});

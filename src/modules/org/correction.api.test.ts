import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUnit, makeWorld } from '../../../tests/support/factories.ts';

// Issue 12 review: a change on the day of the unit's last change corrects it instead of being refused.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const get = (url: string) => call(ctx.app, w.board.cookie, { method: 'GET', url });
const patch = (id: number, payload: object) => call(ctx.app, w.board.cookie, { method: 'PATCH', url: `/api/v1/org/units/${id}`, payload });
const nameOn = async (id: number, asOf: string) => (await get(`/api/v1/org/tree?asOf=${asOf}`)).json().units.find((u: { id: number }) => u.id === id);
const version = async (id: number) => (await get(`/api/v1/org/units/${id}`)).json().unit.version as number;

describe('same-day correction of an org change', () => {
  it('replaces a rename made the same day; as-of reads use the correction, history keeps both', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trường Mầm non Sen Hồng', establishedOn: '2020-01-01' });
    const first = await patch(unit, { version: await version(unit), effectiveOn: '2025-07-01', name: 'Trường Mầm non Sen Hông' });
    expect(first.statusCode).toBe(200);
    const fix = await patch(unit, { version: await version(unit), effectiveOn: '2025-07-01', name: 'Trường Mầm non Sen Hồng Mới' });
    expect(fix.statusCode).toBe(200);
    expect((await nameOn(unit, '2025-07-01')).name).toBe('Trường Mầm non Sen Hồng Mới');
    expect((await nameOn(unit, '2026-01-01')).name).toBe('Trường Mầm non Sen Hồng Mới');
    expect((await nameOn(unit, '2025-06-30')).name).toBe('Trường Mầm non Sen Hồng');
    const detail = (await get(`/api/v1/org/units/${unit}`)).json();
    expect(detail.versions.map((v: { name: string; validTo: string | null }) => [v.name, v.validTo])).toEqual([
      ['Trường Mầm non Sen Hồng', '2025-07-01'],
      ['Trường Mầm non Sen Hồng Mới', null],
    ]);
    const renames = detail.events.filter((e: { kind: string }) => e.kind === 'rename');
    expect(renames).toHaveLength(2);
    expect(renames[1].correctsEventId).toBe(renames[0].id);
    // the corrected version is kept, not overwritten
    const rows = await ctx.db.query<{ name: string; corrects_id: number | null }>('select name, corrects_id from org_unit_version where unit_id = $1 order by id', [unit]);
    expect(rows.map((r) => r.name)).toEqual(['Trường Mầm non Sen Hồng', 'Trường Mầm non Sen Hông', 'Trường Mầm non Sen Hồng Mới']);
    expect(rows[2].corrects_id).not.toBeNull();
    const [log] = await ctx.db.query<{ before: { name: string }; after: { name: string; correctsEventId: number } }>(
      "select before, after from audit_log where action = 'org.correct' and entity_id = $1", [String(unit)]);
    expect(log.before.name).toBe('Trường Mầm non Sen Hông');
    expect(log.after).toMatchObject({ name: 'Trường Mầm non Sen Hồng Mới', correctsEventId: renames[0].id });
  });

  it('corrects a move made to the wrong parent the same day', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, establishedOn: '2020-01-01' });
    expect((await patch(unit, { version: await version(unit), effectiveOn: '2025-09-01', parentId: w.a1 })).statusCode).toBe(200);
    expect((await patch(unit, { version: await version(unit), effectiveOn: '2025-09-01', parentId: w.b })).statusCode).toBe(200);
    expect((await nameOn(unit, '2025-09-01')).parentId).toBe(w.b);
    expect((await nameOn(unit, '2025-08-31')).parentId).toBe(w.a);
    expect((await get(`/api/v1/org/units/${unit}`)).json().unit.parentId).toBe(w.b);
  });

  it('still refuses a change dated before the last change, and writes nothing', async () => {
    const unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Đơn vị Thử Sửa', establishedOn: '2020-01-01' });
    expect((await patch(unit, { version: await version(unit), effectiveOn: '2025-07-01', name: 'Đơn vị Thử Sửa Hai' })).statusCode).toBe(200);
    const v = await version(unit);
    const res = await patch(unit, { version: v, effectiveOn: '2025-06-30', name: 'Đơn vị Sai' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ORG_DATE_INVALID');
    expect(await version(unit)).toBe(v);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makePerson, makeUnit, makeWorld } from '../../tests/support/factories.ts';
import { DEFAULT_CITY_TIME_ZONE, setCityTimeZone, useFixedClock, useSystemClock } from '../shared/clock.ts';
import { defaultBackupName } from '../modules/backup/take.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

// 18:30 UTC on 1 January is 01:30 on 2 January in Hà Nội: the hours in which UTC and the city disagree.
const NIGHT = '2026-01-01T18:30:00Z';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
let newUnit: number;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
  // A unit that exists from 2 January only: in the tree of the city's today, not in the tree of UTC's.
  newUnit = await makeUnit(ctx.db, { parentId: w.top, name: 'Đơn vị từ mùng 2 tháng Giêng', establishedOn: '2026-01-02' });
  useFixedClock(NIGHT);
});
afterAll(async () => {
  useSystemClock();
  setCityTimeZone(DEFAULT_CITY_TIME_ZONE);
  await ctx.close();
});

const get = (url: string) => call(ctx.app, w.admin.cookie, { method: 'GET', url });

describe("one clock: the city's date wherever the server needs today", () => {
  it("the tree's default date and the eligibility panels' default asOf are the same day, 2 January", async () => {
    const tree = await get('/api/v1/org/tree');
    expect(tree.statusCode, tree.body).toBe(200);
    expect(tree.json().asOf).toBe('2026-01-02');
    expect(tree.json().units.map((u: { id: number }) => u.id)).toContain(newUnit);

    const person = await get(`/api/v1/people/${w.personA.id}/eligibility`);
    expect(person.statusCode, person.body).toBe(200);
    expect(person.json().asOf).toBe('2026-01-02');
    const unit = await get(`/api/v1/units/${w.a1}/eligibility`);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json().asOf).toBe('2026-01-02');
  });

  it('tells the zone to the web app (/auth/me) and the date to operators (/api/health)', async () => {
    expect((await get('/api/v1/auth/me')).json().timeZone).toBe('Asia/Ho_Chi_Minh');
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok', timeZone: 'Asia/Ho_Chi_Minh', today: '2026-01-02' });
  });

  it('dates the files it names by the city\'s clock: exports and backups', async () => {
    const units = await call(ctx.app, w.board.cookie, { method: 'GET', url: '/api/v1/exports/org-units' });
    expect(units.statusCode).toBe(200);
    expect(units.headers['content-disposition']).toContain('danh-sach-don-vi-2026-01-02.xlsx');
    const users = await call(ctx.app, w.admin.cookie, { method: 'GET', url: '/api/v1/exports/users' });
    expect(users.headers['content-disposition']).toContain('tai-khoan-20260102.xlsx');
    expect(defaultBackupName()).toBe('vinhdanh-backup-20260102-013000.tar');
  });

  it("names a person's current unit as it is called on the city's today, not the database's", async () => {
    // A rename effective on a day the database's own clock (current_date) has not reached yet.
    useFixedClock('2099-12-31T18:00:00Z');
    const unit = await makeUnit(ctx.db, { parentId: w.top, name: 'Phòng Cũ' });
    const { id } = await makePerson(ctx.db, { unitId: unit, fullName: 'Lê Văn Ngày' });
    const [{ version }] = await ctx.db.query<{ version: number }>('select version from org_unit where id = $1', [unit]);
    const renamed = await call(ctx.app, w.board.cookie, { method: 'PATCH', url: `/api/v1/org/units/${unit}`, payload: { version, name: 'Phòng Mới', effectiveOn: '2100-01-01' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const detail = await call(ctx.app, w.board.cookie, { method: 'GET', url: `/api/v1/people/${id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().employments[0].unitName).toBe('Phòng Mới');
    useFixedClock(NIGHT);
  });
});

describe('CITY_TIME_ZONE', () => {
  it('moves "today" with the configured zone', async () => {
    const other = await buildApp({ db: ctx.db, config: { ...loadConfig({ CITY_TIME_ZONE: 'America/New_York', WEB_DIST: '/nonexistent' }), logLevel: 'silent' } }, { logger: false });
    try {
      const tree = await call(other, w.admin.cookie, { method: 'GET', url: '/api/v1/org/tree' });
      expect(tree.json().asOf).toBe('2026-01-01');
      expect(tree.json().units.map((u: { id: number }) => u.id)).not.toContain(newUnit);
    } finally {
      await other.close();
      setCityTimeZone(DEFAULT_CITY_TIME_ZONE);
    }
  });

  it('stops the server from starting with a zone the runtime does not know, naming it', async () => {
    await expect(buildApp({ db: ctx.db, config: { ...loadConfig({ CITY_TIME_ZONE: 'Asia/Hanoi', WEB_DIST: '/nonexistent' }), logLevel: 'silent' } }, { logger: false }))
      .rejects.toThrow(/Unknown time zone: Asia\/Hanoi/);
  });
});

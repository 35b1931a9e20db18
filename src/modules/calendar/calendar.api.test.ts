import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { addWorkingDays, isWorkingDay, loadWorkingCalendar, workingDaysBetween } from './working-days.ts';

let ctx: TestContext;
let admin: { cookie: string };
let board: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  ctx = await createTestContext();
  const top = await makeUnit(ctx.db, { kind: 'city_committee' });
  admin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: top }]);
  board = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }]);
  viewer = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: top }]);
});
afterAll(async () => ctx?.close());

/** The rows of data/holidays-vn.csv (quoted fields may hold commas). */
function csvRows(): { date: string; kind: string; name: string }[] {
  const text = readFileSync(new URL('./data/holidays-vn.csv', import.meta.url), 'utf8').trim();
  return text.split('\n').slice(1).map((line) => {
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    return { date: cells[0], kind: cells[1], name: cells[2] };
  });
}

describe('working days on the seeded calendar', () => {
  it('holds the seed equal to data/holidays-vn.csv', async () => {
    const rows = await ctx.db.query<{ day: string; kind: string; name: string }>(
      "select day, kind, name from calendar_day where day between '2024-01-01' and '2027-12-31' and not removed order by day",
    );
    expect(rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name }))).toEqual(csvRows());
  });

  it('skips Tết 2026 (16–20 Feb) and counts it out', async () => {
    expect(await isWorkingDay(ctx.db, '2026-02-13')).toBe(true);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(await isWorkingDay(ctx.db, d)).toBe(false);
    expect(await addWorkingDays(ctx.db, '2026-02-13', 1)).toBe('2026-02-23');
    // 10 working days from Tuesday 10 Feb: 11–13 Feb, then 23–27 Feb, then 2–3 Mar.
    expect(await addWorkingDays(ctx.db, '2026-02-10', 10)).toBe('2026-03-03');
    expect(await workingDaysBetween(ctx.db, '2026-02-10', '2026-03-03')).toBe(10);
    expect(await workingDaysBetween(ctx.db, '2026-03-03', '2026-02-10')).toBe(-10);
    expect(await addWorkingDays(ctx.db, '2026-03-03', -10)).toBe('2026-02-10');
  });

  it('knows National Day 2026 with its swapped day and the Saturday worked for it', async () => {
    expect(await isWorkingDay(ctx.db, '2026-09-02')).toBe(false);
    expect(await isWorkingDay(ctx.db, '2026-09-01')).toBe(false);
    expect(await isWorkingDay(ctx.db, '2026-08-31')).toBe(false); // compensatory (hoán đổi)
    expect(await isWorkingDay(ctx.db, '2026-08-22')).toBe(true); // Saturday worked (làm bù)
    expect(await isWorkingDay(ctx.db, '2026-08-23')).toBe(false); // an ordinary Sunday
    expect(await addWorkingDays(ctx.db, '2026-08-28', 1)).toBe('2026-09-03');
    // After Fri 21 Aug: Sat 22, 24–28 Aug, Thu 3 and Fri 4 Sep.
    expect(await workingDaysBetween(ctx.db, '2026-08-21', '2026-09-04')).toBe(8);
  });

  it('gives the compensatory day when a holiday falls on a Sunday, and crosses years', async () => {
    expect(await isWorkingDay(ctx.db, '2026-04-27')).toBe(false); // Giỗ Tổ on Sunday 26/04 → Monday off
    expect(await isWorkingDay(ctx.db, '2026-01-02')).toBe(false);
    expect(await isWorkingDay(ctx.db, '2026-01-10')).toBe(true);
    // Wed 30 Dec 2026 + 2: Thu 31 Dec, (Fri 1 Jan 2027 off, weekend), Mon 4 Jan.
    expect(await addWorkingDays(ctx.db, '2026-12-30', 2)).toBe('2027-01-04');
    const cal = await loadWorkingCalendar(ctx.db, 2026, 2026);
    expect(cal.addWorkingDays('2026-05-01', 0)).toBe('2026-05-01');
    // After Fri 24 Apr: Mon 27 off (compensatory), 28 and 29 Apr, Thu 30/4 and Fri 1/5 off, Mon 4 May.
    expect(cal.workingDaysBetween('2026-04-24', '2026-05-04')).toBe(3);
  });
});

describe('calendar routes', () => {
  // A far year, so tests of other modules on a shared PostgreSQL database never meet these days.
  const thursday = '2098-01-02';
  const saturday = '2098-01-04';

  it('lets everyone signed in read a year, and nobody signed out', async () => {
    const res = await call(ctx.app, viewer.cookie, { method: 'GET', url: '/api/v1/calendar/days?year=2026' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.weekendsOff).toBe(true);
    expect(body.days.map((d: { date: string }) => d.date)).toContain('2026-09-02');
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-17').kind).toBe('holiday');
    expect((await call(ctx.app, null, { method: 'GET', url: '/api/v1/calendar/days?year=2026' })).statusCode).toBe(401);
  });

  it('lets the admin add and remove a day off, audited, with the version checked', async () => {
    expect(await isWorkingDay(ctx.db, thursday)).toBe(true);
    const added = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: thursday, kind: 'holiday', name: 'Ngày nghỉ thử' } });
    expect(added.statusCode).toBe(201);
    const day = added.json();
    expect(day).toMatchObject({ date: thursday, kind: 'holiday', name: 'Ngày nghỉ thử', version: 1 });
    expect(await isWorkingDay(ctx.db, thursday)).toBe(false);

    const again = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: thursday, kind: 'holiday', name: 'Lần hai' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CALENDAR_DAY_EXISTS');

    const stale = await call(ctx.app, admin.cookie, { method: 'DELETE', url: `/api/v1/calendar/days/${thursday}?version=7` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const removed = await call(ctx.app, admin.cookie, { method: 'DELETE', url: `/api/v1/calendar/days/${thursday}?version=${day.version}` });
    expect(removed.statusCode).toBe(200);
    expect(await isWorkingDay(ctx.db, thursday)).toBe(true);
    expect((await call(ctx.app, admin.cookie, { method: 'DELETE', url: `/api/v1/calendar/days/${thursday}?version=2` })).statusCode).toBe(404);

    // Added back: the same row, its version goes on.
    const back = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: thursday, kind: 'compensatory_day_off', name: 'Nghỉ bù thử' } });
    expect(back.json()).toMatchObject({ id: day.id, kind: 'compensatory_day_off', version: 3 });
    const log = await ctx.db.query<{ action: string }>("select action from audit_log where entity = 'calendar_day' and entity_id = $1 order by id", [String(day.id)]);
    expect(log.map((r) => r.action)).toEqual(['calendar.add', 'calendar.remove', 'calendar.add']);
    await call(ctx.app, admin.cookie, { method: 'DELETE', url: `/api/v1/calendar/days/${thursday}?version=3` });
  });

  it('adds a make-up working Saturday, and refuses a kind that does not fit the weekday', async () => {
    const wrong = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: saturday, kind: 'holiday', name: 'Lễ vào thứ Bảy' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('CALENDAR_DAY_KIND_MISMATCH');
    const weekday = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: thursday, kind: 'working_saturday', name: 'Làm bù thứ Năm' } });
    expect(weekday.statusCode).toBe(400);
    expect(await isWorkingDay(ctx.db, saturday)).toBe(false);
    const ok = await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: saturday, kind: 'working_saturday', name: 'Làm bù' } });
    expect(ok.statusCode).toBe(201);
    expect(await isWorkingDay(ctx.db, saturday)).toBe(true);
    await call(ctx.app, admin.cookie, { method: 'DELETE', url: `/api/v1/calendar/days/${saturday}?version=${ok.json().version}` });
  });

  it('refuses anyone but the admin', async () => {
    for (const who of [board, viewer]) {
      const res = await call(ctx.app, who.cookie, { method: 'POST', url: '/api/v1/calendar/days', payload: { date: thursday, kind: 'holiday', name: 'Không được' } });
      expect(res.statusCode).toBe(403);
      const del = await call(ctx.app, who.cookie, { method: 'DELETE', url: '/api/v1/calendar/days/2026-09-02?version=1' });
      expect(del.statusCode).toBe(403);
    }
    expect(await isWorkingDay(ctx.db, '2026-09-02')).toBe(false);
  });
});

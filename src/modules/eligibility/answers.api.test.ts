// Every eligibility route answers exactly what its use case returns (the response schemas in schema.ts drop
// nothing and add nothing), and the caps are counted with a constant number of statements, set-based.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import type { Db } from '../../server/db.ts';
import type { AuthUser, Role } from '../auth/roles.ts';
import { resolveScope } from '../auth/scope.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { settingsView } from './settings-view.ts';
import { checkEligibility } from '../rules/engine.ts';
import { discoveryPage } from './discovery-list.ts';
import { quotasVisibleTo } from './quotas-repo.ts';
import { ZDiscoveryQuery } from './schema.ts';
import { awardsOn, batchCheck, personPanel, unitPanel } from './service.ts';

let ctx: TestContext;
let top: number;
let branch: number;
let team: number;
let officer: { id: number; username: string; cookie: string };
let admin: { id: number; username: string; cookie: string };

/** As the wire carries it: what JSON keeps of a value (undefined dropped, Infinity → null). */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value));
const asUser = (u: { id: number; username: string }, role: Role, orgUnitId: number): AuthUser => ({ id: u.id, username: u.username, displayName: u.username, locale: 'vi', mustChangePassword: false, mfaEnabled: false, roles: [{ role, orgUnitId }] });

async function history(db: Db, personId: number, unitId: number, years: Record<number, { rating: string; titles?: string[] }>) {
  for (const [year, v] of Object.entries(years)) {
    await db.query('insert into person_year_rating (person_id, year, rating, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), v.rating, unitId]);
    for (const t of v.titles ?? []) await db.query('insert into person_title (person_id, year, title_code, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), t, unitId]);
  }
}

/** The statements `work` sends through the app's database handle. */
async function statementsOf(db: Db, work: () => Promise<unknown>): Promise<number> {
  const original = db.query.bind(db);
  let n = 0;
  db.query = ((sql: string, params?: unknown[]) => {
    n++;
    return original(sql, params);
  }) as Db['query'];
  try {
    await work();
  } finally {
    db.query = original as Db['query'];
  }
  return n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { name: 'Thành phố Hợp đồng' });
  branch = await makeUnit(ctx.db, { parentId: top, name: 'Sở Hợp đồng' });
  team = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Hợp đồng' });
  officer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: branch }]);
  admin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: top }]);
  for (let i = 0; i < 4; i++) {
    const p = await makePerson(ctx.db, { unitId: team, fullName: `Đặng Thị Hợp ${i}`, gender: 'female', fromDate: '2016-01-01', isLeader: i === 0 });
    await history(ctx.db, p.id, team, { 2023: { rating: 'good', titles: ['advanced_worker'] }, 2024: { rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'] }, 2025: { rating: i % 2 ? 'excellent' : 'good' } });
  }
  await ctx.db.query("insert into unit_year_rating (unit_id, year, rating) values ($1, 2025, 'excellent')", [team]);
});
afterAll(() => ctx.close());

describe('each answer is the use case\'s, field for field', () => {
  it('POST /eligibility/check, with unmet criteria and their gaps', async () => {
    const payload = { award: 'ministerial_provincial_emulation_fighter', asOf: '2026-01-10', subject: { kind: 'individual', gender: 'male', category: 'civil_servant', startedOn: '2010-01-01', underReview: false }, years: [{ year: 2025, rating: 'good', monthsWorked: 12, initiatives: [] }], awards: [] };
    const res = await call(ctx.app, officer.cookie, { method: 'POST', url: '/api/v1/eligibility/check', payload });
    expect(res.statusCode, res.body).toBe(200);
    const direct = checkEligibility(payload as Parameters<typeof checkEligibility>[0], { settings: await currentSettings(ctx.db) });
    expect(res.json()).toEqual(wire(direct));
    expect(JSON.stringify(res.json().criteria)).toContain('"gap":');
  });

  it('GET /eligibility/awards', async () => {
    const res = await call(ctx.app, officer.cookie, { method: 'GET', url: '/api/v1/eligibility/awards?asOf=2026-01-10' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(wire(awardsOn('2026-01-10')));
  });

  it('GET /people/:id/eligibility and /units/:id/eligibility', async () => {
    const [{ id }] = await ctx.db.query<{ id: number }>('select id from person where current_unit_id = $1 order by id limit 1', [team]);
    const settings = await currentSettings(ctx.db);
    const person = await call(ctx.app, officer.cookie, { method: 'GET', url: `/api/v1/people/${id}/eligibility?asOf=2026-01-10&year=2025` });
    expect(person.statusCode, person.body).toBe(200);
    expect(person.json()).toEqual(wire(await personPanel(ctx.db, { all: true }, id, '2026-01-10', 2025, settings)));
    const unit = await call(ctx.app, officer.cookie, { method: 'GET', url: `/api/v1/units/${team}/eligibility?asOf=2026-01-10&year=2025` });
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json()).toEqual(wire(await unitPanel(ctx.db, { all: true }, team, '2026-01-10', 2025, settings)));
  });

  it('POST /eligibility/batch, with a cap exceeded', async () => {
    const people = await ctx.db.query<{ id: number }>('select id from person where current_unit_id = $1 order by id', [team]);
    expect((await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'grassroots_emulation_fighter', unitId: team, year: 2025, max: 1, basis: 'Kế hoạch của Phòng' } })).statusCode).toBe(201);
    const items = people.map((p) => ({ personId: p.id, award: 'grassroots_emulation_fighter' }));
    const res = await call(ctx.app, officer.cookie, { method: 'POST', url: '/api/v1/eligibility/batch', payload: { asOf: '2026-01-10', year: 2025, items } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().quotaViolations).toHaveLength(1);
    expect(res.json()).toEqual(wire(await batchCheck(ctx.db, { all: true }, '2026-01-10', 2025, items, await currentSettings(ctx.db))));
  });

  it('GET /discovery', async () => {
    const url = `/api/v1/discovery?unitId=${team}&year=2025&asOf=2026-01-10&pageSize=3&page=1`;
    const res = await call(ctx.app, officer.cookie, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.length).toBeGreaterThan(0);
    const query = ZDiscoveryQuery.parse(Object.fromEntries(new URL(url, 'http://x').searchParams));
    expect(res.json()).toEqual(wire(await discoveryPage(ctx.db, { all: true }, query)));
  });

  it('GET /catalogue/settings and PUT /catalogue/settings/:key', async () => {
    const res = await call(ctx.app, officer.cookie, { method: 'GET', url: '/api/v1/catalogue/settings' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(wire({ settings: await settingsView(ctx.db) }));
    const before = (await settingsView(ctx.db)).find((s) => s.key === 'capital_citizen_quota_per_year');
    const put = await call(ctx.app, admin.cookie, { method: 'PUT', url: '/api/v1/catalogue/settings/capital_citizen_quota_per_year', payload: { value: 12, version: before?.version } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(wire((await settingsView(ctx.db)).find((s) => s.key === 'capital_citizen_quota_per_year')));
    expect(put.json()).toMatchObject({ value: 12, updatedBy: admin.username });
  });

  it('GET /quotas', async () => {
    const res = await call(ctx.app, officer.cookie, { method: 'GET', url: '/api/v1/quotas?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const scope = await resolveScope(ctx.db, asUser(officer, 'unit_officer', branch), 'eligibility.read');
    expect(res.json()).toEqual(wire({ year: 2025, quotas: await quotasVisibleTo(ctx.db, scope, [branch], await currentSettings(ctx.db), 2025) }));
  });
});

describe('caps', () => {
  it('counts what is used under each cap: its subtree, its kind (titles by year, forms by decision year), revoked ones left out', async () => {
    const unit = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Đếm' });
    const below = await makeUnit(ctx.db, { parentId: unit, name: 'Tổ Đếm' });
    const beside = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Bên cạnh' });
    const inUnit = await makePerson(ctx.db, { unitId: unit, fullName: 'Ngô Văn Đếm' });
    const inBelow = await makePerson(ctx.db, { unitId: below, fullName: 'Ngô Thị Dưới' });
    const inBeside = await makePerson(ctx.db, { unitId: beside, fullName: 'Ngô Văn Cạnh' });
    const title = (personId: number, unitId: number | null, year: number, revoked = false) =>
      ctx.db.query(`insert into person_title (person_id, year, title_code, unit_id, revoked_on) values ($1, $2, 'advanced_worker', $3, ${revoked ? "'2025-06-01'" : 'null'})`, [personId, year, unitId]);
    await title(inUnit.id, unit, 2024);
    await title(inBelow.id, null, 2024); // no unit on the title: the person's current unit counts
    await title(inBeside.id, beside, 2024);
    await title(inUnit.id, unit, 2023);
    await title(inBelow.id, below, 2024, true);
    await ctx.db.query("insert into unit_title (unit_id, year, title_code) values ($1, 2024, 'advanced_worker')", [below]);
    await ctx.db.query("insert into award_record (person_id, form_code, decision_date) values ($1, 'ministerial_provincial_certificate_of_merit', '2024-11-20'), ($2, 'ministerial_provincial_certificate_of_merit', '2025-01-05')", [inUnit.id, inBelow.id]);
    const caps = [
      { award: 'advanced_worker', unitId: unit, year: 2024, max: 50, basis: 'Cap A' },
      { award: 'advanced_worker', unitId: below, year: null, max: 50, basis: 'Cap B' },
      { award: 'ministerial_provincial_certificate_of_merit', unitId: unit, year: 2024, max: 50, basis: 'Cap C' },
    ];
    for (const payload of caps) expect((await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload })).statusCode).toBe(201);
    const quotas = (await call(ctx.app, admin.cookie, { method: 'GET', url: '/api/v1/quotas?year=2024' })).json().quotas as { basis: string; used: number | null; usedYear: number }[];
    const used = (basis: string) => quotas.find((q) => q.basis === basis);
    expect(used('Cap A')).toMatchObject({ used: 3, usedYear: 2024 }); // two persons' titles and the collective's; not 2023, not beside, not revoked
    expect(used('Cap B')).toMatchObject({ used: 2, usedYear: 2024 }); // the person's title without a unit, and the collective's
    expect(used('Cap C')).toMatchObject({ used: 1, usedYear: 2024 }); // the form decided in 2024 only
  });

  it('lists the caps with a constant number of statements, whatever their number', async () => {
    const list = () => call(ctx.app, admin.cookie, { method: 'GET', url: '/api/v1/quotas?year=2025' });
    const before = await statementsOf(ctx.db, list);
    for (let i = 0; i < 6; i++) {
      await call(ctx.app, admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: i % 2 ? 'advanced_worker' : 'ministerial_provincial_certificate_of_merit', unitId: i % 3 ? team : branch, year: 2025, max: 5, basis: `Cap ${i}` } });
    }
    const after = await statementsOf(ctx.db, list);
    expect((await list()).json().quotas.length).toBeGreaterThan(6);
    expect(after).toBe(before);
  });
});

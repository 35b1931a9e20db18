import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { openInLibreOffice } from '../../../tests/support/libreoffice.ts';
import type { Db } from '../../server/db.ts';
import { defaultSettings } from '../catalogue/settings.ts';
import { type DiscoveryHit, discover } from './discovery.ts';
import { discoveryWorker } from './discovery-pool.ts';
import { subtreeInScope } from './service.ts';

let ctx: TestContext;
let admin: string;
let officer: string;
let outsider: string;
let branch: number;
let team: number;
let other: number;

/** Ratings and titles for a person, one row per year. */
async function history(db: Db, personId: number, unitId: number, years: Record<number, { rating: string; titles?: string[] }>) {
  for (const [year, v] of Object.entries(years)) {
    await db.query('insert into person_year_rating (person_id, year, rating, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), v.rating, unitId]);
    for (const t of v.titles ?? []) await db.query('insert into person_title (person_id, year, title_code, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), t, unitId]);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  const top = await makeUnit(ctx.db, { name: 'Thành phố thử' });
  branch = await makeUnit(ctx.db, { parentId: top, name: 'Sở Thử nghiệm' });
  team = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Một cửa' });
  other = await makeUnit(ctx.db, { parentId: top, name: 'Sở Khác' });
  admin = (await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: top }])).cookie;
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: branch }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

describe('POST /eligibility/check', () => {
  it('answers the contract: the example input gives a result with criteria, bases and the rule set', async () => {
    const res = await call(ctx.app, officer, {
      method: 'POST', url: '/api/v1/eligibility/check',
      payload: { award: 'grassroots_emulation_fighter', asOf: '2025-12-15', subject: { kind: 'individual', gender: 'female', category: 'public_employee', isLeader: false, startedOn: '2019-09-01', underReview: false }, years: [{ year: 2025, rating: 'excellent', monthsWorked: 12, leave: [{ kind: 'maternity', months: 6 }], titles: ['advanced_worker'], initiatives: [{ scope: 'grassroots', usedFor: null }], scienceProjects: [{ scope: 'grassroots', accepted: true }], discipline: [] }], awards: [] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ award: 'grassroots_emulation_fighter', ruleSet: 'law-06-2022/decree-152-2025', eligible: true, missing: [] });
    expect(body.criteria.map((c: { id: string }) => c.id)).toContain('excellent_or_initiative');
    expect(body.criteria.every((c: { basis: string; reason: string }) => c.basis.length > 0 && c.reason.length > 0)).toBe(true);
    expect(body.reasonVi).toMatch(/Đủ điều kiện/);
  });

  it('refuses bad input naming the field, and an unknown award with a stable code', async () => {
    const bad = await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2025-13-45', subject: { kind: 'individual' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('asOf');
    const unknown = await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'nobel_prize', asOf: '2025-12-15', subject: { kind: 'individual' } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_AWARD');
    const early = await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2023-05-01', subject: { kind: 'individual' } } });
    expect(early.json().error.code).toBe('NO_RULE_SET');
  });

  it('needs a session', async () => {
    expect((await call(ctx.app, null, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual' } } })).statusCode).toBe(401);
  });
});

describe('person and unit panels', () => {
  it('lists every individual award for a person from the stored history, in scope only', async () => {
    const p = await makePerson(ctx.db, { unitId: team, fullName: 'Trần Thị Minh Khuê', gender: 'female', fromDate: '2015-01-01' });
    await history(ctx.db, p.id, team, { 2023: { rating: 'excellent', titles: ['advanced_worker'] }, 2024: { rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'] }, 2025: { rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'] } });
    const res = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/people/${p.id}/eligibility?asOf=2026-01-10&year=2025` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.subject).toMatchObject({ kind: 'individual', id: p.id, name: 'Trần Thị Minh Khuê' });
    const fighter = body.results.find((r: { award: string }) => r.award === 'ministerial_provincial_emulation_fighter');
    expect(fighter.eligible).toBe(false);
    expect(fighter.stepsAway).toBe(2); // one more CSTĐCS year and a city-scope initiative
    expect(fighter.missing.join(' ')).toMatch(/Thêm 1 lần liên tục Chiến sĩ thi đua cơ sở/);
    const worker = body.results.find((r: { award: string }) => r.award === 'advanced_worker');
    expect(worker.criteria.find((c: { id: string }) => c.id === 'not_already_awarded').reason).toContain('2025');

    const hidden = await call(ctx.app, outsider, { method: 'GET', url: `/api/v1/people/${p.id}/eligibility?asOf=2026-01-10` });
    expect(hidden.statusCode).toBe(404);
  });

  it('computes a collective from its members: 9 of 13 advanced workers is one step from Tập thể lao động tiên tiến', async () => {
    const unit = await makeUnit(ctx.db, { parentId: branch, name: 'Tổ Mười ba' });
    await ctx.db.query("insert into unit_year_rating (unit_id, year, rating) values ($1, 2025, 'good')", [unit]);
    for (let i = 0; i < 13; i++) {
      const m = await makePerson(ctx.db, { unitId: unit, fullName: `Thành Viên ${i}`, fromDate: '2020-01-01' });
      await history(ctx.db, m.id, unit, { 2025: { rating: i < 9 ? 'good' : 'completed', titles: i < 9 ? ['advanced_worker'] : [] } });
    }
    const res = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/units/${unit}/eligibility?asOf=2026-01-10&year=2025` });
    expect(res.statusCode, res.body).toBe(200);
    const alc = res.json().results.find((r: { award: string }) => r.award === 'advanced_labor_collective');
    expect(alc.eligible).toBe(false);
    expect(alc.stepsAway).toBe(1);
    expect(alc.criteria.find((c: { id: string }) => c.id === 'members_advanced_share').reason).toMatch(/9\/13.*69,2%/);
  });
});

describe('discovery', () => {
  it('finds an unproposed direct worker, filters by leader, and exports the list', async () => {
    const unit = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Phát hiện' });
    const worker = await makePerson(ctx.db, { unitId: unit, fullName: 'Lê Văn Chưa Đề Nghị', fromDate: '2018-01-01' });
    await history(ctx.db, worker.id, unit, { 2025: { rating: 'good' } });
    await ctx.db.query("update person set current_unit_id = $2 where id = $1", [worker.id, unit]);
    const boss = await makePerson(ctx.db, { unitId: unit, fullName: 'Phạm Thị Trưởng Phòng', isLeader: true, gender: 'female', fromDate: '2018-01-01' });
    await history(ctx.db, boss.id, unit, { 2025: { rating: 'good' } });

    const res = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/discovery?unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker&status=eligible` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { name: string }) => r.name).sort()).toEqual(['Lê Văn Chưa Đề Nghị', 'Phạm Thị Trưởng Phòng']);
    const w = body.rows.find((r: { personId: number }) => r.personId === worker.id);
    expect(w).toMatchObject({ status: 'eligible', isLeader: false, highlight: true, award: 'advanced_worker' });
    expect(body.rows[0].personId).toBe(worker.id); // direct workers first

    const direct = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/discovery?unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker&leader=false` });
    expect(direct.json().rows.every((r: { isLeader: boolean }) => r.isLeader === false)).toBe(true);

    const women = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/discovery?unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker&gender=female` });
    expect(women.json().rows.map((r: { name: string }) => r.name)).toEqual(['Phạm Thị Trưởng Phòng']);

    const file = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/discovery/export.xlsx?unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker` });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const names = [sheet.getRow(3).getCell(2).value, sheet.getRow(4).getCell(2).value];
    expect(names).toContain('Lê Văn Chưa Đề Nghị');
    expect(sheet.getRow(2).getCell(6).value).toBe('Danh hiệu / hình thức');
    // A real spreadsheet: LibreOffice opens it and shows the Vietnamese text intact.
    const csv = openInLibreOffice({ 'discovery.xlsx': file.rawPayload })['discovery.xlsx'];
    expect(csv).toContain('Lê Văn Chưa Đề Nghị');
    expect(csv).toContain('Người lao động trực tiếp');
    expect(csv).toContain('Lao động tiên tiến');
  });

  it('gives the same hits whether batches are evaluated in the worker thread or in process', async () => {
    const settings = defaultSettings();
    const filter = { unitIds: await subtreeInScope(ctx.db, { all: true }, branch), year: 2025, asOf: '2026-01-10' };
    const viaWorker: DiscoveryHit[] = [];
    const inProcess: DiscoveryHit[] = [];
    // The thread really answers (a failing worker would silently fall back to in-process evaluation).
    const pool = discoveryWorker();
    expect(pool).not.toBeNull();
    await expect(pool?.evaluate('units', [], { filter, settings, awards: { individual: [], collective: ['advanced_labor_collective'] } })).resolves.toEqual([]);
    await discover(ctx.db, filter, { settings, onHit: (h) => viaWorker.push(h), worker: true });
    await discover(ctx.db, filter, { settings, onHit: (h) => inProcess.push(h), worker: false });
    expect(viaWorker.length).toBeGreaterThan(0);
    expect(viaWorker).toEqual(inProcess);
  });

  it('explains only the page shown, with the reasons of the subject\'s own panel', async () => {
    const unit = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Nhiều Người' });
    for (let i = 0; i < 7; i++) {
      const p = await makePerson(ctx.db, { unitId: unit, fullName: `Nguyễn Văn Trang ${i}`, fromDate: '2016-01-01' });
      // Two consecutive grassroots fighters: one more year short of the city title; excellent in 2025 for some.
      await history(ctx.db, p.id, unit, { 2023: { rating: 'good' }, 2024: { rating: 'excellent', titles: ['grassroots_emulation_fighter'] }, 2025: { rating: i % 2 ? 'excellent' : 'good' } });
    }
    const url = `/api/v1/discovery?unitId=${unit}&year=2025&asOf=2026-01-10&subject=individual`;
    const all = (await call(ctx.app, officer, { method: 'GET', url: `${url}&pageSize=500` })).json();
    expect(all.total).toBeGreaterThan(3);
    const page2 = await call(ctx.app, officer, { method: 'GET', url: `${url}&pageSize=3&page=2` });
    expect(page2.statusCode, page2.body).toBe(200);
    const body = page2.json();
    expect(body.total).toBe(all.total);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(all.rows.slice(3, 6).map((r: { key: string }) => r.key));
    for (const row of body.rows) {
      const panel = (await call(ctx.app, officer, { method: 'GET', url: `/api/v1/people/${row.personId}/eligibility?asOf=2026-01-10&year=2025` })).json();
      const result = panel.results.find((r: { award: string }) => r.award === row.award);
      expect(row.reasonVi).toBe(result.reasonVi);
      expect(row.reasonEn).toBe(result.reasonEn);
      expect(row.missing).toEqual(result.missing);
      expect(row.awardName).toBe(result.awardName);
      expect(row.status === 'near' ? result.stepsAway : result.eligible).toBe(row.status === 'near' ? 1 : row.status === 'eligible' ? true : 'needs_review');
    }
  });

  it('keeps a unit outside the scope out (404)', async () => {
    const res = await call(ctx.app, outsider, { method: 'GET', url: `/api/v1/discovery?unitId=${team}&year=2025` });
    expect(res.statusCode).toBe(404);
  });
});

describe('settings and quotas', () => {
  it('lets only the system admin change a setting, audits it, detects a stale version, and the engine uses it', async () => {
    const KEY = 'new_recruit_min_months_tt15_2025';
    const url = `/api/v1/catalogue/settings/${KEY}`;
    const list = (await call(ctx.app, officer, { method: 'GET', url: '/api/v1/catalogue/settings' })).json().settings;
    expect(list.map((s: { key: string }) => s.key)).not.toContain('new_recruit_min_months');
    const months = list.find((s: { key: string }) => s.key === KEY);
    expect(months).toMatchObject({ value: 6, uncertain: true });
    expect(months.basis).toContain('TT 15/2025/TT-BNV');
    expect((await call(ctx.app, officer, { method: 'PUT', url, payload: { value: 4, version: months.version } })).statusCode).toBe(403);
    const bad = await call(ctx.app, admin, { method: 'PUT', url, payload: { value: 40, version: months.version } });
    expect(bad.statusCode).toBe(400);
    const ok = await call(ctx.app, admin, { method: 'PUT', url, payload: { value: 4, version: months.version } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ value: 4, version: months.version + 1 });
    const stale = await call(ctx.app, admin, { method: 'PUT', url, payload: { value: 5, version: months.version } });
    expect(stale.statusCode).toBe(409);
    const [row] = await ctx.db.query<{ before: { value: number }; after: { value: number } }>("select before, after from audit_log where action = 'setting.update' order by id desc limit 1");
    expect(row).toMatchObject({ before: { value: 6 }, after: { value: 4 } });
    // Recruited on 01/08/2025: 5 months by the end of 2025, a new recruit under 6 months, but not under 4.
    const recruit = { award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual', recruitedOn: '2025-08-01', underReview: false }, years: [{ year: 2025, rating: 'good', monthsWorked: 5 }] };
    expect((await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: recruit })).json().eligible).toBe(true);
    await call(ctx.app, admin, { method: 'PUT', url, payload: { value: 6, version: months.version + 1 } });
    expect((await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: recruit })).json().eligible).toBe(false);
  });

  it('checks a batch against a cap and names the cap and its basis; duplicates inside the batch are caught', async () => {
    const unit = await makeUnit(ctx.db, { parentId: branch, name: 'Phòng Hạn mức' });
    const people = [];
    for (let i = 0; i < 3; i++) {
      const p = await makePerson(ctx.db, { unitId: unit, fullName: `Người Hạn Mức ${i}`, fromDate: '2018-01-01' });
      await history(ctx.db, p.id, unit, { 2025: { rating: 'excellent' } });
      people.push(p.id);
    }
    const created = await call(ctx.app, admin, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'grassroots_emulation_fighter', unitId: unit, year: 2025, max: 2, basis: 'Kế hoạch thi đua 2025 của Sở' } });
    expect(created.statusCode, created.body).toBe(201);
    const res = await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/batch', payload: { asOf: '2026-01-10', year: 2025, items: [...people.map((personId) => ({ personId, award: 'grassroots_emulation_fighter' })), { personId: people[0], award: 'grassroots_emulation_fighter' }] } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.quotaViolations).toHaveLength(1);
    expect(body.quotaViolations[0]).toMatchObject({ award: 'grassroots_emulation_fighter', max: 2, count: 4, year: 2025 });
    expect(body.quotaViolations[0].messageVi).toContain('Kế hoạch thi đua 2025 của Sở');
    expect(body.items[3].result.eligible).toBe(false);
    expect(body.items[3].result.reasonVi).toMatch(/hồ sơ đề nghị/);
    const quotas = (await call(ctx.app, officer, { method: 'GET', url: '/api/v1/quotas?year=2025' })).json().quotas;
    expect(quotas.find((q: { award: string }) => q.award === 'outstanding_capital_citizen')).toMatchObject({ max: 10, unitId: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../tests/support/db.ts';
import { verifyAuditChain } from '../modules/audit/audit.ts';
import { verifyPassword } from '../modules/auth/passwords.ts';
import type { Db } from '../server/db.ts';
import { checkCccd } from '../shared/cccd.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { seedDemoCity } from './demo-city.ts';
import { buildOrgPlan, readCommunes } from './org-plan.ts';
import { generatePeople } from './people-gen.ts';
import { createRng } from './random.ts';
import type { SeedResult } from './seed-if-empty.ts';

let db: Db;
let result: SeedResult;

beforeAll(async () => {
  db = await openTestDb();
  result = await seedDemoCity(db, { people: 500 });
});
afterAll(() => db.close());

const activeOn = async (date: string, kinds: string[]) => {
  const [{ n }] = await db.query<{ n: number }>(
    `select count(*)::int as n from org_unit where kind = any($2::text[]) and established_on <= $1::date and (dissolved_on is null or dissolved_on > $1::date)`,
    [date, kinds],
  );
  return n;
};

describe('seedDemoCity', () => {
  it('has the 126 communes/wards and 16 departments of July 2025, and the 30 districts only before', async () => {
    expect(await activeOn('2025-07-01', ['commune', 'ward'])).toBe(126);
    expect(await activeOn('2025-07-01', ['department'])).toBe(16);
    expect(await activeOn('2024-12-31', ['district'])).toBe(30);
    expect(await activeOn('2025-07-01', ['district'])).toBe(0);
    const [city] = await db.query<{ name: string; parent_id: number | null }>(
      `select v.name, v.parent_id from org_unit u join org_unit_version v on v.unit_id = u.id where u.code = 'HN'`,
    );
    expect(city).toEqual({ name: 'Ủy ban nhân dân thành phố Hà Nội', parent_id: null });
  });

  it('links each new commune/ward to one former unit per former district, and departments to their predecessors', async () => {
    const rows = await db.query<{ code: string; n: number; kinds: string[] }>(
      `select s.code, count(*)::int as n, array_agg(distinct e.kind) as kinds
         from org_lineage l join org_unit s on s.id = l.successor_id join org_event e on e.id = l.event_id
        where s.kind in ('commune', 'ward') group by s.code`,
    );
    const expected = new Map(readCommunes().map((c) => [c.code, c.districts.length]));
    expect(rows).toHaveLength(126);
    for (const r of rows) {
      expect(r.n).toBe(expected.get(r.code));
      expect(r.kinds).toEqual(['merge']);
    }
    const [finance] = await db.query<{ names: string[] }>(
      `select array_agg(v.name order by v.name) as names from org_lineage l join org_unit s on s.id = l.successor_id
         join org_unit_version v on v.unit_id = l.predecessor_id where s.code = 'S05'`,
    );
    expect(finance.names).toEqual(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']);
  });

  it('moves commune schools to the new commune on 1 July 2025', async () => {
    const rows = await db.query<{ parent: string; valid_from: string }>(
      `select p.code as parent, v.valid_from from org_unit u join org_unit_version v on v.unit_id = u.id
         join org_unit p on p.id = v.parent_id where u.code = 'TH00004' order by v.valid_from`,
    );
    expect(rows).toEqual([{ parent: 'F00004-1', valid_from: '2008-08-01' }, { parent: '00004', valid_from: '2025-07-01' }]);
  });

  it('gives every person a valid, unique CCCD and a current unit from the latest employment', async () => {
    const people = await db.query<{ national_id: string; gender: 'female' | 'male'; birth_date: string; search_text: string; ok: boolean }>(
      `select national_id, gender, birth_date, search_text,
              current_unit_id = (select unit_id from employment e where e.person_id = p.id order by from_date desc limit 1) as ok
         from person p`,
    );
    expect(people.length).toBeGreaterThanOrEqual(500);
    expect(new Set(people.map((p) => p.national_id)).size).toBe(people.length);
    for (const p of people) {
      expect(checkCccd(p.national_id, { gender: p.gender, birthYear: Number(p.birth_date.slice(0, 4)) })).toBeNull();
      expect(p.ok).toBe(true);
      expect(p.search_text.startsWith(' ')).toBe(true);
    }
  });

  it('has between 8 % and 18 % leaders among current employments', async () => {
    const [{ share }] = await db.query<{ share: number }>(
      'select avg(case when is_leader then 1.0 else 0.0 end)::float8 as share from employment where to_date is null',
    );
    expect(share).toBeGreaterThanOrEqual(0.08);
    expect(share).toBeLessThanOrEqual(0.18);
  });

  it('has ratings for the five years 2021–2025, titles and collective titles', async () => {
    const years = await db.query<{ year: number }>('select distinct year from person_year_rating order by year');
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const [counts] = await db.query<{ titles: number; units: number; awards: number }>(
      `select (select count(*)::int from person_title) as titles, (select count(*)::int from unit_title) as units,
              (select count(*)::int from award_record) as awards`,
    );
    expect(counts.titles).toBeGreaterThan(0);
    expect(counts.units).toBeGreaterThan(0);
    expect(counts.awards).toBeGreaterThan(0);
  });

  it('creates the eleven demo accounts with the demo password', async () => {
    const rows = await db.query<{ username: string; role: string; code: string; password_hash: string; must_change_password: boolean }>(
      `select u.username, r.role, o.code, u.password_hash, u.must_change_password
         from app_user u join user_role r on r.user_id = u.id join org_unit o on o.id = r.org_unit_id order by u.id`,
    );
    expect(rows.map((r) => [r.username, r.role, r.code])).toEqual([
      ['admin', 'system_admin', 'HN'], ['chuyenvien', 'board_specialist', 'HN'], ['truongban', 'board_leader', 'HN'],
      ['hoidong', 'council_member', 'HN'], ['canbo.badinh', 'unit_officer', '00004'], ['lanhdao.badinh', 'unit_leader', '00004'],
      ['xem', 'viewer', 'S14'], ['canbo.sotuphap', 'unit_officer', 'S04'], ['lanhdao.sotuphap', 'unit_leader', 'S04'],
      ['canbo.soyte', 'unit_officer', 'S14'], ['lanhdao.soyte', 'unit_leader', 'S14'],
    ]);
    expect(rows.every((r) => !r.must_change_password)).toBe(true);
    expect(await verifyPassword(rows[0].password_hash, DEMO_PASSWORD)).toBe(true);
    expect(result.password).toBe(DEMO_PASSWORD);
    expect(result.accounts.find((a) => a.username === 'canbo.badinh')?.unit).toBe('Phường Ba Đình');
    expect(result.accounts.find((a) => a.username === 'xem')?.unit).toBe('Sở Y tế');
  });

  it('keeps the audit chain valid, with one entry per seeding step', async () => {
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const actions = await db.query<{ action: string }>(`select action from audit_log where action like 'seed.%' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['seed.org', 'seed.people', 'seed.history']);
  });

  it('stores the names it generated, and the same input gives the same people', async () => {
    const plan = buildOrgPlan();
    const a = generatePeople(createRng(20250701), plan, 500);
    const b = generatePeople(createRng(20250701), plan, 500);
    expect(b.map((p) => [p.fullName, p.nationalId])).toEqual(a.map((p) => [p.fullName, p.nationalId]));
    const stored = await db.query<{ full_name: string }>('select full_name from person order by id');
    expect(stored.map((r) => r.full_name)).toEqual(a.map((p) => p.fullName));
    expect(a.some((p) => /Đ/.test(p.fullName))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../tests/support/db.ts';
import type { Db } from '../server/db.ts';
import { defaultSettings } from '../modules/catalogue/settings.ts';
import { type DiscoveryHit, discover } from '../modules/eligibility/discovery.ts';
import { loadPersonInput } from '../modules/eligibility/history.ts';
import { DEMO_CASES, DEMO_TRANSFER, DEMO_UNITS, DEMO_WARD_CODE, DEMO_YEAR, type DemoCase } from './demo-cases.ts';
import { seedDemoCity } from './demo-city.ts';
import { generateHistory, historyYears } from './history-gen.ts';
import { buildOrgPlan } from './org-plan.ts';
import { generatePeople } from './people-gen.ts';
import { createRng } from './random.ts';

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
  await seedDemoCity(db, { people: 3000, accounts: false });
});
afterAll(() => db.close());

const caseByKey = (key: DemoCase['key']) => DEMO_CASES.find((c) => c.key === key) as DemoCase;

/** The one person of a case, with their current job and the facts discovery reads. */
async function facts(key: DemoCase['key']) {
  const c = caseByKey(key);
  const rows = await db.query<{ id: number; gender: string; unit: string; is_leader: boolean; from_date: string; to_date: string | null; first_from: string }>(
    `select p.id, p.gender, u.code as unit, e.is_leader, e.from_date, e.to_date,
            (select min(x.from_date) from employment x where x.person_id = p.id) as first_from
       from person p join employment e on e.person_id = p.id join org_unit u on u.id = e.unit_id
      where p.full_name = $1 and e.to_date is null`,
    [c.name],
  );
  expect(rows).toHaveLength(1);
  const [p] = rows;
  const id = p.id;
  const ratings = Object.fromEntries(
    (await db.query<{ year: number; rating: string }>('select year, rating from person_year_rating where person_id = $1', [id])).map((r) => [r.year, r.rating]),
  );
  const titles = await db.query<{ year: number; title_code: string }>('select year, title_code from person_title where person_id = $1 order by year, title_code', [id]);
  const initiatives = await db.query<{ year: number; scope: string; used_for_award: string | null }>(
    'select year, scope, used_for_award from person_initiative where person_id = $1 order by year', [id],
  );
  const yearsOf = (code: string) => titles.filter((t) => t.title_code === code).map((t) => t.year);
  return { ...p, ratings, titles, initiatives, yearsOf };
}

describe('named demo cases (Phường Ba Đình, discovery for 2025)', () => {
  it('has every case once, in a team whose latest parent is the ward of canbo.badinh, in public service since 2015 or earlier and still there', async () => {
    const teams = await db.query<{ code: string; parent: string }>(
      `select u.code, p.code as parent from org_unit u join org_unit p on p.id = u.latest_parent_id where u.code = any($1::text[]) order by u.code`,
      [Object.values(DEMO_UNITS).map((u) => u.code)],
    );
    expect(teams).toEqual([{ code: 'BD-MC', parent: DEMO_WARD_CODE }, { code: 'BD-TTDT', parent: DEMO_WARD_CODE }]);
    for (const c of DEMO_CASES.filter((x) => x.subject === 'individual')) {
      const f = await facts(c.key);
      expect(f.unit).toBe(c.unitCode);
      expect(f.first_from <= '2015-12-31').toBe(true);
      expect(f.to_date).toBeNull();
    }
  });

  it('a: CSTĐCS 2024 and 2025 but not 2023, excellent 2023–2025, an unused city-wide initiative in 2025', async () => {
    const f = await facts('a');
    expect(f.yearsOf('grassroots_emulation_fighter')).toEqual([2024, 2025]);
    expect([f.ratings[2023], f.ratings[2024], f.ratings[2025]]).toEqual(['excellent', 'excellent', 'excellent']);
    expect(f.initiatives).toContainEqual({ year: 2025, scope: 'ministerial_provincial', used_for_award: null });
  });

  it('b: a leader with CSTĐCS 2023–2025, excellent 2023–2025 and an unused city-wide initiative in 2025', async () => {
    const f = await facts('b');
    expect(f.is_leader).toBe(true);
    expect(f.yearsOf('grassroots_emulation_fighter')).toEqual([2023, 2024, 2025]);
    expect([f.ratings[2023], f.ratings[2024], f.ratings[2025]]).toEqual(['excellent', 'excellent', 'excellent']);
    expect(f.initiatives).toContainEqual({ year: 2025, scope: 'ministerial_provincial', used_for_award: null });
  });

  it('c: excellent 2021–2025, a reprimand still running on 2025-12-31, no title for 2025', async () => {
    const f = await facts('c');
    expect(historyYears().map((y) => f.ratings[y])).toEqual(Array(5).fill('excellent'));
    const d = await db.query('select level, from_date, to_date, revoked_on from person_discipline where person_id = $1', [f.id]);
    expect(d).toEqual([{ level: 'reprimand', from_date: '2025-02-01', to_date: '2026-02-01', revoked_on: null }]);
    expect(f.titles.filter((t) => t.year === 2025)).toEqual([]);
    expect(f.yearsOf('advanced_worker')).toEqual([2021, 2022, 2023, 2024]);
  });

  it('d: a woman rated excellent in 2025 with six months of maternity leave, no 2025 title yet', async () => {
    const f = await facts('d');
    expect(f.gender).toBe('female');
    expect(f.ratings[2025]).toBe('excellent');
    const leave = await db.query('select kind, from_date, to_date from person_leave where person_id = $1', [f.id]);
    expect(leave).toEqual([{ kind: 'maternity', from_date: '2025-03-01', to_date: '2025-09-01' }]);
    expect(f.titles.filter((t) => t.year === 2025)).toEqual([]);
  });

  it('e: two teams of exactly 13 members at the end of 2025, with 9 and 10 Lao động tiên tiến, rated good, no title yet', async () => {
    for (const team of Object.values(DEMO_UNITS)) {
      const [row] = await db.query<{ members: number; advanced: number; leaders: number; rating: string; titles: number; warned: number }>(
        `with m as (select e.person_id, e.is_leader from employment e join org_unit u on u.id = e.unit_id
                     where u.code = $1 and e.from_date <= '2025-12-31' and (e.to_date is null or e.to_date > '2025-12-31'))
         select (select count(*)::int from m) as members,
                (select count(*)::int from m join person_title t on t.person_id = m.person_id and t.year = 2025 and t.title_code = 'advanced_worker') as advanced,
                (select count(*)::int from m where m.is_leader) as leaders,
                (select r.rating from unit_year_rating r join org_unit u on u.id = r.unit_id where u.code = $1 and r.year = 2025) as rating,
                (select count(*)::int from unit_title t join org_unit u on u.id = t.unit_id where u.code = $1 and t.year = 2025) as titles,
                (select count(*)::int from m join person_discipline d on d.person_id = m.person_id and d.level <> 'reprimand') as warned`,
        [team.code],
      );
      expect(row).toEqual({ members: team.members, advanced: team.advancedWorkers2025, leaders: row.leaders, rating: 'good', titles: 0, warned: 0 });
      expect(row.leaders).toBeGreaterThan(0);
    }
    expect(caseByKey('e1').name).toBe(DEMO_UNITS.oneStop.name);
    expect(caseByKey('e2').name).toBe(DEMO_UNITS.urbanOrder.name);
  });

  it('f: rated excellent in 2025 with an open complaint since 2025-11-01', async () => {
    const f = await facts('f');
    expect(f.ratings[2025]).toBe('excellent');
    const cases = await db.query('select kind, opened_on, closed_on from review_case where person_id = $1', [f.id]);
    expect(cases).toEqual([{ kind: 'complaint', opened_on: '2025-11-01', closed_on: null }]);
    expect(f.titles.filter((t) => t.year === 2025)).toEqual([]);
  });

  it('g: a city certificate of merit for 2019–2020, then good or better 2021–2025 with CSTĐCS 2021, 2023, 2025', async () => {
    const f = await facts('g');
    const awards = await db.query('select form_code, decision_date, period_from, period_to from award_record where person_id = $1', [f.id]);
    expect(awards).toEqual([{ form_code: 'ministerial_provincial_certificate_of_merit', decision_date: '2021-04-10', period_from: 2019, period_to: 2020 }]);
    for (const y of historyYears()) expect(['excellent', 'good']).toContain(f.ratings[y]);
    expect(f.yearsOf('grassroots_emulation_fighter')).toEqual([2021, 2023, 2025]);
  });

  it('h: a direct worker rated excellent in 2025 with an unused grassroots initiative and no CSTĐCS yet', async () => {
    const f = await facts('h');
    expect(f.is_leader).toBe(false);
    expect(f.ratings[2025]).toBe('excellent');
    expect(f.initiatives).toContainEqual({ year: 2025, scope: 'grassroots', used_for_award: null });
    expect(f.yearsOf('grassroots_emulation_fighter')).toEqual([]);
  });

  it('i: a civil servant of another unit since 2012, transferred into the team on 2025-09-01, rated good for 2025, no 2025 title', async () => {
    const f = await facts('i');
    const jobs = await db.query('select u.code, e.category, e.from_date, e.to_date, e.end_reason from employment e join org_unit u on u.id = e.unit_id where e.person_id = $1 order by e.from_date', [f.id]);
    expect(jobs).toEqual([
      { code: DEMO_TRANSFER.fromUnitCode, category: 'civil_servant', from_date: DEMO_TRANSFER.recruitedOn, to_date: DEMO_TRANSFER.transferredOn, end_reason: 'transfer' },
      { code: 'BD-MC', category: 'civil_servant', from_date: DEMO_TRANSFER.transferredOn, to_date: null, end_reason: null },
    ]);
    expect(historyYears().map((y) => f.ratings[y])).toEqual(Array(5).fill('good'));
    expect(f.yearsOf('advanced_worker')).toEqual([2021, 2022, 2023, 2024]);
    // The stored path gives the first recruitment, not the start in the team: no new recruit.
    const h = await loadPersonInput(db, f.id, { asOf: '2026-01-15', award: 'advanced_worker' });
    expect(h?.input.subject).toMatchObject({ startedOn: DEMO_TRANSFER.transferredOn, recruitedOn: DEMO_TRANSFER.recruitedOn, inService: true });
  });

  it('discovery for the ward in 2025 concludes what every case says (eligible, one step away, or nothing for the blocked)', async () => {
    const units = await db.query<{ id: number }>('select id from org_unit where code = any($1::text[])', [Object.values(DEMO_UNITS).map((u) => u.code)]);
    const hits: DiscoveryHit[] = [];
    await discover(db, { unitIds: units.map((u) => u.id), year: DEMO_YEAR, asOf: '2026-01-15', status: 'all' }, { settings: defaultSettings(), onHit: (h) => hits.push(h), worker: false });
    for (const c of DEMO_CASES) {
      const hit = hits.find((h) => h.name === c.name && h.award === c.award);
      const got = !hit ? 'blocked' : hit.status === 'near' ? 'one_step_away' : hit.status === 'eligible' && !hit.duplicate ? 'eligible' : `${hit.status}/${hit.duplicate}`;
      expect(got, `${c.key}: ${c.name} — ${c.award}`).toBe(c.expected);
    }
  });
});

describe('the random history keeps to the law', () => {
  it('gives no title in a year a person was under discipline, nor in a year an open review case started', async () => {
    const [row] = await db.query<{ disciplined: number; frozen: number; disciplines: number; reviews: number }>(
      `select (select count(*)::int from person_title t join person_discipline d on d.person_id = t.person_id
                where make_date(t.year, 1, 1) < d.to_date and make_date(t.year, 12, 31) >= d.from_date) as disciplined,
              (select count(*)::int from person_title t join review_case r on r.person_id = t.person_id
                where r.closed_on is null and t.year >= extract(year from r.opened_on)) as frozen,
              (select count(*)::int from person_discipline) as disciplines,
              (select count(*)::int from review_case where closed_on is null) as reviews`,
    );
    expect(row.disciplined).toBe(0);
    expect(row.frozen).toBe(0);
    expect(row.disciplines).toBeGreaterThan(10);
    expect(row.reviews).toBeGreaterThan(1);
  });

  it('backs every CSTĐCS with an excellent rating, many with an initiative used for it; maternity leave only for women', async () => {
    const [row] = await db.query<{ fighters: number; unbacked: number; withInitiative: number; menOnLeave: number; leaves: number }>(
      `select count(*)::int as fighters,
              count(*) filter (where r.rating is distinct from 'excellent')::int as unbacked,
              count(*) filter (where exists (select 1 from person_initiative i where i.person_id = t.person_id and i.year = t.year
                                              and i.used_for_award = 'grassroots_emulation_fighter'))::int as "withInitiative",
              (select count(*)::int from person_leave l join person p on p.id = l.person_id where p.gender <> 'female') as "menOnLeave",
              (select count(*)::int from person_leave) as leaves
         from person_title t left join person_year_rating r on r.person_id = t.person_id and r.year = t.year
        where t.title_code = 'grassroots_emulation_fighter'`,
    );
    expect(row.unbacked).toBe(0);
    expect(row.withInitiative / row.fighters).toBeGreaterThan(0.4);
    expect(row.menOnLeave).toBe(0);
    expect(row.leaves).toBeGreaterThan(10);
  });

  it('rates every titled collective, and gives TTLĐTT/TTLĐXS only with ≥70 % of members Lao động tiên tiến', async () => {
    const rows = await db.query<{ title_code: string; rating: string | null; exceeded: boolean | null; members: number; advanced: number }>(
      `with m as (select e.unit_id, y.year, count(*)::int as members
                    from employment e join (select distinct year from unit_title) y
                      on e.from_date <= make_date(y.year, 12, 31) and (e.to_date is null or e.to_date > make_date(y.year, 12, 31))
                   group by 1, 2),
            a as (select unit_id, year, count(*)::int as advanced from person_title where title_code = 'advanced_worker' group by 1, 2)
       select t.title_code, r.rating, r.exceeded_targets as exceeded, coalesce(m.members, 0) as members, coalesce(a.advanced, 0) as advanced
         from unit_title t left join unit_year_rating r using (unit_id, year) left join m using (unit_id, year) left join a using (unit_id, year)`,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect([r.title_code, r.rating, r.exceeded]).toEqual(
        r.title_code === 'excellent_labor_collective' ? [r.title_code, 'excellent', true] : [r.title_code, 'good', false],
      );
      expect(r.advanced * 10).toBeGreaterThanOrEqual(r.members * 7);
    }
    const [{ untitled }] = await db.query<{ untitled: number }>(
      `select count(*)::int as untitled from unit_year_rating r where r.rating = 'good'
          and not exists (select 1 from unit_title t where t.unit_id = r.unit_id and t.year = r.year)`,
    );
    expect(untitled).toBeGreaterThan(0);
  });
});

describe('generator', () => {
  it('is deterministic, and ten years of history reach back to 2016 for most people', () => {
    const plan = buildOrgPlan();
    const run = (years: number) => {
      const rng = createRng(7);
      const people = generatePeople(rng, plan, 2000);
      return { people, history: generateHistory(rng, plan, people, historyYears(years)) };
    };
    const a = run(10);
    const b = run(10);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.people).toHaveLength(2000);
    expect(a.history.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const rated2016 = new Set(a.history.ratings.filter((r) => r.year === 2016).map((r) => r.person));
    expect(rated2016.size / a.people.length).toBeGreaterThan(0.6);
    expect(historyYears()).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('refuses fewer than five or more than twenty years', async () => {
    await expect(seedDemoCity(db, { people: 10, years: 3 })).rejects.toThrow(/years/);
    await expect(seedDemoCity(db, { people: 10, years: 21 })).rejects.toThrow(/years/);
  });
});

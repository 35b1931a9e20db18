/**
 * `npm run bench -- movements`: a movement's dashboard (GET /movements/:id/dashboard's work, `dashboard()`) over
 * 3,000 registered units × 20 criteria × 12 monthly reports (720,000 figures), on PGlite (in memory) and on
 * PostgreSQL (DATABASE_URL or 127.0.0.1:5432, a fresh database `vinhdanh_bench_movements`). The data is written
 * set-based (generate_series), the movement itself through `launchMovement`. Figure: the median of 7 runs after one
 * warm-up, `movement_dashboard_ms_pglite` / `_postgres` (goal ≤ 500 ms).
 */
import { type Db, openPglite, openPostgres } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { launchMovement } from '../src/modules/movements/commands.ts';
import { dashboard } from '../src/modules/movements/dashboard.ts';
import { ZLaunchRequest } from '../src/modules/movements/schema.ts';
import { makeUnit } from '../tests/support/factories.ts';
import { freshDatabase } from './workflow-setup.ts';
import { note, report } from './report.ts';

const UNITS = 3000;
const CRITERIA = 20;
const RUNS = 7;

async function seed(db: Db): Promise<number> {
  const city = await makeUnit(db, { kind: 'city_committee', name: 'Thành phố bench' });
  await db.query(
    `with u as (insert into org_unit (code, kind, established_on) select 'MVB' || g, 'ward', '2020-01-01' from generate_series(1, ${UNITS}) g returning id, code)
     insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, event_id) select id, 'Phường ' || code, null, $1, '2020-01-01', null from u`,
    [city],
  );
  const input = ZLaunchRequest.parse({
    title: 'Phong trào bench', kind: 'regular', authorityUnitId: city, planDocNumber: '1/KH-UBND', planDocDate: '2025-01-01', startsOn: '2025-01-01', endsOn: '2025-12-31',
    scopeUnitId: city, awardCode: 'ministerial_provincial_certificate_of_merit',
    criteria: Array.from({ length: CRITERIA }, (_, i) => ({ field: `Lĩnh vực ${i % 5}`, name: `Tiêu chí ${i + 1}`, measure: 'Tỷ lệ', unitOfMeasure: '%', target: 80, direction: i % 4 === 3 ? 'at_most' : 'at_least', weight: 5, leadUnitId: city, minValue: 0, maxValue: 100 })),
  });
  const { id } = await db.tx((q) => launchMovement(q, SYSTEM_ACTOR, { all: true }, input));
  await db.query(`insert into movement_registration (movement_id, unit_id, registered_on) select $1, u.id, '2025-01-15' from org_unit u where u.code like 'MVB%'`, [id]);
  // Most units report every month; one in 25 skips from month 9, one in 40 reports late.
  await db.query(
    `insert into movement_report (movement_id, unit_id, period_id, note, late, score, submitted_on)
     select $1, r.unit_id, p.id, '', (r.unit_id % 40 = 0), 0, p.ends_on + 3 from movement_registration r join movement_period p on p.movement_id = r.movement_id
      where r.movement_id = $1 and not (r.unit_id % 25 = 0 and p.seq >= 9)`,
    [id],
  );
  await db.query(
    `insert into movement_figure (report_id, criterion_id, value, attainment)
     select r.id, c.id, v.value, case when c.direction = 'at_most' then (case when v.value <= 80 then 1 else round(80 / v.value, 4) end) else least(1, round(v.value / 80, 4)) end
       from movement_report r join movement_criterion c on c.movement_id = r.movement_id
       cross join lateral (select ((r.unit_id * 7 + c.seq * 13 + r.period_id * 3) % 101)::numeric as value) v
      where r.movement_id = $1`,
    [id],
  );
  await db.query(
    `update movement_report r set score = s.score from (select f.report_id, sum(c.weight * f.attainment) as score from movement_figure f join movement_criterion c on c.id = f.criterion_id group by f.report_id) s
      where s.report_id = r.id and r.movement_id = $1`,
    [id],
  );
  await db.query(
    `insert into movement_tally (movement_id, criterion_id, period_id, reported, on_target, attainment_sum)
     select $1, f.criterion_id, r.period_id, count(*), count(*) filter (where f.attainment >= 1), sum(f.attainment)
       from movement_report r join movement_figure f on f.report_id = r.id where r.movement_id = $1 group by f.criterion_id, r.period_id`,
    [id],
  );
  await db.exec('analyze');
  return id;
}

async function measure(db: Db, id: number): Promise<number> {
  const first = await dashboard(db, id, null, { asOf: '2026-01-10', limit: 100, offset: 0 });
  if (first.units !== UNITS || first.periods.length !== 12) throw new Error(`bench data not as planned: ${first.units} units, ${first.periods.length} periods`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await dashboard(db, id, null, { asOf: '2026-01-10', limit: 100, offset: 0 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchMovementsPglite(): Promise<void> {
  const db = await openPglite(null);
  try {
    await migrate(db);
    const t = performance.now();
    const id = await seed(db);
    note(`movements: pglite seed ${Math.round(performance.now() - t)} ms`);
    report('movement_dashboard_ms_pglite', await measure(db, id), 'ms');
  } finally {
    await db.close();
  }
}

export async function benchMovementsPostgres(): Promise<void> {
  const fresh = await freshDatabase('vinhdanh_bench_movements');
  const db = await openPostgres(fresh.url, 2);
  try {
    await migrate(db);
    const id = await seed(db);
    report('movement_dashboard_ms_postgres', await measure(db, id), 'ms');
  } finally {
    await db.close();
    await fresh.drop();
  }
}

/**
 * `npm run bench -- movements clusters`: ranking of every cluster for one year (`rankAll`, the work behind each
 * cluster's ranking page, for all of them at once) over 700 clusters × 10 members × 50 criteria with 5 years of
 * scores (1,750,000 score rows), written set-based (generate_series). A 50-criterion sheet (5 groups × 10) is read
 * from a temporary sheets file with the module's own loader. Figure: the median of 7 runs after one warm-up,
 * `ranking_all_ms_pglite` / `_postgres` (goal ≤ 500 ms).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Db, openPglite, openPostgres } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { rankAll } from '../src/modules/clusters/ranking.ts';
import type { ClusterRow } from '../src/modules/clusters/repo.ts';
import { type Sheet, loadSheets } from '../src/modules/clusters/sheets.ts';
import { makeUnit } from '../tests/support/factories.ts';
import { freshDatabase } from './workflow-setup.ts';
import { note, report } from './report.ts';

const CLUSTERS = 700;
const MEMBERS = 10;
const GROUPS = 5;
const PER_GROUP = 10;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const RUNS = 7;

function benchSheet(): Sheet {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sheets-'));
  const groups = Array.from({ length: GROUPS }, (_, g) => `      - code: g${g}\n        name: Nhóm ${g}\n        children:\n${Array.from({ length: PER_GROUP }, (_, i) => `          - { code: g${g}.c${i}, name: "Tiêu chí ${g}.${i}", kind: quantitative, max: 2 }\n`).join('')}`).join('');
  const file = join(dir, 'sheets.yaml');
  writeFileSync(file, `sheets:\n  - id: bench50\n    name: Bench\n    from: 2020-01-01\n    tie_break: [g0, g1, g2]\n    criteria:\n${groups}`);
  const [sheet] = loadSheets(pathToFileURL(file));
  if (sheet.leaves.size !== GROUPS * PER_GROUP) throw new Error('bench sheet not as planned');
  return sheet;
}

async function seed(db: Db): Promise<ClusterRow[]> {
  const city = await makeUnit(db, { kind: 'city_committee', name: 'Thành phố bench cụm' });
  await db.query(
    `with u as (insert into org_unit (code, kind, established_on) select 'CLB' || g, 'ward', '2020-01-01' from generate_series(1, ${CLUSTERS * MEMBERS}) g returning id, code)
     insert into org_unit_version (unit_id, name, short_name, parent_id, valid_from, event_id) select id, 'Phường ' || code, null, $1, '2020-01-01', null from u`,
    [city],
  );
  await db.query(`insert into cluster (kind, name, authority_unit_id, sheet_id) select case when g % 3 = 0 then 'block' else 'cluster' end, 'Cụm ' || g, $1, 'bench50' from generate_series(1, ${CLUSTERS}) g`, [city]);
  // Unit CLBn belongs to the ((n−1) / 10)-th cluster, every year.
  await db.query(
    `insert into cluster_member (cluster_id, year, unit_id)
     select c.id, y, u.id from (select id, row_number() over (order by id) - 1 as k from cluster) c
       join (select id, substr(code, 4)::int - 1 as n from org_unit where code like 'CLB%') u on u.n / ${MEMBERS} = c.k
      cross join unnest($1::int[]) y`,
    [YEARS],
  );
  await db.query(`insert into cluster_scorecard (cluster_id, year, unit_id, state) select cluster_id, year, unit_id, 'published' from cluster_member`);
  await db.query(
    `insert into cluster_score (scorecard_id, criterion, self_points, verified_points, final_points)
     select sc.id, 'g' || g || '.c' || i, p, p, case when (sc.unit_id + i) % 17 = 0 then greatest(p - 0.5, 0) else p end
       from cluster_scorecard sc cross join generate_series(0, ${GROUPS - 1}) g cross join generate_series(0, ${PER_GROUP - 1}) i
      cross join lateral (select ((sc.unit_id * 7 + g * 13 + i * 3 + sc.year) % 5) * 0.5 as p) v`,
  );
  await db.query(
    `update cluster_scorecard sc set total = s.t, groups = s.g
       from (select scorecard_id, sum(pts) as t, jsonb_object_agg(grp, pts) as g
               from (select scorecard_id, split_part(criterion, '.', 1) as grp, sum(coalesce(final_points, verified_points, self_points)) as pts
                       from cluster_score group by 1, 2) x group by 1) s
      where s.scorecard_id = sc.id`,
  );
  await db.exec('analyze');
  return db.query<ClusterRow>('select id, kind, name, authority_unit_id, sheet_id, flag_count, merit_count, invented, version from cluster order by id');
}

async function measure(db: Db, clusters: ClusterRow[], sheet: Sheet): Promise<number> {
  const sheetOf = () => sheet;
  const first = await rankAll(db, 2025, clusters, sheetOf);
  const ranked = [...first.values()].reduce((n, rows) => n + rows.length, 0);
  if (first.size !== CLUSTERS || ranked !== CLUSTERS * MEMBERS) throw new Error(`bench data not as planned: ${first.size} clusters, ${ranked} members`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await rankAll(db, 2025, clusters, sheetOf);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchClustersPglite(): Promise<void> {
  const sheet = benchSheet();
  const db = await openPglite(null);
  try {
    await migrate(db);
    const t = performance.now();
    const clusters = await seed(db);
    note(`clusters: pglite seed ${Math.round(performance.now() - t)} ms`);
    report('ranking_all_ms_pglite', await measure(db, clusters, sheet), 'ms');
  } finally {
    await db.close();
  }
}

export async function benchClustersPostgres(): Promise<void> {
  const sheet = benchSheet();
  const fresh = await freshDatabase('vinhdanh_bench_clusters');
  const db = await openPostgres(fresh.url, 2);
  try {
    await migrate(db);
    const clusters = await seed(db);
    report('ranking_all_ms_postgres', await measure(db, clusters, sheet), 'ms');
  } finally {
    await db.close();
    await fresh.drop();
  }
}

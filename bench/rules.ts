import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '../src/modules/catalogue/settings.ts';
import { checkEligibility } from '../src/modules/rules/engine.ts';
import { discover, discoverableAwards } from '../src/modules/eligibility/discovery.ts';
import { buildPersonHistories, loadPersonInput } from '../src/modules/eligibility/history.ts';
import { type Db, openPglite } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { seedDemoCity } from '../src/seed/demo-city.ts';
import { note, percentile, report } from './report.ts';

// `npm run bench -- rules`: discovery over the 300,000-person city with 10 years of history.
export const RULES_PEOPLE = 300_000;
const YEARS = 10;
const DIR = new URL('../.bench/pglite-300k-10y', import.meta.url).pathname;
const YEAR = 2025;
const AS_OF = '2026-01-15';
const NAIVE_SAMPLE = 10_000;

async function openCity(): Promise<Db> {
  if (existsSync(join(DIR, 'PG_VERSION'))) {
    const db = await openPglite(DIR);
    await migrate(db);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from person');
    const [{ y }] = await db.query<{ y: number }>('select count(distinct year)::int as y from person_year_rating');
    if (n >= RULES_PEOPLE && y >= YEARS) {
      note(`reusing ${DIR} (${n} people, ${y} years)`);
      return db;
    }
    await db.close();
    rmSync(DIR, { recursive: true, force: true });
  }
  const db = await openPglite(DIR);
  await migrate(db);
  const t = performance.now();
  await seedDemoCity(db, { people: RULES_PEOPLE, years: YEARS, accounts: false, log: note });
  note(`seeded the ${RULES_PEOPLE}-person, ${YEARS}-year city in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return db;
}

/** The same rows discovery reads, by the same keyset pages, with plain selects and nothing built from them. */
async function scanFloor(db: Db): Promise<number> {
  const fromYear = YEAR - 12;
  let after = 0;
  let rows = 0;
  for (;;) {
    const ids = (await db.query<{ id: number }>(
      `select distinct e.person_id as id from employment e where e.from_date <= $1::date and (e.to_date is null or e.to_date > $1::date) and e.person_id > $2::bigint order by 1 limit 5000`,
      [AS_OF, after],
    )).map((r) => r.id);
    if (ids.length === 0) break;
    const batch = [
      db.query('select id, full_name, gender from person where id = any($1::bigint[])', [ids]),
      db.query('select person_id, unit_id, category, is_leader, from_date, to_date from employment where person_id = any($1::bigint[])', [ids]),
      db.query('select person_id, year, rating, id, corrects_id from person_year_rating where person_id = any($1::bigint[]) and year >= $2', [ids, fromYear]),
      db.query('select person_id, year, title_code, id, corrects_id, revoked_on from person_title where person_id = any($1::bigint[]) and year >= $2', [ids, fromYear]),
      db.query('select person_id, year, scope, used_for_award from person_initiative where person_id = any($1::bigint[]) and year >= $2', [ids, fromYear]),
      db.query('select person_id, year, scope, accepted from person_science_project where person_id = any($1::bigint[]) and year >= $2', [ids, fromYear]),
      db.query('select person_id, level, from_date, to_date from person_discipline where person_id = any($1::bigint[])', [ids]),
      db.query('select person_id, kind, from_date, to_date from person_leave where person_id = any($1::bigint[])', [ids]),
      db.query('select person_id, opened_on, closed_on from review_case where person_id = any($1::bigint[])', [ids]),
      db.query('select person_id, form_code, decision_date, period_from, period_to, award_type from award_record where person_id = any($1::bigint[])', [ids]),
    ];
    for (const r of await Promise.all(batch)) rows += r.length;
    after = ids[ids.length - 1];
    if (ids.length < 5000) break;
  }
  note(`scan floor read ${rows} rows`);
  return rows;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ s: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { s: (performance.now() - t) / 1000, value };
}

/** Every figure of the rules suite, printed as `bench: NAME VALUE UNIT`. */
export async function benchRules(): Promise<void> {
  const db = await openCity();
  try {
    const settings = defaultSettings();
    const awards = discoverableAwards('individual', AS_OF);
    note(`awards evaluated per person: ${awards.join(', ')}`);
    await scanFloor(db); // warm the cache the same way for both measurements
    const floor = await timed(() => scanFloor(db));
    let rows = 0;
    const found = await timed(() => discover(db, { unitIds: 'all', year: YEAR, asOf: AS_OF, subject: 'individual', status: 'all' }, { settings, onRow: () => rows++ }));
    note(`discovery examined ${found.value} people and found ${rows} candidate rows`);
    report('discovery_300k_s', found.s, 's');
    report('scan_floor_s', floor.s, 's');
    report('discovery_vs_floor', found.s / floor.s, 'x');

    const ids = (await db.query<{ id: number }>('select id from person order by id limit $1', [NAIVE_SAMPLE])).map((r) => r.id);
    const naive = await timed(async () => {
      for (const id of ids) {
        const h = await loadPersonInput(db, id, { asOf: AS_OF });
        if (!h) continue;
        for (const award of awards) checkEligibility({ ...h.input, award, asOf: AS_OF, year: YEAR }, { settings });
      }
    });
    const naiveScaled = (naive.s * found.value) / ids.length;
    note(`naive loop: ${ids.length} people in ${naive.s.toFixed(1)} s → ${naiveScaled.toFixed(0)} s for ${found.value}`);
    report('naive_vs_discovery', naiveScaled / found.s, 'x');

    const sample = await buildPersonHistories(db, ids.slice(0, 2000), { asOf: AS_OF });
    const timings: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const h of sample) {
        for (const award of awards) {
          const t = performance.now();
          checkEligibility({ ...h.input, award, asOf: AS_OF, year: YEAR }, { settings });
          timings.push(performance.now() - t);
        }
      }
    }
    note(`checks: ${timings.length}, p50 ${percentile(timings, 50).toFixed(3)} ms`);
    report('check_p99_ms', percentile(timings, 99), 'ms');
  } finally {
    await db.close();
  }
}

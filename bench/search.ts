import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Scope } from '../src/modules/auth/scope.ts';
import { searchPeople } from '../src/modules/people/search.ts';
import { type Db, openPglite, openPostgres } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { seedDemoCity } from '../src/seed/demo-city.ts';
import { createRng } from '../src/seed/random.ts';
import { foldVietnamese } from '../src/shared/vietnamese.ts';
import { note, percentile } from './report.ts';

export const BENCH_PEOPLE = 300_000;
const PGLITE_DIR = new URL('../.bench/pglite-300k', import.meta.url).pathname;

const log = (m: string) => note(m);

/** The PGlite city under .bench/, reused between runs when it already holds the full city. */
async function openPgliteCity(): Promise<Db> {
  if (existsSync(join(PGLITE_DIR, 'PG_VERSION'))) {
    const db = await openPglite(PGLITE_DIR);
    await migrate(db);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from person');
    if (n >= BENCH_PEOPLE) {
      note(`reusing ${PGLITE_DIR} (${n} people)`);
      return db;
    }
    await db.close();
    rmSync(PGLITE_DIR, { recursive: true, force: true });
  }
  const db = await openPglite(PGLITE_DIR);
  await migrate(db);
  await seedDemoCity(db, { people: BENCH_PEOPLE, accounts: false, log });
  return db;
}

/** Realistic searches: folded full names, family + middle names, given names, CCCD prefixes, some within one unit's subtree. */
export async function buildQueries(db: Db, count = 300): Promise<{ q: string; scope: Scope }[]> {
  const rng = createRng(7);
  const sample = await db.query<{ full_name: string; national_id: string }>(
    'select full_name, national_id from person where id % 997 = 0 order by id limit 400',
  );
  const scopes = await db.query<{ ids: number[] }>(
    `with roots as (select id from org_unit where code in ('00004', '00070', '10489', 'S14', 'S13', 'S05'))
     select (with recursive sub(id) as (select r.id union select e.child_id from org_scope_edge e join sub on e.parent_id = sub.id)
             select array_agg(id) from sub) as ids
       from roots r`,
  );
  const unitScopes: Scope[] = scopes.map((s) => ({ all: false, unitIds: s.ids.map(Number) }));
  const out: { q: string; scope: Scope }[] = [];
  for (let i = 0; i < count; i++) {
    const person = rng.pick(sample);
    const words = foldVietnamese(person.full_name).split(' ');
    const kind = rng.int(0, 9);
    const q =
      kind <= 2 ? words.join(' ') // "nguyen van an"
        : kind <= 4 ? words.slice(0, 2).join(' ') // "tran thi"
          : kind <= 6 ? (words.at(-1) as string) // "huong"
            : kind === 7 ? `${words[0]} ${words.at(-1)}` // "nguyen huong"
              : person.national_id.slice(0, rng.pick([6, 8])); // "001085"
    out.push({ q, scope: rng.chance(0.25) ? rng.pick(unitScopes) : { all: true } });
  }
  return out;
}

/** Runs the queries (after a warm-up) and returns the p95 in milliseconds. */
export async function measureSearch(db: Db, queries: { q: string; scope: Scope }[]): Promise<{ p95: number; p50: number; slowest: { q: string; ms: number }[] }> {
  for (const { q, scope } of queries.slice(0, 20)) await searchPeople(db, scope, scope, { q, limit: 50, offset: 0 });
  const timings: { q: string; ms: number }[] = [];
  for (const { q, scope } of queries) {
    const t = performance.now();
    await searchPeople(db, scope, scope, { q, limit: 50, offset: 0 });
    timings.push({ q: `${q}${scope.all ? '' : ' [unit scope]'}`, ms: performance.now() - t });
  }
  const ms = timings.map((t) => t.ms);
  return { p95: percentile(ms, 95), p50: percentile(ms, 50), slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5) };
}

/** p95 of 300 searches over a 300,000-person city on PGlite or on the PostgreSQL server. */
export async function benchSearch(target: 'pglite' | 'postgres'): Promise<number> {
  if (target === 'pglite') {
    const db = await openPgliteCity();
    try {
      return summarise(target, await measureSearch(db, await buildQueries(db)));
    } finally {
      await db.close();
    }
  }
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = await openPostgres(adminUrl, 1);
  const name = `vinhdanh_bench_${Date.now()}`;
  await admin.exec(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const db = await openPostgres(url.toString(), 2);
    try {
      await migrate(db);
      await seedDemoCity(db, { people: BENCH_PEOPLE, accounts: false, log });
      return summarise(target, await measureSearch(db, await buildQueries(db)));
    } finally {
      await db.close();
    }
  } finally {
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

function summarise(target: string, r: { p95: number; p50: number; slowest: { q: string; ms: number }[] }): number {
  note(`${target}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; slowest: ${r.slowest.map((s) => `"${s.q}" ${s.ms.toFixed(0)} ms`).join(', ')}`);
  return r.p95;
}

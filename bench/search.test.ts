import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../src/modules/auth/scope.ts';
import { searchPeople } from '../src/modules/people/search.ts';
import { openPglite, type Db } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { seedDemoCity } from '../src/seed/demo-city.ts';
import { foldVietnamese } from '../src/shared/vietnamese.ts';
import { buildQueries } from './search.ts';

// A city big enough (30,000 people) that common names take the planner's path and rare ones the collecting path.
let db: Db;
beforeAll(async () => {
  db = await openPglite(null);
  await migrate(db);
  await seedDemoCity(db, { people: 30_000, accounts: false });
}, 180_000);
afterAll(() => db.close());

/** The plain definition of a search page: every match, sorted, then sliced. */
async function reference(scope: Scope, q: string, limit: number, offset: number): Promise<number[]> {
  const params: unknown[] = [];
  const where = scope.all ? ['true'] : [`current_unit_id = any($${params.push(scope.unitIds)}::bigint[])`];
  for (const t of foldVietnamese(q).split(' ').filter(Boolean)) {
    where.push(/^\d{3,12}$/.test(t) ? `national_id like $${params.push(`${t}%`)}` : `search_text like $${params.push(`% ${t}%`)}`);
  }
  const rows = await db.query<{ id: number }>(`select id from person where ${where.join(' and ')} order by sort_key, id`, params);
  return rows.slice(offset, offset + limit + 1).map((r) => Number(r.id));
}

describe('people search on the demo city', () => {
  it('returns exactly the reference page for common, rare, scoped and CCCD searches', async () => {
    const queries = [...(await buildQueries(db, 60)), { q: 'nguyen', scope: { all: true } as Scope }, { q: 'tho', scope: { all: true } as Scope }, { q: 'thi', scope: { all: true } as Scope }];
    for (const { q, scope } of queries) {
      for (const offset of [0, 50]) {
        const page = await searchPeople(db, scope, scope, { q, limit: 50, offset });
        const expected = await reference(scope, q, 50, offset);
        expect([q, page.items.map((i) => i.id)]).toEqual([q, expected.slice(0, 50)]);
        expect(page.hasMore).toBe(expected.length > 50);
      }
    }
  }, 120_000);
});

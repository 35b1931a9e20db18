import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb } from '../../../tests/support/db.ts';
import type { Db } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';

const MIGRATION = '20261216_0020_award_quota.sql';
let db: Db;
beforeAll(async () => {
  db = await openTestDb(); // a fresh PGlite per file: this test rewinds its migration record
});
afterAll(() => db.close());

it('award_quota is created by eligibility on a new database', async () => {
  const [row] = await db.query<{ module: string }>('select module from schema_migration where name = $1', [MIGRATION]);
  expect(row?.module).toBe('eligibility');
  const [{ n }] = await db.query<{ n: number }>("select count(*)::int as n from pg_indexes where tablename = 'award_quota' and indexname = 'award_quota_award_idx'");
  expect(n).toBe(1);
});

it('a database whose award_quota came from catalogue\'s migration (before issue 11) takes the new migration and keeps its caps', async () => {
  await db.query("insert into award_quota (award_code, year, max_count, basis) values ('advanced_worker', 2025, 7, 'Kế hoạch cũ')");
  // As such a database stands: the table and its index exist, the new migration is not recorded.
  await db.query('delete from schema_migration where name = $1', [MIGRATION]);
  expect(await migrate(db)).toEqual([MIGRATION]);
  const rows = await db.query<{ award_code: string; max_count: number; basis: string }>('select award_code, max_count, basis from award_quota');
  expect(rows).toEqual([{ award_code: 'advanced_worker', max_count: 7, basis: 'Kế hoạch cũ' }]);
});

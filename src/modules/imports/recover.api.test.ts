import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../server/db.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import { recoverInterruptedJobs } from './jobs.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const job = async (status: string, age: string, staged: string | null = null) => {
  const [row] = await db.query<{ id: number }>(
    `insert into import_job (kind, status, file_name, staged, created_at) values ('people', $1, 'tep.xlsx', $2, now() - $3::interval) returning id`,
    [status, staged, age],
  );
  return row.id;
};
const statusOf = async (id: number) => (await db.query<{ status: string; summary: { failure?: string } | null; staged: unknown }>('select status, summary, staged from import_job where id = $1', [id]))[0];

it('after a restart, stale parsing jobs fail, stale applying jobs can be applied again, old staged rows expire', async () => {
  const parsing = await job('parsing', '2 hours');
  const applying = await job('applying', '2 hours', '{}');
  const fresh = await job('parsing', '1 minute');
  const old = await job('validated', '8 days', '{"rows":[]}');
  await recoverInterruptedJobs(db);
  expect(await statusOf(parsing)).toMatchObject({ status: 'failed', summary: { failure: 'interrupted' } });
  expect((await statusOf(applying)).status).toBe('validated');
  expect((await statusOf(fresh)).status).toBe('parsing');
  expect(await statusOf(old)).toMatchObject({ status: 'failed', staged: null, summary: { failure: 'expired' } });
});

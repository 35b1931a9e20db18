import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type TestContext, createTestContext } from '../../tests/support/app.ts';
import { eventually } from '../../tests/support/eventually.ts';
import { loadConfig } from './config.ts';
import { type Db, openPostgres } from './db.ts';
import { defineJob, enqueue, startJobs } from './jobs.ts';

// A job whose only effect is a row naming the run that did it (the table is this test's: tests may write anything).
const EFFECTS = 'jobs_test_effect';
const runnerOf = new WeakMap<Db, string>();
const recordRun = defineJob<{ key: string }>('test.record-run', async (data, ctx) => {
  await ctx.db.query(`insert into ${EFFECTS} (key, runner, job_id) values ($1, $2, $3)`, [data.key, runnerOf.get(ctx.db) ?? 'main', ctx.jobId]);
});

let ctx: TestContext;
const effects = (key: string) => ctx.db.query<{ runner: string; job_id: string }>(`select runner, job_id from ${EFFECTS} where key = $1`, [key]);

beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true });
  await ctx.db.exec(`create table if not exists ${EFFECTS} (key text not null, runner text not null, job_id text not null)`);
});
afterAll(async () => ctx?.close());

describe('background jobs (pg-boss on the app database)', () => {
  it('runs a job enqueued in a transaction that commits', async () => {
    const key = randomUUID();
    const id = await ctx.db.tx((q) => enqueue(q, recordRun, { key }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await eventually(async () => (await effects(key)).length > 0 && effects(key), 'the job to run');
    expect(rows).toEqual([{ runner: 'main', job_id: id }]);
  });

  it('never runs a job whose transaction rolled back', async () => {
    const lost = randomUUID();
    await expect(ctx.db.tx(async (q) => {
      await enqueue(q, recordRun, { key: lost });
      throw new Error('the use case failed after enqueueing');
    })).rejects.toThrow(/use case failed/);
    // A job enqueued after it runs: had the first one existed, it would have run before (one worker, FIFO).
    const after = randomUUID();
    await ctx.db.tx((q) => enqueue(q, recordRun, { key: after }));
    await eventually(async () => (await effects(after)).length > 0, 'the later job to run');
    expect(await effects(lost)).toEqual([]);
    const [{ n }] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from ${ctx.jobs.schema}.job where data->>'key' = $1`, [lost]);
    expect(n).toBe(0);
  });

  it('refuses a job nobody defined', async () => {
    await expect(ctx.db.tx((q) => enqueue(q, 'test.no-such-job', {}))).rejects.toThrow(/not defined/);
  });
});

describe.runIf(inject('databaseUrl'))('two app processes on one PostgreSQL database', () => {
  it('runs each job once', async () => {
    const url = inject('databaseUrl') as string;
    const config = loadConfig({});
    const schema = `pgboss_two_${process.pid}`;
    const dbs = [await openPostgres(url, 2), await openPostgres(url, 2)];
    dbs.forEach((db, i) => runnerOf.set(db, `runner${i + 1}`));
    const runners: Awaited<ReturnType<typeof startJobs>>[] = [];
    for (const db of dbs) runners.push(await startJobs(db, config, { schema, databaseUrl: url, pollingIntervalSeconds: 0.5 }));
    try {
      const keys = Array.from({ length: 40 }, () => randomUUID());
      // Enqueued through one of them; both work the queue.
      for (const key of keys) await dbs[0].tx((q) => runners[0].enqueue(q, recordRun, { key }));
      await eventually(async () => {
        const [{ n }] = await dbs[0].query<{ n: number }>(`select count(*)::int as n from ${EFFECTS} where key = any($1::text[])`, [keys]);
        return n >= keys.length;
      }, 'all jobs to run');
      // A moment more: a job run twice would show up as a second row.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const [{ n, distinct }] = await dbs[0].query<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct key)::int as distinct from ${EFFECTS} where key = any($1::text[])`, [keys]);
      expect({ n, distinct }).toEqual({ n: keys.length, distinct: keys.length });
    } finally {
      for (const r of runners) await r.stop();
      for (const db of dbs) await db.close();
    }
  });
});

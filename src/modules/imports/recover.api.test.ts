import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import { claimForApply, markApplied, recoverInterruptedJobs, releaseJob, renewLease } from './jobs.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** A job as a process left it: `lease` is when its lease runs out (null: a job from before leases). */
const job = async (status: string, age: string, staged: string | null = null, lease: string | null = null) => {
  const [row] = await db.query<{ id: number }>(
    `insert into import_job (kind, status, file_name, staged, created_at, lease_owner, lease_until)
     values ('people', $1, 'tep.xlsx', $2, now() - $3::interval, case when $4::text is null then null else 'someone' end, now() + $4::interval) returning id`,
    [status, staged, age, lease],
  );
  return row.id;
};
type Row = { status: string; summary: { failure?: string; interrupted?: { at: string } } | null; staged: unknown; lease_owner: string | null };
const statusOf = async (id: number) => (await db.query<Row>('select status, summary, staged, lease_owner from import_job where id = $1', [id]))[0];

describe('recovery of interrupted import jobs', () => {
  it('on PostgreSQL (expired): gives back jobs whose lease ran out, leaves live ones, expires old staged rows', async () => {
    const parsing = await job('parsing', '5 minutes', null, '-1 minute');
    const applying = await job('applying', '5 minutes', '{}', '-10 seconds');
    const live = await job('applying', '5 minutes', '{}', '1 minute');
    const legacyOld = await job('applying', '2 hours', '{}');
    const legacyFresh = await job('parsing', '1 minute');
    const old = await job('validated', '8 days', '{"rows":[]}');
    await recoverInterruptedJobs(db, 'expired');
    expect(await statusOf(parsing)).toMatchObject({ status: 'failed', summary: { failure: 'interrupted' }, lease_owner: null });
    const released = await statusOf(applying);
    expect(released).toMatchObject({ status: 'validated', staged: {}, lease_owner: null });
    expect(Date.parse(released.summary?.interrupted?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect((await statusOf(live)).status).toBe('applying');
    expect((await statusOf(legacyOld)).status).toBe('validated');
    expect((await statusOf(legacyFresh)).status).toBe('parsing');
    expect(await statusOf(old)).toMatchObject({ status: 'failed', staged: null, summary: { failure: 'expired' } });
  });

  it('on an embedded database at start-up (all): gives back every job left parsing or applying, whatever its age', async () => {
    const parsing = await job('parsing', '1 second', null, '2 minutes');
    const applying = await job('applying', '1 second', '{}', '2 minutes');
    await recoverInterruptedJobs(db, 'all');
    expect(await statusOf(parsing)).toMatchObject({ status: 'failed', summary: { failure: 'interrupted' } });
    expect(await statusOf(applying)).toMatchObject({ status: 'validated', summary: { interrupted: { at: expect.any(String) } } });
  });

  it('an apply whose job was given back and claimed again cannot commit (fenced by its lease token)', async () => {
    const id = await job('validated', '1 minute', '{}');
    const first = await claimForApply(db, id);
    expect(first).toEqual(expect.any(String));
    expect(await claimForApply(db, id)).toBeNull();
    // The first process looks dead (its lease ran out): recovery gives the job back and a new request claims it.
    await db.query(`update import_job set lease_until = now() - interval '1 second' where id = $1`, [id]);
    await recoverInterruptedJobs(db, 'expired');
    const second = await claimForApply(db, id);
    expect(second).not.toBe(first);
    expect((await statusOf(id)).summary?.interrupted).toBeUndefined();
    // The first, merely slow, finishes: its write is refused (the transaction rolls back), its release does nothing.
    await expect(db.tx((q) => markApplied(q, id, first as string, { created: 1, updated: 0 }))).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'IMPORT_STATE');
    await releaseJob(db, id, first as string, null);
    await renewLease(db, id, first as string);
    expect(await statusOf(id)).toMatchObject({ status: 'applying', lease_owner: second });
    await db.tx((q) => markApplied(q, id, second as string, { created: 1, updated: 0 }));
    expect(await statusOf(id)).toMatchObject({ status: 'applied', lease_owner: null });
  });
});

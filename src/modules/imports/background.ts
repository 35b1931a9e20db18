import { defineJob, enqueue } from '../../server/jobs.ts';
import type { Db, Queryable } from '../../server/db.ts';
import * as jobs from './jobs.ts';
import { setStagingQueue, stageJob } from './run-import.ts';

// The imports' background work through pg-boss (issue 12 §8): parsing an uploaded file, and giving back jobs a
// stopped process left behind. Both run in whichever app process takes them; the file waits on its job row.

/** Parses, validates and previews one uploaded file. Idempotent: a job already staged or held elsewhere is left. */
export const stageImportJob = defineJob<{ jobId: number }>('imports.stage', async ({ jobId }, ctx) => {
  await stageJob(ctx.db, jobId);
}, { retryLimit: 2, retryDelay: 5, expireInSeconds: 3600 });

setStagingQueue((q, jobId) => enqueue(q, stageImportJob, { jobId }, { singletonKey: `import-${jobId}` }));

/**
 * Cleans up after a process that stopped mid-import (see jobs.ts `recoverInterruptedJobs`); a file still waiting
 * on its job is queued again instead of failed, so the upload is not lost.
 */
export async function recoverImports(db: Db, mode: jobs.RecoveryMode): Promise<{ requeued: number; failed: number; released: number; expired: number }> {
  return db.tx(async (q: Queryable) => {
    const requeued = await jobs.takeStalledStaging(q, mode);
    for (const id of requeued) await enqueue(q, stageImportJob, { jobId: id }, { singletonKey: `import-${id}` });
    return { requeued: requeued.length, ...(await jobs.recoverInterruptedJobs(q, mode)) };
  });
}

/** Every minute, in one process of those sharing the database: jobs whose lease ran out are given back. */
export const recoverImportsJob = defineJob<Record<string, never>>('imports.recover', async (_data, ctx) => {
  await recoverImports(ctx.db, 'expired');
}, { cron: '* * * * *', retryLimit: 0 });

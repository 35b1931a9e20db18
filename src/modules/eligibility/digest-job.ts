import type { Db } from '../../server/db.ts';
import { defineJob, enqueue } from '../../server/jobs.ts';
import { refreshStaleHistories } from './history-digest.ts';

// Discovery's history digests are kept fresh in the background through pg-boss (issue 12 §8): after a start (a
// migration or another process may have left digests stale) and every minute, in whichever instance takes the
// job, so discovery's own refresh-before-read finds little to do. One job at a time across instances.

/** Rebuilds the digests of everyone written since the last refresh (people's change feed), a bounded batch at a time. */
export const refreshDigestsJob = defineJob<Record<string, never>>('eligibility.refresh-digests', async (_data, ctx) => {
  await refreshStaleHistories(ctx.db);
}, { cron: '* * * * *', retryLimit: 1, retryDelay: 10 });

/** Queues a refresh now (at start-up); a refresh already waiting makes this a no-op. */
export async function queueDigestRefresh(db: Db): Promise<void> {
  await db.tx((q) => enqueue(q, refreshDigestsJob, {}, { singletonKey: 'digests' }));
}

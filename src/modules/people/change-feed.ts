import type { Queryable } from '../../server/db.ts';

// Who changed since: the people module's change feed (migration 0017). Statement-level triggers on person and the
// fact tables log every person a committed write touched; a reader takes people off the log and rebuilds what it
// derives from their facts. Eligibility's history digests read it in SQL, in the same statement as the rebuild
// (`person_history_refresh_stale`, eligibility migration 0018), so a failed rebuild leaves them on the log.

/**
 * Takes up to `limit` people off the change feed, lowest ids first: each person a committed write touched since
 * they were last taken, once. Entries of transactions not yet committed stay for a later call.
 * @returns their ids, ascending (empty when nobody changed)
 */
export async function takeChangedPeople(q: Queryable, limit: number): Promise<number[]> {
  const [row] = await q.query<{ ids: number[] | null }>('select person_history_take_changed($1::int) as ids', [limit]);
  return (row?.ids ?? []).map(Number).sort((a, b) => a - b);
}

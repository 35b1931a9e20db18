/**
 * Stored history as the rule engine's input (../rules/contract.ts): for one person or collective, and streamed in
 * batches for discovery over an org subtree. Each batch costs a small constant number of set-based statements.
 */
import type { Queryable } from '../../server/db.ts';
import { activeUnitsPage } from '../org/readers.ts';
import { employedPeoplePage } from '../people/fact-readers.ts';
import { buildPersonHistories } from './history-person.ts';
import type { PersonHistory, UnitHistory } from './history-types.ts';
import { buildUnitHistories } from './history-unit.ts';

export { buildPersonHistories, fetchPersonDocs, loadPersonInput } from './history-person.ts';
export { buildUnitHistories, loadUnitInput } from './history-unit.ts';
export type { HistoryOptions, PersonHistory, UnitHistory } from './history-types.ts';

export interface StreamOptions {
  /** Units whose people (or which units themselves) are read; 'all' = every one active on `asOf`. */
  unitIds: number[] | 'all';
  asOf: string;
  /** Years before this one are left out of `years`. */
  fromYear: number;
  /** See `HistoryOptions.memberStatsFrom` (collectives only). */
  memberStatsFrom?: number;
  batchSize?: number;
}

const DEFAULT_BATCH = 5_000;

/**
 * Streams the histories of the people employed on `asOf` in one of `unitIds` (or anywhere), in batches by
 * ascending person id (keyset pagination).
 * @returns how many people were streamed
 */
export async function streamPersonInputs(q: Queryable, opts: StreamOptions, onBatch: (batch: PersonHistory[]) => void | Promise<void>): Promise<number> {
  return streamPersonPages(q, opts, (ids) => buildPersonHistories(q, ids, opts), onBatch);
}

/** The keyset pages of people employed on `asOf` in `unitIds`, each turned into `T` by `build`. */
export async function streamPersonPages<T>(q: Queryable, opts: StreamOptions, build: (ids: number[]) => Promise<T[]>, onBatch: (batch: T[]) => void | Promise<void>): Promise<number> {
  const page = (after: number, limit: number) => employedPeoplePage(q, { asOf: opts.asOf, after, limit, unitIds: opts.unitIds });
  return paginate(page, opts, build, onBatch);
}

/**
 * Streams the histories of the collectives active on `asOf` (established, not dissolved) among `unitIds`
 * (or all), in batches by ascending unit id.
 * @returns how many units were streamed
 */
export async function streamUnitInputs(q: Queryable, opts: StreamOptions, onBatch: (batch: UnitHistory[]) => void | Promise<void>): Promise<number> {
  const page = (after: number, limit: number) => activeUnitsPage(q, { asOf: opts.asOf, after, limit, unitIds: opts.unitIds });
  return paginate(page, opts, (ids) => buildUnitHistories(q, ids, opts), onBatch);
}

/**
 * Keyset pagination: the next page of ids starts after the last id of the previous one. The next page is read
 * while the caller works on the current one, so on a PostgreSQL server the database and the engine overlap (on
 * PGlite, which runs in this thread, it changes nothing).
 */
async function paginate<T>(
  page: (after: number, limit: number) => Promise<number[]>,
  opts: StreamOptions,
  build: (ids: number[]) => Promise<T[]>,
  onBatch: (batch: T[]) => void | Promise<void>,
): Promise<number> {
  if (Array.isArray(opts.unitIds) && opts.unitIds.length === 0) return 0;
  const limit = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const read = async (after: number) => {
    const ids = await page(after, limit);
    return { ids, batch: ids.length ? await build(ids) : [] };
  };
  let next: Promise<{ ids: number[]; batch: T[] }> | null = read(0);
  let count = 0;
  while (next) {
    const { ids, batch }: { ids: number[]; batch: T[] } = await next;
    if (ids.length === 0) break;
    next = ids.length < limit ? null : read(ids[ids.length - 1]);
    // Keep a failed prefetch from going unhandled while the current batch is processed; it rethrows when awaited.
    next?.catch(() => undefined);
    count += batch.length;
    await onBatch(batch);
  }
  return count;
}
